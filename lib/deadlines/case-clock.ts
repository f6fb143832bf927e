import { CLOCK_RUNNING_STATUSES, isClosedStatus } from "@/lib/cases/workflow";
import type { CaseStatus, DeadlineTier } from "@/lib/generated/prisma/enums";

import { RESOLUTION_WORKING_DAYS, VERIFICATION_WORKING_DAYS } from "./tiers";
import { addWorkingDays, countWorkingDaysBetween, findYearsWithoutHolidays } from "./working-days";

/**
 * A case's deadline clock: when verification and resolution are due, how a pause while waiting
 * for the reporter moves them, and what state the deadline is in. Pure: no Next.js, no Prisma;
 * holidays come in as "YYYY-MM-DD" keys (lib/deadlines/holidays.ts loads them).
 *
 * The rules (SP4N-LAPOR! flow and the published service standards):
 * - verification is due 3 working days after receipt;
 * - resolution is due the tier's working days after verification, plus every working day the
 *   clock spent paused, so a pause of n working days moves the due date by n working days;
 * - the clock pauses while the office waits for the reporter and resumes when the status moves
 *   on (the reporter answered, or the officer continued without the answer).
 */

export type Holidays = ReadonlySet<string>;

/**
 * The days off that apply to a case (its office's: national, province, office) and the national
 * days alone: a year counts as entered only once it has national days, whatever regional ones it has.
 */
export type HolidayCalendar = { days: Holidays; nationalDays: Holidays };

/** The case fields the clock reads. */
export type CaseClock = {
  status: CaseStatus;
  deadlineTier: DeadlineTier;
  receivedAt: Date;
  verificationDueAt: Date;
  verifiedAt: Date | null;
  resolutionDueAt: Date | null;
  clockPausedAt: Date | null;
  pausedWorkingDays: number;
};

/** The case fields a clock change writes. */
export type CaseClockUpdate = Partial<Pick<CaseClock, "verifiedAt" | "resolutionDueAt" | "clockPausedAt" | "pausedWorkingDays" | "deadlineTier">> & {
  closedAt?: Date | null;
  verificationWorkingDays?: number;
  resolutionWorkingDays?: number;
};

