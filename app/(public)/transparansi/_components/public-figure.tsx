import { getFormatter, getTranslations } from "next-intl/server";

import type { PublicCount } from "@/lib/transparency/types";

/**
 * How the protected figures read on the page, formatted for the visitor's language
 * (id-ID: "1.235", "3,5"; English: "1,235", "3.5").
 */

export async function getFigureFormat() {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("Transparency.figures")]);

  function count(value: PublicCount) {
    if (value.kind === "rounded") return format.number(value.value);
    return (
      <>
        <span aria-hidden="true">&lt; {format.number(value.threshold)}</span>
        <span className="sr-only">{t("fewerThan", { threshold: format.number(value.threshold) })}</span>
      </>
    );
  }

  /** The same, as plain text, where markup cannot go (inside a message argument). */
  function countText(value: PublicCount): string {
    return value.kind === "rounded" ? format.number(value.value) : `< ${format.number(value.threshold)}`;
  }

  return {
    count,
    countText,
    percent: (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 0 }),
    decimal: (value: number) => format.number(value, { maximumFractionDigits: 1 }),
    month: (month: string, style: "long" | "short") => format.dateTime(new Date(`${month}-15T12:00:00+07:00`), { month: style, year: "numeric" }),
    day: (dateKey: string) => format.dateTime(new Date(`${dateKey}T12:00:00+07:00`), { day: "numeric", month: "long", year: "numeric" }),
    instant: (iso: string) => format.dateTime(new Date(iso), { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
  };
}

export type FigureFormat = Awaited<ReturnType<typeof getFigureFormat>>;
