import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { requireAdmin } from "@/lib/admin/guard";
import { AdminNotFoundError } from "@/lib/admin/errors";
import { NATIONAL_SCOPE_KEY, parseScopeKey, scopeKeyOf } from "@/lib/deadlines/holiday-scope";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { HOLIDAYS_PATH } from "@/lib/holidays/action-state";
import { findHolidayForEdit, findHolidayPlaces, findHolidayYear, isKnownPlace, type HolidayEntry } from "@/lib/holidays/calendar";
import { holidayYearSchema } from "@/lib/holidays/schemas";

import { HolidayAddForm } from "./_components/holiday-add-form";
import { HolidayEditForms } from "./_components/holiday-edit-forms";
import { HolidayImportForm } from "./_components/holiday-import-form";
import { HolidayList } from "./_components/holiday-list";
import { ImportFormat } from "./_components/import-format";
import { PlacePicker } from "./_components/place-picker";
import { YearPicker } from "./_components/year-picker";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminHolidays");
  return { title: t("metaTitle") };
}

const DONE_NOTES = ["added", "updated", "deleted", "imported"] as const;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * /dasbor/admin/hari-libur?tahun=2027&tempat=province:Bali&ubah=12 — one year's holidays: national
 * days and cuti bersama, the regional days of one chosen province or office, a single day's edit
 * form, and the CSV import. Everything works without JavaScript (GET forms and plain posts).
 */
export default async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const currentYear = Number(toJakartaDateKey(new Date()).slice(0, 4));
  const parsedYear = holidayYearSchema.safeParse(single(params.tahun));
  const year = parsedYear.success ? parsedYear.data : currentYear;

  const places = await findHolidayPlaces(actor);
  const requestedPlace = single(params.tempat);
  const place = requestedPlace && requestedPlace !== NATIONAL_SCOPE_KEY && isKnownPlace(places, requestedPlace) ? requestedPlace : null;
  const editId = Number(single(params.ubah));
  const [t, calendar, editing] = await Promise.all([
    getTranslations("AdminHolidays"),
    findHolidayYear(actor, { year, regionalScopeKey: place }),
    Number.isInteger(editId) && editId > 0 && editId <= 2_147_483_647 ? findHolidayForEdit(actor, editId).catch((error: unknown) => (error instanceof AdminNotFoundError ? null : Promise.reject(error))) : null,
  ]);
  const placeLabel = (scopeKey: string) => {
    const parsed = parseScopeKey(scopeKey);
    if (!parsed || parsed.kind === "national") return t("edit.national");
    if (parsed.kind === "province") return t("regional.province", { province: parsed.province });
    const office = places.offices.find((candidate) => candidate.id === parsed.officeId);
    if (!office) return scopeKey;
    return office.isActive ? office.name : t("regional.closedOffice", { name: office.name });
  };
  const placeLabels = Object.fromEntries(
    [NATIONAL_SCOPE_KEY, ...places.provinces.map((province) => scopeKeyOf({ kind: "province", province })), ...places.offices.map((office) => scopeKeyOf({ kind: "office", officeId: office.id }))].map(
      (scopeKey) => [scopeKey, placeLabel(scopeKey)],
    ),
  );
  const done = DONE_NOTES.find((note) => note === single(params.selesai));
  const movedCases = Number(single(params.kasus) ?? 0);
  const editHref = (holiday: HolidayEntry) => {
    const search = new URLSearchParams({ tahun: String(year), ubah: String(holiday.id) });
    if (place) search.set("tempat", place);
    return `${HOLIDAYS_PATH}?${search.toString()}#ubah`;
  };

  return (
    <ClientMessages namespaces={["AdminHolidays", "FileChooser", "Forms"]}>
      <div className="space-y-6">
        <PageIntro title={t("title")} lead={t("lead")} />

        {done ? (
          <p role="status" className="max-w-3xl rounded-lg border border-emerald-300 bg-emerald-50 p-4 font-semibold text-emerald-900">
            {t(`done.${done}`)} {t("done.moved", { count: Number.isFinite(movedCases) ? movedCases : 0 })}
          </p>
        ) : null}

        <YearPicker year={year} currentYear={currentYear} place={place} />

        {editing ? (
          <section id="ubah" aria-labelledby="ubah-title" className="rounded-xl border-2 border-brand-700 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="ubah-title" className="text-xl font-semibold text-brand-900">
              {t("edit.title")}
            </h2>
            <p className="mt-1 text-slate-700">{t("edit.place", { place: placeLabel(editing.scopeKey) })}</p>
            <HolidayEditForms key={`${editing.id}-${editing.version}`} holiday={editing} place={place ?? ""} cancelHref={`${HOLIDAYS_PATH}?${new URLSearchParams({ tahun: String(year), ...(place ? { tempat: place } : {}) }).toString()}`} />
          </section>
        ) : null}

        <SectionCard title={t("national.title", { year })}>
          {calendar.national.length === 0 ? (
            <p role="note" className="rounded-lg border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-3 text-amber-950">
              {t("national.empty", { year })}
            </p>
          ) : (
            <HolidayList holidays={calendar.national} editHref={editHref} />
          )}
          <details className="rounded-lg border border-slate-200 p-3">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("national.add")}</summary>
            <div className="mt-4">
              <HolidayAddForm formId="add-national" year={year} place={NATIONAL_SCOPE_KEY} kinds={["NATIONAL_HOLIDAY", "CUTI_BERSAMA"]} />
            </div>
          </details>
        </SectionCard>

        <SectionCard title={t("regional.title", { year })}>
          <p>{t("regional.lead")}</p>
          <PlacePicker year={year} place={place} places={places} />
          <div>
            <h3 className="font-semibold text-slate-900">{t("regional.placesWithDays", { year })}</h3>
            {calendar.regionalPlaces.length === 0 ? (
              <p>{t("regional.noPlaces", { year })}</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-2">
                {calendar.regionalPlaces.map((entry) => (
                  <li key={entry.scopeKey}>
                    <Link
                      href={`${HOLIDAYS_PATH}?${new URLSearchParams({ tahun: String(year), tempat: entry.scopeKey }).toString()}`}
                      aria-current={entry.scopeKey === place ? "true" : undefined}
                      className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm text-brand-800 underline-offset-2 hover:underline aria-[current=true]:border-brand-700 aria-[current=true]:bg-brand-50 aria-[current=true]:font-semibold"
                    >
                      {placeLabel(entry.scopeKey)} · {t("regional.dayCount", { count: entry.count })}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {place && calendar.regional ? (
            <>
              {calendar.regional.length === 0 ? <p>{t("regional.empty", { place: placeLabel(place), year })}</p> : <HolidayList holidays={calendar.regional} editHref={editHref} />}
              <details className="rounded-lg border border-slate-200 p-3" open={calendar.regional.length === 0}>
                <summary className="cursor-pointer font-semibold text-brand-800">{t("regional.add", { place: placeLabel(place) })}</summary>
                <div className="mt-4">
                  <HolidayAddForm formId="add-regional" year={year} place={place} kinds={["REGIONAL_HOLIDAY"]} />
                </div>
              </details>
            </>
          ) : (
            <p className="text-slate-700">{t("regional.pickFirst")}</p>
          )}
        </SectionCard>

        <SectionCard title={t("import.title", { year })}>
          <p>{t("import.lead")}</p>
          <ImportFormat year={year} />
          <HolidayImportForm year={year} placeLabels={placeLabels} />
        </SectionCard>
      </div>
    </ClientMessages>
  );
}