export const DEADLINE_STATES = ["ON_TIME", "DUE_SOON", "OVERDUE", "PAUSED", "CLOSED"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export function computeVerificationDueAt(receivedAt: Date, holidays: Holidays): Date {
  return addWorkingDays(receivedAt, VERIFICATION_WORKING_DAYS, holidays);
}

export function computeResolutionDueAt(verifiedAt: Date, tier: DeadlineTier, pausedWorkingDays: number, holidays: Holidays): Date {
  return addWorkingDays(verifiedAt, RESOLUTION_WORKING_DAYS[tier] + pausedWorkingDays, holidays);
}

/** The deadline the office is working against now: verification until verified, resolution after. */
export function currentDueAt(clock: Pick<CaseClock, "verifiedAt" | "verificationDueAt" | "resolutionDueAt">): Date {
  return clock.verifiedAt ? (clock.resolutionDueAt ?? clock.verificationDueAt) : clock.verificationDueAt;
}

/** Working days the current pause has lasted so far (0 when the clock runs). */
export function currentPauseWorkingDays(clock: Pick<CaseClock, "clockPausedAt">, now: Date, holidays: Holidays): number {
  return clock.clockPausedAt ? countWorkingDaysBetween(clock.clockPausedAt, now, holidays) : 0;
}

/**
 * The due date as it would stand if the clock resumed now: for a paused case, the stored due
 * date moved by the working days paused so far; otherwise the current due date.
 */
export function projectedDueAt(clock: CaseClock, now: Date, holidays: Holidays): Date {
  if (!clock.clockPausedAt || !clock.verifiedAt) return currentDueAt(clock);
  const paused = clock.pausedWorkingDays + currentPauseWorkingDays(clock, now, holidays);
  return computeResolutionDueAt(clock.verifiedAt, clock.deadlineTier, paused, holidays);
}

/**
 * The instants that split open cases into deadline states at `now`: due before `now` is overdue;
 * due no later than the end of the next working day is due soon ("within one working day").
 * The queue's database filters use the same thresholds, so a list and its badges agree.
 */
export function deadlineThresholds(now: Date, holidays: Holidays): { overdueBefore: Date; dueSoonUntil: Date } {
  return { overdueBefore: now, dueSoonUntil: addWorkingDays(now, 1, holidays) };
}

export function getDeadlineState(clock: Pick<CaseClock, "status" | "verifiedAt" | "verificationDueAt" | "resolutionDueAt">, now: Date, holidays: Holidays): DeadlineState {
  if (isClosedStatus(clock.status)) return "CLOSED";
  if (!(CLOCK_RUNNING_STATUSES as readonly CaseStatus[]).includes(clock.status)) return "PAUSED";
  const dueAt = currentDueAt(clock);
  const { overdueBefore, dueSoonUntil } = deadlineThresholds(now, holidays);
  if (dueAt.getTime() < overdueBefore.getTime()) return "OVERDUE";
  if (dueAt.getTime() <= dueSoonUntil.getTime()) return "DUE_SOON";
  return "ON_TIME";
}

/** Whether the sweep should mark the case escalated: its clock runs and its deadline has passed. */
export function isOverdue(clock: Pick<CaseClock, "status" | "verifiedAt" | "verificationDueAt" | "resolutionDueAt">, now: Date, holidays: Holidays): boolean {
  return getDeadlineState(clock, now, holidays) === "OVERDUE";
}

/**
 * Resumes a paused clock at `now`: the working days since the pause began are added to
 * pausedWorkingDays and the resolution deadline moves by as many working days.
 */
export function resumeClock(clock: CaseClock, now: Date, holidays: Holidays): CaseClockUpdate {
  if (!clock.clockPausedAt) return {};
  const pausedWorkingDays = clock.pausedWorkingDays + currentPauseWorkingDays(clock, now, holidays);
  return {
    clockPausedAt: null,
    pausedWorkingDays,
    resolutionDueAt: clock.verifiedAt ? computeResolutionDueAt(clock.verifiedAt, clock.deadlineTier, pausedWorkingDays, holidays) : clock.resolutionDueAt,
  };
}

/** The clock fields that change when the status moves to `to` at `now`. The move itself is checked in lib/cases/workflow.ts. */
export function planStatusClock(clock: CaseClock, to: CaseStatus, now: Date, holidays: Holidays): CaseClockUpdate {
  const update: CaseClockUpdate = clock.status === "WAITING_FOR_REPORTER" && to !== "WAITING_FOR_REPORTER" ? resumeClock(clock, now, holidays) : {};
  const pausedWorkingDays = update.pausedWorkingDays ?? clock.pausedWorkingDays;
  if (to === "VERIFIED" && !clock.verifiedAt) {
    update.verifiedAt = now;
    update.resolutionDueAt = computeResolutionDueAt(now, clock.deadlineTier, pausedWorkingDays, holidays);
  }
  // The first decision on a report is its verification, or closing it straight from NEW.
  if (!clock.verifiedAt && (to === "VERIFIED" || isClosedStatus(to))) update.verificationWorkingDays = countWorkingDaysBetween(clock.receivedAt, now, holidays);
  if (to === "WAITING_FOR_REPORTER") update.clockPausedAt = now;
  if (isClosedStatus(to)) {
    update.closedAt = now;
    update.resolutionWorkingDays = workingDaysToClose(clock.receivedAt, now, pausedWorkingDays, holidays);
  }
  return update;
}

/**
 * Working days from receipt to closing, less the working days the clock spent paused waiting for
 * the reporter: the time the office itself took. Stored when a case closes, so the statistics
 * (lib/statistics) read a fixed figure that later holiday edits do not rewrite.
 */
export function workingDaysToClose(receivedAt: Date, closedAt: Date, pausedWorkingDays: number, holidays: Holidays): number {
  return Math.max(0, countWorkingDaysBetween(receivedAt, closedAt, holidays) - pausedWorkingDays);
}

/** A new tier recomputes the resolution deadline from verification (before verification there is none yet). */
export function planTierChange(clock: CaseClock, tier: DeadlineTier, holidays: Holidays): CaseClockUpdate {
  return {
    deadlineTier: tier,
    resolutionDueAt: clock.verifiedAt ? computeResolutionDueAt(clock.verifiedAt, tier, clock.pausedWorkingDays, holidays) : clock.resolutionDueAt,
  };
}

/**
 * The years between receipt and the due date for which the holiday table holds nothing: a due
 * date there was counted as if every weekday were a working day, so staff must be warned.
 */
export function findDeadlineYearsWithoutHolidays(clock: CaseClock, now: Date, calendar: HolidayCalendar): number[] {
  if (isClosedStatus(clock.status)) return [];
  return findYearsWithoutHolidays(clock.receivedAt, projectedDueAt(clock, now, calendar.days), calendar.nationalDays);
}
