import "server-only";

import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";

import { mailBaseUrl, sendGuarded } from "./deliver";
import { canStaffSeeCase, STAFF_ACTOR_SELECT } from "./recipients";
import { buildStaffMail } from "./templates";

/**
 * New cases reach an officer in batches: each NEW_CASE notification waits (mailStatus BATCHED)
 * until this job (every minute) finds the officer's last batch at least NOTIFY_BATCH_MINUTES old,
 * then one mail lists them all. Each case is checked against the access rule again here, when the
 * mail is built. The officer's settings row is locked while their batch is built, so two workers
 * cannot send the same batch; a failing server rolls the batch back for the next run.
 */

export type BatchRunResult = { mailed: number };

export async function sendOfficerNewCaseBatches(options: { now?: Date; batchMinutes?: number } = {}): Promise<BatchRunResult> {
  const now = options.now ?? clockNow();
  const batchMinutes = options.batchMinutes ?? getEnvironment().NOTIFY_BATCH_MINUTES;
  const mailedBefore = new Date(now.getTime() - batchMinutes * 60_000);
  const waiting = await db.notification.findMany({
    where: { mailStatus: "BATCHED", staffUserId: { not: null } },
    distinct: ["staffUserId"],
    select: { staffUserId: true },
  });
  let mailed = 0;
  for (const { staffUserId } of waiting) {
    if (staffUserId && (await sendBatchTo(staffUserId, now, mailedBefore))) mailed += 1;
  }
  return { mailed };
}

async function sendBatchTo(staffUserId: string, now: Date, mailedBefore: Date): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await tx.staffNotificationSettings.upsert({ where: { staffUserId }, create: { staffUserId }, update: {} });
      const [settings] = await tx.$queryRaw<{ lastBatchMailedAt: Date | null; locale: "id" | "en"; mutedMailKinds: string[] }[]>`
        SELECT "lastBatchMailedAt", "locale"::text AS "locale", COALESCE("mutedMailKinds", '{}')::text[] AS "mutedMailKinds" FROM "StaffNotificationSettings" WHERE "staffUserId" = ${staffUserId}::uuid FOR UPDATE SKIP LOCKED`;
      if (!settings || (settings.lastBatchMailedAt && settings.lastBatchMailedAt > mailedBefore)) return false;
      const staff = await tx.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, select: STAFF_ACTOR_SELECT });
      const rows = await tx.notification.findMany({
        where: { staffUserId, mailStatus: "BATCHED" },
        select: { id: true, case: { select: { id: true, trackingCode: true } } },
        orderBy: { createdAt: "asc" },
      });
      const visible: { notificationId: string; id: string; trackingCode: string }[] = [];
      for (const row of rows) {
        if (row.case && (await canStaffSeeCase(tx, staff, row.case.id))) visible.push({ notificationId: row.id, ...row.case });
      }
      if (settings.mutedMailKinds.includes("NEW_CASE")) visible.length = 0;
      const hidden = rows.filter((row) => !visible.some((entry) => entry.notificationId === row.id)).map((row) => row.id);
      if (hidden.length > 0) await tx.notification.updateMany({ where: { id: { in: hidden } }, data: { mailStatus: "SKIPPED", mailLastError: "turned off, or the recipient may no longer see the case" } });
      if (visible.length === 0) return false;

      const content = buildStaffMail({ kind: "NEW_CASE", locale: settings.locale, cases: visible, baseUrl: mailBaseUrl() });
      const result = await sendGuarded(staff.email, content, tx);
      const ids = visible.map((entry) => entry.notificationId);
      if ("reason" in result) {
        await tx.notification.updateMany({ where: { id: { in: ids } }, data: { mailStatus: result.outcome === "bounced" ? "BOUNCED" : "SKIPPED", mailLastError: result.reason } });
        return false;
      }
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { mailStatus: "SENT", mailSentAt: now, mailAttempts: { increment: 1 } } });
      await tx.staffNotificationSettings.update({ where: { staffUserId }, data: { lastBatchMailedAt: now } });
      return true;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
