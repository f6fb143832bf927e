import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for small secrets kept at rest (TOTP secrets) or handed to the browser sealed
 * (the sign-in challenge). The `context` is authenticated but not stored: a box only opens under
 * the context it was sealed for, so a TOTP secret copied to another user's row, or a token of
 * one kind presented as another, does not open. Pure: the key is a parameter.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealText(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** Null (never an exception) when the box was tampered with, sealed for another context or key, or is malformed. */
export function openSealedText(sealed: string, key: Buffer, context: string): string | null {
  const [version, ivText, ciphertextText, tagText, ...rest] = sealed.split(".");
  if (version !== VERSION || !ivText || ciphertextText === undefined || !tagText || rest.length > 0) return null;
  try {
    const iv = Buffer.from(ivText, "base64url");
    const tag = Buffer.from(tagText, "base64url");
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A sealed JSON payload that stops opening after `expiresAt`. */
export function sealExpiringJson(payload: Record<string, unknown>, options: { key: Buffer; context: string; expiresAt: Date }): string {
  return sealText(JSON.stringify({ payload, expiresAt: options.expiresAt.getTime() }), options.key, options.context);
}

export function openExpiringJson(sealed: string, options: { key: Buffer; context: string; now: Date }): unknown {
  const opened = openSealedText(sealed, options.key, options.context);
  if (opened === null) return null;
  try {
    const parsed = JSON.parse(opened) as { payload?: unknown; expiresAt?: unknown };
    if (typeof parsed.expiresAt !== "number" || parsed.expiresAt <= options.now.getTime()) return null;
    return parsed.payload ?? null;
  } catch {
    return null;
  }
}
