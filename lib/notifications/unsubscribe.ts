import { createHmac, timingSafeEqual } from "node:crypto";

import { deriveAppKey } from "@/lib/env";

/**
 * The link in a reporter's notice that stops the notices of that case: the case id signed with a
 * key derived from APP_SECRET ("notice-unsubscribe"). It never expires (an old mail's link must
 * still work) and does nothing but stop mails, so it needs no secret key from the receipt; it
 * names no case to whoever reads it, because the id is not the tracking code.
 */

const SEPARATOR = ".";

function signatureOf(caseId: string): string {
  return createHmac("sha256", deriveAppKey("notice-unsubscribe")).update(`stop-notices:${caseId}`).digest("base64url");
}

export function createUnsubscribeToken(caseId: string): string {
  return `${Buffer.from(caseId, "utf8").toString("base64url")}${SEPARATOR}${signatureOf(caseId)}`;
}

/** The case id the token was made for, or null for anything else. */
export function readUnsubscribeToken(token: string): string | null {
  const [encoded, signature, ...rest] = token.split(SEPARATOR);
  if (!encoded || !signature || rest.length > 0) return null;
  const caseId = Buffer.from(encoded, "base64url").toString("utf8");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId)) return null;
  const expected = Buffer.from(signatureOf(caseId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? caseId : null;
}

export const UNSUBSCRIBE_PATH = "/pemberitahuan/berhenti";

export function unsubscribeUrl(baseUrl: string, caseId: string): string {
  return `${baseUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(createUnsubscribeToken(caseId))}`;
}
