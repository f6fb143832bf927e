import "server-only";

import { now as clockNow } from "@/lib/clock";
import { deadlineStateSql, CURRENT_DUE_SQL } from "@/lib/cases/deadline-sql";
import { db } from "@/lib/db";
import { deadlineThresholds } from "@/lib/deadlines/case-clock";
import { loadNationalHolidayKeys } from "@/lib/deadlines/holidays";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { getStatistics } from "@/lib/statistics/queries";

import { mailBaseUrl, sendGuarded } from "./deliver";
import { planStaffNotices } from "./plan";
import { actorOf, findOfficeOfficers, findStaffById, STAFF_ACTOR_SELECT } from "./recipients";
import { buildDigestMail, type DigestFigures } from "./templates";

/**
 * The notifications no single change causes: deadline reminders (hourly) and the supervisors'
 * weekly digest (Monday morning). Both are idempotent per recipient and occasion (dedupeKey), so
 * a run repeated after a crash, or by a second instance, tells no one twice.
 */

const REMINDER_BATCH = 500;

/**
 * A case whose running deadline falls within one working day (the queue's "due soon", same
 * thresholds) is reminded once per deadline to its assignee, or to its office's officers when no
 * one is assigned.
 */
export async function planDeadlineReminders(options: { now?: Date } = {}): Promise<{ planned: number }> {
  const now = options.now ?? clockNow();
  const holidays = await loadNationalHolidayKeys();
  const dueSoon = deadlineStateSql("DUE_SOON", deadlineThresholds(now, holidays));
  const cases = await db.$queryRaw<{ id: string; officeId: number; regionalOfficeId: number; assigneeId: string | null; dueAt: Date }[]>`
    SELECT c."id", c."officeId", o."regionalOfficeId", c."assigneeId", ${CURRENT_DUE_SQL} AS "dueAt"
    FROM "Case" c JOIN "Office" o ON o."id" = c."officeId"
    WHERE ${dueSoon}
    ORDER BY ${CURRENT_DUE_SQL}, c."id"
    LIMIT ${REMINDER_BATCH}`;
  let planned = 0;
  for (const found of cases) {
    planned += await db.$transaction(async (tx) => {
      const caseRef = { id: found.id, officeId: found.officeId, regionalOfficeId: found.regionalOfficeId, assigneeId: found.assigneeId };
      const recipients = found.assigneeId ? await findStaffById(tx, found.id, found.assigneeId) : await findOfficeOfficers(tx, caseRef);
      const dueKey = found.dueAt.toISOString();
      return planStaffNotices(tx, { caseId: found.id, kind: "DEADLINE_DUE", recipients, createdAt: now, details: { dueAt: dueKey }, dedupeKeyOf: (staffUserId) => `deadline:${found.id}:${dueKey}:${staffUserId}` });
    });
  }
  return { planned };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The digest's figures for one supervisor: the statistics page's report over the last seven Jakarta days. */
export async function computeDigestFigures(actor: ReturnType<typeof actorOf>, now: Date): Promise<{ figures: DigestFigures; scopeName: string | null }> {
  const to = toJakartaDateKey(new Date(now.getTime() - DAY_MS));
  const from = toJakartaDateKey(new Date(now.getTime() - 7 * DAY_MS));
  const report = await getStatistics(actor, { period: { preset: "custom", from, to } }, { now, minimumCases: 1 });
  const onTime = report.deadlines.resolutionOnTime;
  const figures: DigestFigures = {
    newCases: report.volume.received,
    resolved: report.outcomes.resolved,
    overdue: report.deadlines.overdueNow,
    onTimeShare: onTime.value === null ? null : Math.round(onTime.value * 100),
    averageRating: report.satisfaction.average,
    ratings: report.satisfaction.ratings,
  };
  const scopeName = report.scope.kind === "all" ? null : report.scope.kind === "none" ? null : report.scope.name;
  return { figures, scopeName };
}

const NATIONAL_SCOPE_NAME = { id: "seluruh Indonesia", en: "all of Indonesia" } as const;

/** Every active supervisor who has not turned the digest off gets this week's, once. */
export async function sendWeeklyDigests(options: { now?: Date } = {}): Promise<{ mailed: number }> {
  const now = options.now ?? clockNow();
  const week = toJakartaDateKey(now);
  const supervisors = await db.staffUser.findMany({ where: { role: "SUPERVISOR", isActive: true }, select: { ...STAFF_ACTOR_SELECT, notificationSettings: { select: { mutedMailKinds: true, locale: true } } }, orderBy: { id: "asc" } });
  let mailed = 0;
  for (const supervisor of supervisors) {
    const dedupeKey = `digest:${week}:${supervisor.id}`;
    if (await db.notification.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
    const muted = supervisor.notificationSettings?.mutedMailKinds.includes("WEEKLY_DIGEST") ?? false;
    const locale = supervisor.notificationSettings?.locale ?? "id";
    const { figures, scopeName } = await computeDigestFigures(actorOf(supervisor), now);
    const notification = await db.notification.create({
      data: { recipientKind: "STAFF", staffUserId: supervisor.id, kind: "WEEKLY_DIGEST", details: { ...figures, week }, dedupeKey, mailStatus: muted ? "NONE" : "PENDING", createdAt: now },
      select: { id: true },
    });
    if (muted) continue;
    const content = buildDigestMail({ locale, scopeName: scopeName ?? NATIONAL_SCOPE_NAME[locale], figures, baseUrl: mailBaseUrl() });
    try {
      const result = await sendGuarded(supervisor.email, content);
      const delivered = !("reason" in result);
      await db.notification.update({
        where: { id: notification.id },
        data: delivered ? { mailStatus: "SENT", mailSentAt: now, mailAttempts: 1 } : { mailStatus: result.outcome === "bounced" ? "BOUNCED" : "SKIPPED", mailLastError: result.reason },
      });
      if (delivered) mailed += 1;
    } catch (error) {
      await db.notification.update({ where: { id: notification.id }, data: { mailStatus: "FAILED", mailAttempts: 1, mailLastError: (error instanceof Error ? error.message : String(error)).slice(0, 500) } });
    }
  }
  return { mailed };
}
