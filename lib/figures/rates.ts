/**
 * Rates per 10,000 services and the pungli gap. Pure: the page, the exports and the tests share it.
 *
 * - Rate: reports received in the months of the period / services delivered in those months
 *   (ServiceVolume) × 10,000. No rate (null) when no volume was entered for a month of the period:
 *   a missing month would inflate the rate, so it is shown as "volume missing" instead.
 * - Pungli gap: the share of the office's surveyed visitors (random invitations and interviews
 *   only: the index sample) who say they were asked to pay beyond the official fee, set against
 *   its pungli reports per 10,000 services. An office is flagged "pungli likely under-reported" when
 *   its survey sample reaches the Krejcie–Morgan minimum, at least `minAskedShare` of those
 *   visitors were asked to pay, and its pungli reports per 10,000 services are at most
 *   `maxReportsPer10k` (PUNGLI_GAP_MIN_ASKED_PERCENT, PUNGLI_GAP_MAX_REPORTS_PER_10K).
 */

export function perTenThousand(count: number, volume: number | null): number | null {
  if (volume === null || volume <= 0) return null;
  return (count / volume) * 10_000;
}

export type GapThresholds = { minAskedShare: number; maxReportsPer10k: number };

export type GapInput = { sampleSuffices: boolean; askedToPayShare: number | null; pungliPer10k: number | null };

export function isPungliLikelyUnderReported(input: GapInput, thresholds: GapThresholds): boolean {
  if (!input.sampleSuffices || input.askedToPayShare === null || input.pungliPer10k === null) return false;
  return input.askedToPayShare >= thresholds.minAskedShare && input.pungliPer10k <= thresholds.maxReportsPer10k;
}

/** The first and last instants (Asia/Jakarta) of the whole months a period touches. */
export function wholeMonthsOf(period: { from: string; to: string }): { firstMonth: string; lastMonth: string; start: Date; end: Date } {
  const firstMonth = period.from.slice(0, 7);
  const lastMonth = period.to.slice(0, 7);
  const start = new Date(`${firstMonth}-01T00:00:00+07:00`);
  const [year, month] = lastMonth.split("-").map(Number) as [number, number];
  const nextMonth = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
  const end = new Date(`${nextMonth}-01T00:00:00+07:00`);
  return { firstMonth, lastMonth, start, end };
}
