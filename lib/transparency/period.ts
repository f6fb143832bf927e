import { monthsOfPeriod } from "@/lib/statistics/period";

/**
 * The period of the public figures: the twelve complete calendar months (Asia/Jakarta) before
 * the month of `now`. Complete months, so a figure does not drift day by day and every bar of
 * the trend covers a whole month. Pure.
 */

export const PUBLIC_PERIOD_MONTHS = 12;

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export type PublicPeriod = {
  /** First and last Jakarta days of the period, "YYYY-MM-DD", both included. */
  from: string;
  to: string;
  months: string[];
  /** Instants bounding the receipt time: receivedFrom <= receivedAt < receivedBefore. */
  receivedFrom: Date;
  receivedBefore: Date;
};

function jakartaMidnight(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1) - JAKARTA_OFFSET_MS);
}

export function resolvePublicPeriod(now: Date): PublicPeriod {
  const jakartaNow = new Date(now.getTime() + JAKARTA_OFFSET_MS);
  const year = jakartaNow.getUTCFullYear();
  const month = jakartaNow.getUTCMonth();
  const from = new Date(Date.UTC(year, month - PUBLIC_PERIOD_MONTHS, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return {
    from,
    to,
    months: monthsOfPeriod({ from, to }),
    receivedFrom: jakartaMidnight(year, month - PUBLIC_PERIOD_MONTHS),
    receivedBefore: jakartaMidnight(year, month),
  };
}
