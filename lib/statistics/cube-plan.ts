/**
 * Which rows of the statistics cubes (prisma/raw/020_statistics_rollups.sql) answer a view:
 * the grain (which dimensions the rows keep) and the time buckets that cover the period.
 * Pure, so the unit tests check the covering day by day.
 *
 * - A grain is a bit set of the dimensions kept; the others are summed out. A view needs the
 *   dimensions it filters or groups by, and the office when the actor does not see every
 *   office; it reads the smallest materialised grain that keeps all of them (the lists are
 *   ordered smallest first, and end with the full grain, which keeps everything).
 * - The period is covered by whole years and months, and a partial month either by its days or
 *   by the month minus its other days (sign -1), whichever reads fewer rows. Days after today
 *   hold no rows, so "this month" is one month bucket. Day buckets exist only at the full grain.
 */

export const GRAIN_BITS = { office: 1, service: 2, kind: 4, category: 8, channel: 16 } as const;
export const FULL_GRAIN = 31;

/** The grains of StatisticsCube (the counts): what the attribute and office groupings need, for every filter. */
export const COUNT_GRAINS = [1, 28, 30, 3, 7, 19, 29, 15, 23, 31] as const;
/**
 * The grains of StatisticsCubeValue (histograms, labels): every filter set without the office,
 * then the office alone and with one or two filters (the views of an office or a region read by
 * office, and the rupiah histogram by service: without these they read the full grain, 4-7 s
 * under load at a million cases for a regional view with one filter), and full.
 */
export const VALUE_GRAINS = [0, 4, 16, 12, 20, 2, 28, 6, 18, 14, 22, 30, 1, 5, 17, 3, 13, 21, 7, 19, 31] as const;

export type Level = "y" | "m" | "d";
/** Cube rows of `grain` at `level` whose bucket starts between `from` and `to` (date keys), times `sign`. */
export type Segment = { grain: number; level: Level; from: string; to: string; sign: 1 | -1 };

export type ViewFilters = { office?: string; service?: string; kind?: string; category?: string; channel?: string };

/** The dimension bits a view's filters and scope need (category implies kind: every grain with it keeps kind). */
export function neededBits(filters: ViewFilters, seesEveryOffice: boolean): number {
  let bits = 0;
  if (filters.office || !seesEveryOffice) bits |= GRAIN_BITS.office;
  if (filters.service) bits |= GRAIN_BITS.service;
  if (filters.kind) bits |= GRAIN_BITS.kind;
  if (filters.category) bits |= GRAIN_BITS.category | GRAIN_BITS.kind;
  if (filters.channel) bits |= GRAIN_BITS.channel;
  return bits;
}

/** The first (smallest) grain of `grains` that keeps every bit of `needed`. */
export function chooseGrain(grains: readonly number[], needed: number): number {
  return grains.find((grain) => (grain & needed) === needed) ?? FULL_GRAIN;
}

/** Rough rows read per bucket, relative: a year of a grain, a month of it, a day of the full grain. */
const COST: Record<Level, number> = { y: 5, m: 4, d: 1 };

type Bucket = { level: Level; start: string; sign: 1 | -1 };

