/**
 * The public transparency figures as stored in PublicStatsSnapshot and rendered by /transparansi.
 * Everything here is already protected (./protection.ts): counts are rounded or shown as
 * "fewer than the minimum", shares and averages are rounded and present only over enough cases.
 * The exact counts never leave the server, not even in this payload.
 */

/** A count as the public may see it: below the minimum it is only "fewer than"; otherwise rounded. */
export type PublicCount = { kind: "fewer-than"; threshold: number } | { kind: "rounded"; value: number };

export type PublicFigures = {
  received: PublicCount;
  /** Whole percent (0..100) of the measured reports resolved on time; null over too few reports. */
  resolutionOnTimePercent: number | null;
  /** Median working days from receipt to resolution of resolved reports, one decimal; null over too few. */
  medianResolutionWorkingDays: number | null;
  satisfaction: {
    ratings: PublicCount;
    /** Average score (1..5), one decimal; null over too few ratings. */
    averageScore: number | null;
  };
};

export type PublicMonth = {
  /** "YYYY-MM", a Jakarta calendar month of receipt. */
  month: string;
  received: PublicCount;
  resolutionOnTimePercent: number | null;
};

export type PublicOffice = {
  code: string;
  name: string;
  city: string;
  province: string;
  figures: PublicFigures;
  months: PublicMonth[];
};

export type PublicStatistics = {
  /** ISO instant the figures were computed. */
  computedAt: string;
  /** The twelve complete Jakarta calendar months before the month of computing, both ends included. */
  period: { from: string; to: string; months: string[] };
  rules: {
    /** PUBLIC_STATS_MIN_COUNT: counts below it are shown as "< N". */
    minimumCount: number;
    /** Counts at or above the minimum are rounded to the nearest multiple of this. */
    roundingBase: number;
    /** STATS_MIN_CASES: shares, medians and averages need at least this many cases behind them. */
    minimumCases: number;
    /** PUBLIC_STATS_REFRESH_MINUTES. */
    refreshMinutes: number;
  };
  national: { figures: PublicFigures; months: PublicMonth[] };
  /** Every active office (and any inactive one with reports in the period), ordered by city. */
  offices: PublicOffice[];
};
