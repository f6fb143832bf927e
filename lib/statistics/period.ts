import { z } from "@/lib/zod";

import { isRealDateKey, toJakartaDateKey } from "@/lib/deadlines/working-days";

/**
 * The period a statistic covers: reports *received* between two Jakarta calendar days, both
 * included. Presets are relative to today in Jakarta; "custom" takes the dates from the URL.
 * Pure: the page, the exports and the tests resolve a period the same way.
 */

/**
 * In the order the page offers them. The last full month comes first and is the default: early
 * in a month "this month" covers a day or two, so it is offered second and labelled as partial.
 */
export const PERIOD_PRESETS = ["last-month", "this-month", "quarter", "year", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The period shown when the URL asks for none (or for one that does not resolve). */
export const DEFAULT_PERIOD_PRESET = "last-month" satisfies PeriodPreset;

/** Presets whose period runs up to today: their figures still change, the page says so. */
export function isPartialPreset(preset: PeriodPreset): boolean {
  return preset === "this-month" || preset === "quarter" || preset === "year";
}

/** A resolved period: Jakarta date keys "YYYY-MM-DD", `from` <= `to`, both included. */
export type StatisticsPeriod = { preset: PeriodPreset; from: string; to: string };

/** The longest custom period, so a typo in a year cannot ask for a century of months. */
export const MAX_PERIOD_DAYS = 3 * 366;


function dateKey(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Resolves a preset (or custom dates) against `now`. "quarter" and "year" are the current
 * quarter and year up to today. A custom period with missing, impossible or reversed dates, or
 * longer than MAX_PERIOD_DAYS, is `null`: the caller shows an error and keeps what was typed.
 */
export function resolvePeriod(input: { preset: PeriodPreset; from?: string; to?: string }, now: Date): StatisticsPeriod | null {
  const today = toJakartaDateKey(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  switch (input.preset) {
    case "this-month":
      return { preset: "this-month", from: dateKey(year, month, 1), to: today };
    case "last-month":
      return { preset: "last-month", from: dateKey(year, month - 1, 1), to: dateKey(year, month, 0) };
    case "quarter":
      return { preset: "quarter", from: dateKey(year, month - (month % 3), 1), to: today };
    case "year":
      return { preset: "year", from: dateKey(year, 0, 1), to: today };
    case "custom": {
      const { from, to } = input;
      if (!from || !to || !isRealDateKey(from) || !isRealDateKey(to) || from > to) return null;
      if (daysBetween(from, to) > MAX_PERIOD_DAYS) return null;
      return { preset: "custom", from, to };
    }
  }
}

export const periodPresetSchema = z.enum(PERIOD_PRESETS).catch(DEFAULT_PERIOD_PRESET);

/** The calendar months ("YYYY-MM") a period touches, in order, for trends by month. */
export function monthsOfPeriod(period: Pick<StatisticsPeriod, "from" | "to">): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
