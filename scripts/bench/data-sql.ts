/**
 * SQL building blocks of the bench's data generator (./data-cases.ts): literals, weighted picks
 * and the working-day arithmetic of lib/deadlines/working-days.ts over a calendar held in arrays.
 *
 * The calendar row `cal` (see createCalendarSql) has `base` (its first day), `ord` (for the day
 * base + i - 1, how many working days there are from base up to and including it) and `wday`
 * (the offset from base of the k-th working day). So "the n-th working day after the day of t"
 * is base + wday[ord[day(t)] + n], the same day addWorkingDays() walks to, found by two array
 * lookups instead of a loop: a million cases take seconds.
 */

export function text(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(text).join(", ")}]::text[]`;
}

export function intArray(values: readonly number[]): string {
  return `ARRAY[${values.join(", ")}]::int[]`;
}

/** A timestamp literal of an instant, in the UTC wall time Prisma stores. */
export function timestamp(instant: Date): string {
  return `'${instant.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;
}

/** One of `entries` by weight, chosen by the uniform [0, 1) value `random`. */
export function weighted(random: string, entries: readonly (readonly [string, number])[]): string {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = entries.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${random} < ${cumulative / total} THEN ${value}`;
  });
  return `(CASE ${branches.join(" ")} ELSE ${entries[entries.length - 1]![0]} END)`;
}

/** An integer in [min, max] from the uniform [0, 1) value `random`. */
export function integer(random: string, min: number, max: number): string {
  return `(${min} + floor(${random} * ${max - min + 1})::int)`;
}

/** The element of a SQL array expression chosen by `random`. */
export function pick(arrayExpression: string, random: string): string {
  return `(${arrayExpression})[1 + floor(${random} * cardinality(${arrayExpression}))::int]`;
}

/** toJakartaDateKey(): the Jakarta calendar day of a stored (UTC) timestamp. */
export function jakartaDay(instant: string): string {
  return `((${instant}) + interval '7 hours')::date`;
}

/** Working days from the calendar's first day up to and including the day of `instant`. */
function ordinalOf(instant: string): string {
  return `cal.ord[${jakartaDay(instant)} - cal.base + 1]`;
}

/** The day addWorkingDays(instant, n) ends on (the same day for n = 0). */
export function workingDayAfter(instant: string, workingDays: string): string {
  return `(CASE WHEN (${workingDays}) = 0 THEN ${jakartaDay(instant)} ELSE cal.base + cal.wday[${ordinalOf(instant)} + (${workingDays})] END)`;
}

/** endOfJakartaDay(): the last millisecond of a Jakarta day, as a stored (UTC) timestamp. */
export function endOfDay(day: string): string {
  return `((${day})::timestamp + interval '17 hours' - interval '1 millisecond')`;
}

/** addWorkingDays(instant, n). */
export function addWorkingDays(instant: string, workingDays: string): string {
  return endOfDay(workingDayAfter(instant, workingDays));
}

/** countWorkingDaysBetween(from, to). */
export function countWorkingDays(from: string, to: string): string {
  return `GREATEST(0, ${ordinalOf(to)} - ${ordinalOf(from)})`;
}

/** A moment of office hours (08:00 to 15:00 Jakarta) on `day`, `minuteRandom` choosing the minute. */
export function atOfficeHours(day: string, minuteRandom: string): string {
  return `((${day})::timestamp + interval '1 hour' + ${integer(minuteRandom, 0, 7 * 60)} * interval '1 minute')`;
}

/**
 * The seed's workingDayMoment(): office hours on the n-th working day after `from`, or, when that
 * is not later than `from` (n = 0 late in the day), 20 to 120 minutes after `from`.
 */
export function workingDayMoment(from: string, workingDays: string, minuteRandom: string, bumpRandom: string): string {
  const moment = atOfficeHours(workingDayAfter(from, workingDays), minuteRandom);
  return `(CASE WHEN ${moment} > (${from}) THEN ${moment} ELSE (${from}) + ${integer(bumpRandom, 20, 120)} * interval '1 minute' END)`;
}

export type Calendar = { base: string; ord: number[]; wday: number[] };

/**
 * Puts the calendar into `sql` as constants: a constant array is read in place, where a column
 * of the calendar table would be fetched and decompressed again for every row that reads it.
 */
export function inlineCalendar(sql: string, calendar: Calendar): string {
  return sql
    .replaceAll(", bench_calendar cal", "")
    .replaceAll("cal.ord", `('{${calendar.ord.join(",")}}'::int[])`)
    .replaceAll("cal.wday", `('{${calendar.wday.join(",")}}'::int[])`)
    .replaceAll("cal.base", `${text(calendar.base)}::date`);
}

/**
 * The calendar of national working days from `firstDay` to `lastDay` as one row (`bench_calendar`),
 * from the Holiday table's national days: the seed enters no regional days, so every office's
 * calendar is the national one (the bench-data test checks the due dates office by office).
 */
export function createCalendarSql(firstDay: string, lastDay: string): string {
  return `
    DROP TABLE IF EXISTS bench_calendar;
    CREATE UNLOGGED TABLE bench_calendar AS
    WITH days AS (
      SELECT day::date AS day,
             extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = day::date AND h."scopeKey" = 'national') AS working
      FROM generate_series(${text(firstDay)}::date, ${text(lastDay)}::date, interval '1 day') AS day
    ), ordinals AS (
      SELECT day, working, (count(*) FILTER (WHERE working) OVER (ORDER BY day))::int AS ordinal FROM days
    )
    SELECT ${text(firstDay)}::date AS base,
           (SELECT array_agg(ordinal ORDER BY day) FROM ordinals) AS ord,
           (SELECT array_agg(day - ${text(firstDay)}::date ORDER BY day) FROM ordinals WHERE working) AS wday`;
}
