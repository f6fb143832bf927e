import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { RESOLUTION_WORKING_DAYS } from "@/lib/deadlines/tiers";
import { addWorkingDays, countWorkingDaysBetween } from "@/lib/deadlines/working-days";

/**
 * When a reporter may object (keberatan) to the office's decision, and by when the objection must
 * be reviewed. Pure (no Next, no Prisma), so the rule is tested on its own and read the same by
 * the tracking page (to offer the form) and the write (to enforce it).
 *
 * - Only a decision the office made itself can be objected to here: RESOLVED or REJECTED. A
 *   FORWARDED case is in another body's hands; an open case can still be written to.
 * - The window is OBJECTION_WINDOW_WORKING_DAYS working days of the case's office after the day
 *   of the decision (the day itself does not count, as for every deadline), to the end of the
 *   last day in Jakarta: 10 by default, like the 10 working days SP4N-LAPOR! leaves a reporter
 *   to answer a follow-up before it closes a case.
 * - One objection per case. After the reviewed decision the reporter's way on is the Ombudsman
 *   or SP4N-LAPOR!, which the tracking page always shows.
 * - The review is due OBJECTION_REVIEW_WORKING_DAYS working days after the objection: the tier
 *   of the service standards for a complaint that needs no new investigation (the facts are on
 *   file; the supervisor checks the decision).
 */

export const OBJECTABLE_STATUSES = ["RESOLVED", "REJECTED"] as const satisfies readonly CaseStatus[];
export type ObjectableStatus = (typeof OBJECTABLE_STATUSES)[number];

export const OBJECTION_REVIEW_WORKING_DAYS = RESOLUTION_WORKING_DAYS.NO_INVESTIGATION;

export function isObjectableStatus(status: CaseStatus): status is ObjectableStatus {
  return (OBJECTABLE_STATUSES as readonly CaseStatus[]).includes(status);
}

/** The last instant an objection to a decision made at `decidedAt` is accepted. */
export function objectionWindowClosesAt(decidedAt: Date, windowWorkingDays: number, holidays: ReadonlySet<string>): Date {
  return addWorkingDays(decidedAt, windowWorkingDays, holidays);
}

/** When the review of an objection filed at `objectedAt` must be decided. */
export function objectionReviewDueAt(objectedAt: Date, holidays: ReadonlySet<string>): Date {
  return addWorkingDays(objectedAt, OBJECTION_REVIEW_WORKING_DAYS, holidays);
}

export type ObjectionWindow =
  /** The case is not closed by the office's own decision (open, or forwarded): nothing to object to. */
  | { status: "notApplicable" }
  /** The reporter already objected once. */
  | { status: "alreadyObjected" }
  /** Open until `closesAt`; `workingDaysLeft` counts the working days after today up to it (0: today is the last day). */
  | { status: "open"; closesAt: Date; workingDaysLeft: number }
  | { status: "closed"; closedAt: Date };

export function getObjectionWindow(input: {
  status: CaseStatus;
  /** The case's closedAt: when the decision was made. */
  decidedAt: Date | null;
  hasObjection: boolean;
  now: Date;
  windowWorkingDays: number;
  holidays: ReadonlySet<string>;
}): ObjectionWindow {
  if (input.hasObjection) return { status: "alreadyObjected" };
  if (!isObjectableStatus(input.status) || !input.decidedAt) return { status: "notApplicable" };
  const closesAt = objectionWindowClosesAt(input.decidedAt, input.windowWorkingDays, input.holidays);
  if (input.now > closesAt) return { status: "closed", closedAt: closesAt };
  return { status: "open", closesAt, workingDaysLeft: countWorkingDaysBetween(input.now, closesAt, input.holidays) };
}
