import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The tracking session cookie: after the reporter proves the receipt once, a cookie names their
 * tracking session (a TrackingSession row, which names the case) until it expires (30 minutes
 * after the last use) or is closed. Its value is the session id and expiry with an HMAC over
 * both; it holds nothing secret and cannot be altered or extended by the browser, and a forged
 * value is turned away before any database look-up. Pure: the key is a parameter.
 */

export const TRACKING_COOKIE_NAME = "lacak";
export const TRACKING_SESSION_SECONDS = 30 * 60;

function mac(payload: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(`tracking-session.${payload}`).digest();
}

export function signTrackingSession(sessionId: string, expiresAt: Date, key: Buffer): string {
  const payload = `${sessionId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(payload, key).toString("base64url")}`;
}

/** The session id, or null for a forged, malformed or expired value. */
export function verifyTrackingSession(value: string | undefined, key: Buffer, now: Date): string | null {
  if (!value || value.length > 200) return null;
  const [sessionId, expiresAtSeconds, encodedMac, ...rest] = value.split(".");
  if (!sessionId || !expiresAtSeconds || !encodedMac || rest.length > 0) return null;
  const expected = mac(`${sessionId}.${expiresAtSeconds}`, key);
  const given = Buffer.from(encodedMac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(expiresAtSeconds) || Number(expiresAtSeconds) * 1000 <= now.getTime()) return null;
  return sessionId;
}
