/**
 * Working-day arithmetic in the Asia/Jakarta time zone (UTC+7, no daylight
 * saving). Weekends, national holidays and cuti bersama are not working days.
 *
 * Pure: no Next.js, no Prisma. Holidays come in as date keys ("YYYY-MM-DD").
 */

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Jakarta of an instant, as "YYYY-MM-DD". */
export function toJakartaDateKey(instant: Date): string {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Years a date typed into a filter may name: wide enough for any report, narrow enough for Postgres and Date arithmetic. */
const DATE_KEY_YEARS = { first: 2000, last: 2100 } as const;

/**
 * Whether `value` is "YYYY-MM-DD" naming a day that exists (Date.parse would roll 2026-02-30
 * over to March) in a plausible year: URLs are typed by hand, and a year 0001 would reach
 * Postgres as an out-of-range timestamp.
 */
export function isRealDateKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < DATE_KEY_YEARS.first || year > DATE_KEY_YEARS.last) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The last millisecond of a Jakarta calendar day, as an instant. */
export function endOfJakartaDay(dateKey: string): Date {
  const midnightUtc = Date.parse(`${dateKey}T00:00:00.000Z`);
  return new Date(midnightUtc - JAKARTA_OFFSET_MS + DAY_MS - 1);
}

function nextDateKey(dateKey: string): string {
  return new Date(Date.parse(`${dateKey}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(dateKey: string): boolean {
  const weekday = new Date(`${dateKey}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(dateKey: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(dateKey) && !holidays.has(dateKey);
}

/**
 * The deadline that falls `workingDays` working days after `from`: the end of
 * the Jakarta day that is the n-th working day after the day of `from`
 * (the day of receipt itself does not count).
 */
export function addWorkingDays(from: Date, workingDays: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer, got ${workingDays}`);
  }
  let dateKey = toJakartaDateKey(from);
  let remaining = workingDays;
  while (remaining > 0) {
    dateKey = nextDateKey(dateKey);
    if (isWorkingDay(dateKey, holidays)) remaining -= 1;
  }
  return endOfJakartaDay(dateKey);
}

/**
 * Working days after the Jakarta day of `from`, up to and including the day of
 * `to`. Zero when `to` is on the same day or earlier.
 */
export function countWorkingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  const lastKey = toJakartaDateKey(to);
  let dateKey = toJakartaDateKey(from);
  let count = 0;
  while (dateKey < lastKey) {
    dateKey = nextDateKey(dateKey);
    if (isWorkingDay(dateKey, holidays)) count += 1;
  }
  return count;
}

/** The years in [from, to] that have no holiday data, so staff can be warned. */
export function findYearsWithoutHolidays(from: Date, to: Date, holidays: ReadonlySet<string>): number[] {
  const coveredYears = new Set([...holidays].map((key) => Number(key.slice(0, 4))));
  const missing: number[] = [];
  const lastYear = Number(toJakartaDateKey(to).slice(0, 4));
  for (let year = Number(toJakartaDateKey(from).slice(0, 4)); year <= lastYear; year += 1) {
    if (!coveredYears.has(year)) missing.push(year);
  }
  return missing;
}
