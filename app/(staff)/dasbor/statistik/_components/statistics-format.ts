import type { Locale } from "@/i18n/locales";
import type { StatisticsPeriod } from "@/lib/statistics/period";
import type { Share, StatisticsScope } from "@/lib/statistics/types";

/**
 * How the statistics page writes its numbers, dates and periods: Bahasa Indonesia as id-ID
 * (1.234; 56,7%; Rp 1.500.000), English with the app's "en" (1,234; 56.7%). Pure (Intl only),
 * so the server sections and the client charts print a figure the same way, and a missing
 * value (nothing to divide by, no ratings) is always "—", never NaN.
 */

export const MISSING_VALUE = "—";

const JAKARTA = "Asia/Jakarta";

function intlLocale(locale: Locale): string {
  return locale === "id" ? "id-ID" : "en";
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A share 0..1 as a percentage with at most one decimal. */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return MISSING_VALUE;
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(value);
}

export function formatShare(share: Share, locale: Locale): string {
  return share.denominator > 0 ? formatPercent(share.value, locale) : MISSING_VALUE;
}

/** Working days, averages: at most one decimal. */
export function formatDecimal(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return MISSING_VALUE;
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
}

/** A satisfaction average (1 to 5) as computed, to two decimals, like the PDF and XLSX. */
export function formatRating(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return MISSING_VALUE;
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatRupiah(value: number | null | undefined, locale: Locale): string {
  if (!isNumber(value)) return MISSING_VALUE;
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "IDR", currencyDisplay: "narrowSymbol", minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(value);
}

function dateOfKey(dateKey: string): Date {
  return new Date(`${dateKey}T00:00:00.000Z`);
}

/** "1–30 November 2026", "1 Desember 2025 – 28 Januari 2026": a period in words. */
export function formatPeriod(period: Pick<StatisticsPeriod, "from" | "to">, locale: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return format.formatRange(dateOfKey(period.from), dateOfKey(period.to));
}

/** An instant (ISO) as its Jakarta calendar day in words. */
export function formatInstantDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: JAKARTA }).format(new Date(iso));
}

const MONTH_STYLES: Record<"long" | "medium" | "short", Intl.DateTimeFormatOptions> = {
  long: { month: "long", year: "numeric" },
  medium: { month: "short", year: "numeric" },
  short: { month: "short", year: "2-digit" },
};

/** A month "YYYY-MM": "November 2026" (long), "Nov 2026" (medium, for a narrow table) or "Nov 26" (short, for a chart's axis). */
export function formatMonth(month: string, locale: Locale, style: keyof typeof MONTH_STYLES = "long"): string {
  const options = MONTH_STYLES[style];
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" }).format(dateOfKey(`${month}-01`));
}

/**
 * An instant (ISO) as a Jakarta date and time with the zone: "28 November 2026 pukul 10.55 WIB",
 * "November 28, 2026 at 10:55 AM WIB". The zone is written as Indonesians name it in both
 * languages (Intl would write "GMT+7" in English).
 */
export function formatGeneratedAt(iso: string, locale: Locale): string {
  const dateTime = new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: JAKARTA,
  }).format(new Date(iso));
  return `${dateTime} WIB`;
}

/** The days of `month` ("YYYY-MM") that fall inside the period, for a month's link to the queue. */
export function monthWithinPeriod(month: string, period: Pick<StatisticsPeriod, "from" | "to">): { from: string; to: string } {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const first = `${month}-01`;
  const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return { from: first < period.from ? period.from : first, to: last > period.to ? period.to : last };
}

/**
 * The scope in words. A regional or local office is named as stored: the stored name is already
 * the full official name ("Kantor Wilayah Ditjen Imigrasi Jawa Barat"), so nothing is put before it.
 */
export function describeScope(scope: StatisticsScope, words: { all: string; none: string }): string {
  switch (scope.kind) {
    case "all":
      return words.all;
    case "region":
    case "office":
      return scope.name;
    case "none":
      return words.none;
  }
}

/** An export in the list of recent exports: its format and its period in words ("XLSX · 1–31 Maret 2026"). */
export function formatExportName(job: { format: string; period: Pick<StatisticsPeriod, "from" | "to"> }, locale: Locale): string {
  return `${job.format.toUpperCase()} · ${formatPeriod(job.period, locale)}`;
}
