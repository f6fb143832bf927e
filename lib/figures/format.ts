import type { Locale } from "@/i18n/locales";

import type { IkmVerdict } from "./ikm";

/** Shared wording of the figures for the page, the XLSX and the PDF. Pure. */

const intlLocale = (locale: Locale) => (locale === "en" ? "en-GB" : "id-ID");

/** An IKM with two decimals, as the regulation reports it. */
export function formatIndex(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** An element's NRR with three decimals (1–4). */
export function formatElementAverage(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}

/** A rate per 10,000 services with two decimals. */
export function formatRate(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** The last calendar day of a "YYYY-MM" month, as a date key. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

export function isIndexShown(verdict: IkmVerdict): verdict is Extract<IkmVerdict, { kind: "index" }> {
  return verdict.kind === "index";
}
