import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { isWeekend } from "@/lib/deadlines/working-days";
import type { HolidayEntry } from "@/lib/holidays/calendar";

/** A year's days of one place, oldest first; each links to its edit form. A list, not a table, so it reads at 360 px. */
export async function HolidayList({ holidays, editHref }: { holidays: HolidayEntry[]; editHref: (holiday: HolidayEntry) => string }) {
  const [t, format, locale] = await Promise.all([getTranslations("AdminHolidays"), getFormatter(), getLocale()]);
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {holidays.map((holiday) => {
        const name = locale === "en" ? holiday.nameEn : holiday.nameId;
        const otherName = locale === "en" ? holiday.nameId : holiday.nameEn;
        return (
          <li key={holiday.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-3">
            <div className="min-w-0 flex-1 basis-56">
              <p className="font-semibold text-slate-900">
                <time dateTime={holiday.dateKey}>{format.dateTime(new Date(`${holiday.dateKey}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}</time>
                {isWeekend(holiday.dateKey) ? <span className="ml-2 text-sm font-normal text-slate-600">({t("table.weekend")})</span> : null}
              </p>
              <p className="break-words text-slate-800">{name}</p>
              <p className="break-words text-sm text-slate-600" lang={locale === "en" ? "id" : "en"}>
                {otherName}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800">{t(`kind.${holiday.kind}`)}</span>
              <Link href={editHref(holiday)} aria-label={t("table.editLabel", { name })} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
                {t("table.edit")}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
