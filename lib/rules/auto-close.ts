import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { now as currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { planStatusClock } from "@/lib/deadlines/case-clock";
import { loadHolidayKeysForOffice, lockHolidaysForDeadlineWrite } from "@/lib/deadlines/holidays";
import { getEnvironment } from "@/lib/env";
import type { CaseStatus, DeadlineTier } from "@/lib/generated/prisma/enums";

import { isAutoCloseDue } from "./auto-close-rule";

/**
 * Auto-close (issue 13, the SP4N-LAPOR! rule): a case the office has been waiting on the
 * reporter for longer than AUTO_CLOSE_WORKING_DAYS working days (the office's calendar: weekends,
 * national, provincial and office holidays excluded) is closed as RESOLVED without the reporter's
 * response. The reporter had until the end of the N-th working day after the day the office asked;
 * the first run after that closes it.
 *
 * - Outcome: RESOLVED, like any resolution, so the statistics need no new status. The working
 *   days spent waiting are added to the pause (as when the reporter answers), so the office's own
 *   resolution time and on-time share do not count the reporter's silence. The objection window
 *   (lib/objections) and the rating open as for any resolution.
 * - The timeline: one public CASE_AUTO_CLOSED event (actor SYSTEM) carrying the status change and
 *   why (`reason: "NO_REPORTER_RESPONSE"`, the working days); the reporter reads it on /lacak and
 *   lib/notify turns it into a mail.
 * - Safe to run anywhere, any number of times: each case is closed in its own transaction that
 *   locks the row (SKIP LOCKED: another instance working on it is left alone) and checks again that
 *   it is still waiting since the same moment. A reporter's answer moves the case out of
 *   WAITING_FOR_REPORTER under the same row lock (lib/reports/tracking.ts), so an answered case is
 *   never closed, and a case closed a moment before the answer refuses the answer as closed.
 * - Fast at a million cases: candidates come from the (status, clockPausedAt) index, bounded by
 *   the calendar days N working days take at least; only those are checked against their
 *   office's holidays.
 */

export const AUTO_CLOSE_REASON = "NO_REPORTER_RESPONSE";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 200;

type Candidate = { id: string; clockPausedAt: Date };

type LockedCase = {
  id: string;
  officeId: number;
  status: CaseStatus;
  deadlineTier: DeadlineTier;
  receivedAt: Date;
  verificationDueAt: Date;
  verifiedAt: Date | null;
  resolutionDueAt: Date | null;
  clockPausedAt: Date | null;
  pausedWorkingDays: number;
};

/** Closes every case that has waited too long; returns how many this run closed. */
export async function runAutoClose(options: { now?: Date; workingDays?: number } = {}): Promise<{ closed: number }> {
  const now = options.now ?? currentTime();
  const workingDays = options.workingDays ?? getEnvironment().AUTO_CLOSE_WORKING_DAYS;
  // N working days span at least N calendar days: nothing paused later can be due.
  const pausedNoLaterThan = new Date(now.getTime() - workingDays * DAY_MS);
  let closed = 0;
  let after: Candidate | null = null;
  for (;;) {
    const cursor: Candidate | null = after;
    const candidates: Candidate[] = await db.case.findMany({
      where: {
        status: "WAITING_FOR_REPORTER",
        clockPausedAt: { lte: pausedNoLaterThan },
        ...(cursor ? { OR: [{ clockPausedAt: { gt: cursor.clockPausedAt } }, { clockPausedAt: cursor.clockPausedAt, id: { gt: cursor.id } }] } : {}),
      },
      orderBy: [{ clockPausedAt: "asc" }, { id: "asc" }],
      take: BATCH_SIZE,
      select: { id: true, clockPausedAt: true },
    }) as Candidate[];
    for (const candidate of candidates) {
      if (await closeIfStillWaiting(candidate, { now, workingDays })) closed += 1;
    }
    if (candidates.length < BATCH_SIZE) return { closed };
    after = candidates[candidates.length - 1]!;
  }
}

async function closeIfStillWaiting(candidate: Candidate, options: { now: Date; workingDays: number }): Promise<boolean> {
  const { now, workingDays } = options;
  return db.$transaction(async (tx) => {
    // Holiday lock before the row lock (lib/deadlines/holidays.ts), then the row, skipping one
    // another instance or a reporter's answer holds right now (the next run sees it again).
    await lockHolidaysForDeadlineWrite(tx);
    const [current] = await tx.$queryRaw<LockedCase[]>`
      SELECT "id", "officeId", "status", "deadlineTier", "receivedAt", "verificationDueAt", "verifiedAt",
             "resolutionDueAt", "clockPausedAt", "pausedWorkingDays"
      FROM "Case" WHERE "id" = ${candidate.id}::uuid FOR UPDATE SKIP LOCKED`;
    if (!current || current.status !== "WAITING_FOR_REPORTER" || !current.clockPausedAt) return false;
    if (current.clockPausedAt.getTime() !== candidate.clockPausedAt.getTime()) return false;

    const holidays = await loadHolidayKeysForOffice(tx, current.officeId);
    if (!isAutoCloseDue(current.clockPausedAt, now, workingDays, holidays)) return false;

    const clock = planStatusClock(current, "RESOLVED", now, holidays);
    await tx.case.update({
      where: { id: current.id },
      data: { status: "RESOLVED", ...clock, version: { increment: 1 } },
      select: { id: true },
    });
    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "SYSTEM",
      action: AUDIT_ACTIONS.CASE_AUTO_CLOSED,
      isPublic: true,
      before: { status: "WAITING_FOR_REPORTER", waitingSince: current.clockPausedAt.toISOString() },
      after: {
        status: "RESOLVED",
        reason: AUTO_CLOSE_REASON,
        workingDays,
        ...(clock.pausedWorkingDays !== undefined ? { pausedWorkingDays: clock.pausedWorkingDays } : {}),
      },
      createdAt: now,
    });
    return true;
  });
}
