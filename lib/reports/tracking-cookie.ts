import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The tracking session: after the reporter proves the receipt once, a cookie names the case
 * until it expires (30 minutes after the last use). Its value is the case id and expiry with an
 * HMAC over both; it holds nothing secret and cannot be altered or extended by the browser.
 * Pure: the key is a parameter.
 */

export const TRACKING_COOKIE_NAME = "lacak";
export const TRACKING_SESSION_SECONDS = 30 * 60;

function mac(payload: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(`tracking-session.${payload}`).digest();
}

export function signTrackingSession(caseId: string, expiresAt: Date, key: Buffer): string {
  const payload = `${caseId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(payload, key).toString("base64url")}`;
}

/** The case id, or null for a forged, malformed or expired value. */
export function verifyTrackingSession(value: string | undefined, key: Buffer, now: Date): string | null {
  if (!value || value.length > 200) return null;
  const [caseId, expiresAtSeconds, encodedMac, ...rest] = value.split(".");
  if (!caseId || !expiresAtSeconds || !encodedMac || rest.length > 0) return null;
  const expected = mac(`${caseId}.${expiresAtSeconds}`, key);
  const given = Buffer.from(encodedMac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(expiresAtSeconds) || Number(expiresAtSeconds) * 1000 <= now.getTime()) return null;
  return caseId;
}
