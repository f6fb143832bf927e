import { toJakartaDateKey } from "./working-days";

/**
 * When the dashboard reminds admins and supervisors to enter next year's holidays. The government
 * usually publishes the next year's national holidays and cuti bersama in September or October
 * (SKB of three ministers); from 1 October (Asia/Jakarta) a 60-working-day deadline already
 * reaches into January, so from then until next year has national holidays, the notice shows.
 *
 * Pure: no Next.js, no Prisma.
 */

/** Month and day (Jakarta) from which the notice may show. */
export const HOLIDAY_NOTICE_FROM = { month: 10, day: 1 } as const;

/**
 * The year whose holidays are missing and should be entered now, or null: next year, from
 * 1 October (Jakarta) while it has no national holiday.
 */
export function findYearNeedingHolidays(now: Date, yearsWithNationalHolidays: ReadonlySet<number>): number | null {
  const today = toJakartaDateKey(now);
  const year = Number(today.slice(0, 4));
  const from = `${year}-${String(HOLIDAY_NOTICE_FROM.month).padStart(2, "0")}-${String(HOLIDAY_NOTICE_FROM.day).padStart(2, "0")}`;
  if (today < from) return null;
  return yearsWithNationalHolidays.has(year + 1) ? null : year + 1;
}
