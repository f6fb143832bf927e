import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import { listOfficesForAdmin, listRegionalOfficesForAdmin } from "@/lib/offices/offices";
import { OFFICE_STATUS_FILTERS, parseOfficeListFilters } from "@/lib/offices/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOffices");
  return { title: t("metaTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const labelClassName = "block text-sm font-semibold text-slate-900";

/** Every office with its regional office; searchable and filterable in the URL (a GET form). */
export default async function OfficesPage({ searchParams }: PageProps) {
  const actor = await requireAdmin();
  const filters = parseOfficeListFilters(await searchParams);
  const [t, offices, regions] = await Promise.all([getTranslations("AdminOffices"), listOfficesForAdmin(actor, filters), listRegionalOfficesForAdmin(actor)]);

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <p>
        <Link href="/dasbor/admin/kantor/baru" className={buttonClassName}>
          {t("add")}
        </Link>
      </p>

      <form method="get" action="/dasbor/admin/kantor" role="search" aria-label={t("filters.title")} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="offices-q" className={labelClassName}>
            {t("filters.search")}
          </label>
          <input id="offices-q" name="q" type="search" defaultValue={filters.q} maxLength={100} className={`${inputClassName} mt-1 py-2`} />
        </div>
        <div>
          <label htmlFor="offices-region" className={labelClassName}>
            {t("filters.region")}
          </label>
          <select id="offices-region" name="region" defaultValue={filters.regionalOfficeId ?? ""} className={`${inputClassName} mt-1 py-2`}>
            <option value="">{t("filters.any")}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="offices-status" className={labelClassName}>
            {t("filters.status")}
          </label>
          <select id="offices-status" name="status" defaultValue={filters.status} className={`${inputClassName} mt-1 py-2`}>
            {OFFICE_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(`filters.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={buttonClassName}>
            {t("filters.apply")}
          </button>
          <Link href="/dasbor/admin/kantor" className={secondaryButtonClassName}>
            {t("filters.clear")}
          </Link>
        </div>
      </form>

      <p role="status" className="font-semibold text-slate-900">
        {t("count", { count: offices.length })}
      </p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {offices.map((office) => (
          <li key={office.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-semibold">
                <Link href={`/dasbor/admin/kantor/${office.id}`} className="text-brand-800 underline underline-offset-2">
                  {office.name}
                </Link>
                {office.isActive ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">{t("closedBadge")}</span>}
              </p>
              <p className="text-sm text-slate-700">
                {office.regionalOffice.name} · {office.city}, {office.province}
              </p>
            </div>
            <p className="font-mono text-sm break-all text-slate-700">{office.code}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
