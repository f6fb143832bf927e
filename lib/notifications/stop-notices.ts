import "server-only";

import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";

import { readUnsubscribeToken } from "./unsubscribe";

/**
 * A reporter's "stop notices" link: from then on no mail about that case is sent (the delivery
 * checks it when each mail is built, so mails already waiting stop too). An anonymous reporter's
 * notice-only address is deleted at once: it has no other use.
 */
export async function stopReporterNotices(token: string, now: Date = clockNow()): Promise<"stopped" | "invalid"> {
  const caseId = readUnsubscribeToken(token);
  if (!caseId) return "invalid";
  const exists = await db.case.findUnique({ where: { id: caseId }, select: { id: true } });
  if (!exists) return "invalid";
  await db.reporterNoticeEmail.upsert({ where: { caseId }, create: { caseId, stoppedAt: now }, update: { stoppedAt: now, email: null } });
  return "stopped";
}