function key(date: Date): string {
  return date.toISOString().slice(0, 10);
}
function parse(dateKey: string): Date {
  return new Date(`${dateKey}T00:00:00Z`);
}
function addDays(dateKey: string, days: number): string {
  return key(new Date(parse(dateKey).getTime() + days * 86_400_000));
}
function monthEnd(monthStart: string): string {
  const date = parse(monthStart);
  return key(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}
function nextMonth(monthStart: string): string {
  const date = parse(monthStart);
  return key(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Day buckets from `from` to `to`, none after `today` (they hold no rows). */
function days(from: string, to: string, today: string, sign: 1 | -1): Bucket[] {
  const buckets: Bucket[] = [];
  for (let day = from; day <= min(to, today); day = addDays(day, 1)) buckets.push({ level: "d", start: day, sign });
  return buckets;
}

function cost(buckets: readonly Bucket[], today: string): number {
  return buckets.reduce((sum, bucket) => sum + (bucket.start <= today ? COST[bucket.level] : 0), 0);
}

function negate(buckets: readonly Bucket[]): Bucket[] {
  return buckets.map((bucket) => ({ ...bucket, sign: (bucket.sign * -1) as 1 | -1 }));
}

/** [from, to] within one month. */
function coverInMonth(monthStart: string, from: string, to: string, today: string): Bucket[] {
  const last = min(monthEnd(monthStart), today);
  if (from === monthStart && to >= last) return monthStart <= today ? [{ level: "m", start: monthStart, sign: 1 }] : [];
  const direct = days(from, to, today, 1);
  const complement = [{ level: "m" as const, start: monthStart, sign: 1 as const }, ...days(monthStart, addDays(from, -1), today, -1), ...days(addDays(to, 1), last, today, -1)];
  return cost(complement, today) < cost(direct, today) ? complement : direct;
}

/** [from, to] within one year, by months. */
function coverMonths(from: string, to: string, today: string): Bucket[] {
  const buckets: Bucket[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = nextMonth(month)) {
    buckets.push(...coverInMonth(month, max(from, month), min(to, monthEnd(month)), today));
  }
  return buckets;
}

/** [from, to] within one year: the year bucket, or its months, or the year minus its other months. */
function coverInYear(yearStart: string, from: string, to: string, today: string, withYears: boolean): Bucket[] {
  const yearEnd = `${yearStart.slice(0, 4)}-12-31`;
  const last = min(yearEnd, today);
  if (yearStart > today) return [];
  if (withYears && from === yearStart && to >= last) return [{ level: "y", start: yearStart, sign: 1 }];
  const direct = coverMonths(from, to, today);
  if (!withYears) return direct;
  const complement: Bucket[] = [{ level: "y", start: yearStart, sign: 1 }];
  if (from > yearStart) complement.push(...negate(coverMonths(yearStart, addDays(from, -1), today)));
  if (to < last) complement.push(...negate(coverMonths(addDays(to, 1), last, today)));
  return cost(complement, today) < cost(direct, today) ? complement : direct;
}

/**
 * The segments covering [from, to] (Jakarta date keys, both included) for `grain`, with `today`
 * the last day that can hold rows. `withYears: false` when the rows are grouped by month.
 */
export function periodSegments(period: { from: string; to: string }, today: string, grain: number, options: { withYears: boolean }): Segment[] {
  const buckets: Bucket[] = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year += 1) {
    const yearStart = `${year}-01-01`;
    buckets.push(...coverInYear(yearStart, max(period.from, yearStart), min(period.to, `${year}-12-31`), today, options.withYears));
  }
  // Consecutive buckets of one level and sign become one range.
  const segments: Segment[] = [];
  const following = (bucket: Bucket) => (bucket.level === "d" ? addDays(bucket.start, 1) : bucket.level === "m" ? nextMonth(bucket.start) : `${Number(bucket.start.slice(0, 4)) + 1}-01-01`);
  const ends = new Map<Segment, string>();
  for (const bucket of [...buckets].sort((a, b) => a.level.localeCompare(b.level) || a.sign - b.sign || a.start.localeCompare(b.start))) {
    const previous = segments.at(-1);
    if (previous && previous.level === bucket.level && previous.sign === bucket.sign && ends.get(previous) === bucket.start) {
      previous.to = bucket.start;
      ends.set(previous, following(bucket));
      continue;
    }
    const segment: Segment = { grain: bucket.level === "d" ? FULL_GRAIN : grain, level: bucket.level, from: bucket.start, to: bucket.start, sign: bucket.sign };
    segments.push(segment);
    ends.set(segment, following(bucket));
  }
  return segments;
}
