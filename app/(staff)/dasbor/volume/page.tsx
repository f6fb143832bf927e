import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireStaff } from "@/lib/auth/session";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { canManageVolumes } from "@/lib/volumes/access";
import { parseMonthKey } from "@/lib/volumes/csv";
import { findOfficeVolumeMonth, findVolumeChoices } from "@/lib/volumes/volumes";

import { VolumeEntryForm } from "./_components/volume-entry-form";
import { VolumeImportForm } from "./_components/volume-import-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Volumes");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The month before today's (Jakarta): the month whose volumes are usually being entered. */
function lastMonthKey(now: Date): string {
  const today = toJakartaDateKey(now);
  const date = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
  return date.toISOString().slice(0, 7);
}

/** Service volumes of the offices in scope: one office's month by hand, or a month of every office by CSV. */
export default async function VolumesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  if (!canManageVolumes(actor)) notFound();
  const params = await searchParams;
  const month = parseMonthKey(first(params.bulan)) ?? lastMonthKey(new Date());
  const [t, locale, choices] = await Promise.all([getTranslations("Volumes"), getLocale(), findVolumeChoices(actor)]);
  const requestedOffice = Number(first(params.kantor));
  const office = choices.offices.find((candidate) => candidate.id === requestedOffice) ?? choices.offices[0];
  const entries = office ? await findOfficeVolumeMonth(actor, { officeId: office.id, month }) : [];
  const done = first(params.selesai);
  const rows = Number(first(params.baris) ?? 0);

  return (
    <ClientMessages namespaces={["Volumes.form"]}>
      <div className="space-y-8">
        <PageIntro title={t("title")} lead={t("lead")} />
        {done === "saved" || done === "imported" ? (
          <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-4 font-semibold text-green-900">
            {t(`done.${done}`, { count: Number.isFinite(rows) ? rows : 0, month })}
          </p>
        ) : null}

        <form method="get" className="flex flex-wrap items-end gap-4">
          <label className="block">
            <span className="block font-medium">{t("month")}</span>
            <input type="month" name="bulan" defaultValue={month} className={inputClassName} />
          </label>
          <label className="block">
            <span className="block font-medium">{t("office")}</span>
            <select name="kantor" defaultValue={office?.id} className={inputClassName}>
              {choices.offices.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClassName}>
            {t("show")}
          </button>
        </form>

        {office ? (
          <section aria-labelledby="volume-entry-title" className="space-y-3">
            <h2 id="volume-entry-title" className="text-xl font-semibold text-brand-900">
              {t("entryTitle", { office: office.name, month })}
            </h2>
            <VolumeEntryForm
              key={`${office.id}-${month}`}
              officeId={office.id}
              month={month}
              rows={choices.services.map((service) => {
                const entry = entries.find((candidate) => candidate.serviceId === service.id);
                return {
                  serviceId: service.id,
                  label: locale === "en" ? service.nameEn : service.nameId,
                  count: entry?.count ?? null,
                  enteredBy: entry?.enteredByName ?? null,
                  enteredAt: entry?.enteredAt ? toJakartaDateKey(entry.enteredAt) : null,
                };
              })}
            />
          </section>
        ) : (
          <p>{t("noOffices")}</p>
        )}

        <section aria-labelledby="volume-import-title" className="space-y-3">
          <h2 id="volume-import-title" className="text-xl font-semibold text-brand-900">
            {t("importTitle")}
          </h2>
          <p className="max-w-3xl text-slate-700">{t("importLead")}</p>
          <pre className="max-w-3xl overflow-x-auto rounded-lg bg-slate-100 p-3 text-sm">{"office_code,service_code,count\n" + (choices.offices[0]?.code ?? "kanim-...") + "," + (choices.services[0]?.code ?? "...") + ',"12.450"'}</pre>
          <VolumeImportForm month={month} />
        </section>
      </div>
    </ClientMessages>
  );
}
