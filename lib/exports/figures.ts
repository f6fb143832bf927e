import type { Distribution, Share } from "@/lib/statistics/types";

/**
 * Figures as the summary sheet and the PDF report print them, for Indonesia (id-ID: 1.234,5)
 * or English. Pure. The built-in PDF fonts lack the narrow spaces Intl may produce, so they
 * become plain spaces.
 */

type Locale = "id" | "en";

const intlLocale = (locale: Locale) => (locale === "en" ? "en-GB" : "id-ID");
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

export function formatCount(value: number, locale: Locale): string {
  return plain(new Intl.NumberFormat(intlLocale(locale)).format(value));
}

export function formatDecimal(value: number | null, locale: Locale, digits = 1): string {
  if (value === null) return "—";
  return plain(new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value));
}

export function formatPercent(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return plain(new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(value));
}

/** "87,5 % (35/40)", or "—" when nothing counts for it. */
export function formatShare(share: Share, locale: Locale): string {
  if (share.value === null) return "—";
  return `${formatPercent(share.value, locale)} (${formatCount(share.numerator, locale)}/${formatCount(share.denominator, locale)})`;
}

export function formatDistribution(distribution: Distribution, locale: Locale): string {
  if (distribution.count === 0) return "—";
  return `${formatDecimal(distribution.median, locale)} / ${formatDecimal(distribution.p90, locale)} (n = ${formatCount(distribution.count, locale)})`;
}

export function formatRupiah(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return `Rp ${formatCount(Math.round(value), locale)}`;
}

export function formatJakartaTimestamp(iso: string, locale: Locale): string {
  return plain(new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(iso)));
}
