import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { HOLIDAYS_PATH } from "@/lib/holidays/action-state";
import { HOLIDAY_YEAR_RANGE } from "@/lib/holidays/schemas";

/** Previous and next year, and any year typed in: a GET form, so it works without JavaScript. */
export async function YearPicker({ year, currentYear, place }: { year: number; currentYear: number; place: string | null }) {
  const t = await getTranslations("AdminHolidays.year");
  const href = (target: number) => `${HOLIDAYS_PATH}?${new URLSearchParams({ tahun: String(target), ...(place ? { tempat: place } : {}) }).toString()}`;
  const linkClassName = "inline-flex min-h-11 items-center rounded-lg border-2 border-brand-800 bg-white px-4 font-semibold text-brand-800 hover:bg-brand-50";
  return (
    <nav aria-label={t("nav")} className="flex flex-wrap items-end gap-3">
      {year > HOLIDAY_YEAR_RANGE.first ? (
        <Link href={href(year - 1)} className={linkClassName}>
          {t("previous", { year: year - 1 })}
        </Link>
      ) : null}
      <form action={HOLIDAYS_PATH} method="get" className="flex items-end gap-2">
        {place ? <input type="hidden" name="tempat" value={place} /> : null}
        <div>
          <label htmlFor="holiday-year" className="block font-semibold text-slate-900">
            {t("label")}
          </label>
          <input id="holiday-year" name="tahun" type="number" inputMode="numeric" min={HOLIDAY_YEAR_RANGE.first} max={HOLIDAY_YEAR_RANGE.last} defaultValue={year} className={`${inputClassName} w-28`} />
        </div>
        <button type="submit" className={buttonClassName}>
          {t("show")}
        </button>
      </form>
      {year < HOLIDAY_YEAR_RANGE.last ? (
        <Link href={href(year + 1)} className={linkClassName} aria-describedby={year === currentYear ? "next-year-hint" : undefined}>
          {t("next", { year: year + 1 })}
        </Link>
      ) : null}
      {year === currentYear ? (
        <span id="next-year-hint" className="sr-only">
          {t("nextHint")}
        </span>
      ) : null}
    </nav>
  );
}
