import type { Distribution } from "./types";

/**
 * The median and 90th percentile of working days from a histogram (how many cases took each
 * number of days), exactly as PostgreSQL's percentile_cont computes them over the values
 * themselves: the value at position p * (n - 1) of the sorted values (0-based), interpolated
 * linearly between its two neighbours; rounded to one decimal. So the median of 2 and 3 days
 * is 2.5. Pure, so the rule is tested without a database.
 */
export function distributionOfHistogram(histogram: readonly { days: number; count: number }[]): Distribution {
  const sorted = histogram.filter((entry) => entry.count > 0).toSorted((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (count === 0) return { count: 0, median: null, p90: null };
  const toOneDecimal = (value: number) => Math.round(value * 10) / 10;
  return { count, median: toOneDecimal(percentileOfSorted(sorted, count, 0.5)), p90: toOneDecimal(percentileOfSorted(sorted, count, 0.9)) };
}

/**
 * The median of whole rupiah amounts from a histogram (how many reports gave each amount), as
 * PostgreSQL's round(percentile_cont(0.5)::numeric, 0) computes it; null over no values.
 */
export function rupiahMedianOfHistogram(histogram: readonly { amount: number; count: number }[]): number | null {
  const sorted = histogram
    .filter((entry) => entry.count > 0)
    .map((entry) => ({ days: entry.amount, count: entry.count }))
    .toSorted((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, entry) => sum + entry.count, 0);
  // Amounts are positive, where Math.round and numeric round both round halves up.
  return count === 0 ? null : Math.round(percentileOfSorted(sorted, count, 0.5));
}

/** The median of a histogram of working days, unrounded (percentile_cont itself), and how many values it has. */
export function medianOfHistogram(histogram: readonly { days: number; count: number }[]): { count: number; value: number | null } {
  const sorted = histogram.filter((entry) => entry.count > 0).toSorted((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, entry) => sum + entry.count, 0);
  return { count, value: count === 0 ? null : percentileOfSorted(sorted, count, 0.5) };
}

function percentileOfSorted(sorted: readonly { days: number; count: number }[], count: number, fraction: number): number {
  const position = fraction * (count - 1);
  const lower = valueAt(sorted, Math.floor(position));
  const upper = valueAt(sorted, Math.ceil(position));
  return lower + (upper - lower) * (position - Math.floor(position));
}

/** The value at 0-based `index` of the sorted values the histogram stands for. */
function valueAt(sorted: readonly { days: number; count: number }[], index: number): number {
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.count;
    if (index < seen) return entry.days;
  }
  throw new RangeError(`index ${index} is past the ${seen} values`);
}
