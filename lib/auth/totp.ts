import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Time-based one-time codes (RFC 6238 over RFC 4226's HOTP), the kind every authenticator app
 * reads from an otpauth:// QR code: HMAC-SHA-1, 30-second steps, 6 digits. Pure apart from
 * node:crypto, so it is tested against the RFC's own vectors.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted too (clock drift, slow typing). */
export const TOTP_WINDOW_STEPS = 1;
/** 160 bits, the key length RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, the form otpauth:// URIs and manual entry use. */
export function encodeBase32(bytes: Uint8Array): string {
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/** Accepts lower case, spaces, dashes and padding, as people type a secret. Null when not base32. */
export function decodeBase32(text: string): Buffer | null {
  const normalized = text.toUpperCase().replace(/[\s-]/g, "").replace(/=+$/, "");
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of normalized) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value === -1) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new random secret, base32-encoded. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(SECRET_BYTES));
}

/** RFC 4226 HOTP with dynamic truncation. */
export function computeHotp(key: Uint8Array, counter: number, options: { digits?: number; algorithm?: TotpAlgorithm } = {}): string {
  const digits = options.digits ?? TOTP_DIGITS;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(options.algorithm ?? "sha1", key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

/** The time step (counter) a moment falls in. */
export function totpStepAt(time: Date): number {
  return Math.floor(time.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function computeTotp(key: Uint8Array, time: Date, options: { digits?: number; algorithm?: TotpAlgorithm } = {}): string {
  return computeHotp(key, totpStepAt(time), options);
}

/**
 * The step whose code matches `code` within ±TOTP_WINDOW_STEPS of `now`, or null. Every step of
 * the window is compared in constant time, so timing says nothing about which one matched. The
 * caller must still refuse a step that was already used (see lib/auth/second-factor.ts).
 */
export function findMatchingTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const given = Buffer.from(code);
  const current = totpStepAt(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step += 1) {
    if (timingSafeEqual(Buffer.from(computeHotp(key, step)), given) && matched === null) matched = step;
  }
  return matched;
}

/** The provisioning URI an authenticator app scans (Key Uri Format, as Google Authenticator defines it). */
export function buildOtpauthUri(options: { secret: string; accountName: string; issuer: string }): string {
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.accountName)}`;
  const parameters = new URLSearchParams({
    secret: options.secret,
    issuer: options.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${parameters}`;
}

/** "ABCD EFGH ..." for reading aloud or typing by hand. */
export function groupSecretForDisplay(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
