import { addWorkingDays } from "@/lib/deadlines/working-days";

/**
 * When a case waiting for the reporter is closed (./auto-close.ts). Pure: holidays come in as
 * "YYYY-MM-DD" keys of the case's office (lib/deadlines/holidays.ts).
 *
 * The reporter has until the end (Asia/Jakarta) of the N-th working day after the day the office
 * asked; the day of asking does not count, as for every working-day deadline (lib/deadlines).
 */
export function autoCloseDueAt(pausedAt: Date, workingDays: number, holidays: ReadonlySet<string>): Date {
  return addWorkingDays(pausedAt, workingDays, holidays);
}

export function isAutoCloseDue(pausedAt: Date, now: Date, workingDays: number, holidays: ReadonlySet<string>): boolean {
  return now.getTime() > autoCloseDueAt(pausedAt, workingDays, holidays).getTime();
}
