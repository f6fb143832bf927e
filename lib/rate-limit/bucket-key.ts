import { createHmac } from "node:crypto";

/**
 * A rate-limit bucket's key: the purpose in clear (for operators), then a keyed hash of the
 * purpose and the subject (a client address or a tracking code) cut to 128 bits. Without the
 * key, which is derived from APP_SECRET, the stored value cannot be matched back to an address,
 * not even by hashing all 2^32 IPv4 addresses. Pure: the key is a parameter.
 */
export function computeBucketKey(purpose: string, subject: string, key: Buffer): string {
  const digest = createHmac("sha256", key).update(`${purpose}:${subject}`).digest("hex").slice(0, 32);
  return `${purpose}:${digest}`;
}

/** The start of the fixed window `now` falls in. */
export function windowStartOf(now: Date, windowSeconds: number): Date {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}
