import type { PublicCount } from "./types";

/**
 * How an exact figure becomes a public one (pure, so the rules are unit-tested and stated once).
 *
 * - A count below the minimum is never published: only "fewer than N". That covers zero too, so
 *   a small office's empty month cannot be told apart from a month with one report.
 * - Every other count is rounded to the nearest multiple of COUNT_ROUNDING_BASE, national totals
 *   included. Without rounding, the exact national total minus the exact counts of the offices
 *   shown would give away the hidden count of an office (or of a month); with every published
 *   count rounded, such a difference is only known to within several reports.
 * - A share, median or average is published only when at least `minimumCases` cases are behind
 *   it, and only at the precision shown (whole percent, one decimal), so its exact numerator
 *   and denominator cannot be read back from the payload.
 */

export const COUNT_ROUNDING_BASE = 5;

export function protectCount(count: number, minimumCount: number): PublicCount {
  if (count < minimumCount) return { kind: "fewer-than", threshold: minimumCount };
  const rounded = Math.round(count / COUNT_ROUNDING_BASE) * COUNT_ROUNDING_BASE;
  // Never publish a rounded value below the minimum: it would read as an exact small count.
  const smallestPublished = Math.ceil(minimumCount / COUNT_ROUNDING_BASE) * COUNT_ROUNDING_BASE;
  return { kind: "rounded", value: Math.max(rounded, smallestPublished) };
}

/** Whole percent of `numerator` over `denominator`, or null when fewer than `minimumCases` are behind it. */
export function protectPercent(numerator: number, denominator: number, minimumCases: number): number | null {
  if (denominator < minimumCases || denominator === 0) return null;
  return Math.round((numerator / denominator) * 100);
}

/** A median or average rounded to one decimal, or null when fewer than `minimumCases` are behind it. */
export function protectMeasure(value: number | null, base: number, minimumCases: number): number | null {
  if (value === null || base < minimumCases || base === 0) return null;
  return Math.round(value * 10) / 10;
}
