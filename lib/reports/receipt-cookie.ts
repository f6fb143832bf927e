import { openSealedSecret, sealSecret } from "@/lib/idempotency/sealed-secret";

/**
 * The receipt cookie: right after filing, the receipt (case, tracking code and secret key) is
 * kept for its own page, /lapor/tanda-terima, so that the page can be reloaded, shown in the
 * other language and come back after Back without the key ever entering a URL, the browser
 * history, a Referer or a log line.
 *
 * Its value is the receipt sealed with AES-256-GCM under a key derived from APP_SECRET (the
 * browser can neither read nor alter it) with its expiry inside, checked on every read: a copy
 * kept past its lifetime opens nothing. The cookie itself is httpOnly (no script reads it),
 * SameSite=Strict (no other site's link or form carries it), scoped to /lapor (sent to no other
 * path) and Secure in production. Pure: the key is a parameter.
 */

export const RECEIPT_COOKIE_NAME = "tanda-terima";
export const RECEIPT_COOKIE_PATH = "/lapor";
/** Long enough to print, download or copy the key; as long as a retried filing may show it again. */
export const RECEIPT_COOKIE_SECONDS = 60 * 60;

export type KeptReceipt = { caseId: string; trackingCode: string; secretKey: string; expiresAt: Date };

/** Binds the ciphertext to this use: a value sealed for another purpose does not open here. */
const ASSOCIATED_DATA = "lapor-imigrasi/receipt-cookie/v1";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACKING_CODE = /^LI-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const SECRET_KEY = /^\d{5}(-\d{5}){4}$/;

export function sealReceiptCookie(receipt: KeptReceipt, key: Buffer): string {
  const payload = JSON.stringify({ c: receipt.caseId, t: receipt.trackingCode, k: receipt.secretKey, e: Math.floor(receipt.expiresAt.getTime() / 1000) });
  return sealSecret(payload, key, ASSOCIATED_DATA);
}

/** The receipt, or null for a forged, altered, malformed or expired value. */
export function openReceiptCookie(value: string | undefined, key: Buffer, now: Date): KeptReceipt | null {
  if (!value || value.length > 1000) return null;
  const opened = openSealedSecret(value, key, ASSOCIATED_DATA);
  if (!opened) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(opened);
  } catch {
    return null;
  }
  if (!payload || typeof payload !== "object") return null;
  const { c, t, k, e } = payload as Record<string, unknown>;
  if (typeof c !== "string" || !UUID.test(c) || typeof t !== "string" || !TRACKING_CODE.test(t) || typeof k !== "string" || !SECRET_KEY.test(k)) return null;
  if (typeof e !== "number" || !Number.isInteger(e) || e * 1000 <= now.getTime()) return null;
  return { caseId: c, trackingCode: t, secretKey: k, expiresAt: new Date(e * 1000) };
}
