import { getLocale, getTranslations } from "next-intl/server";

import { SectionCard } from "@/components/section-card";
import { isLocale } from "@/i18n/locales";
import { getCurrentStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { listRecentExportJobs } from "@/lib/exports/jobs";
import { toStatisticsSearch } from "@/lib/statistics/filters";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { ExportJobList } from "./export-job-list";
import { ExportRequestForm } from "./export-request-form";

/**
 * The exports of the statistics shown (CSV, XLSX, PDF) under the same filters, and the user's
 * recent exports with their progress and download links. Without JavaScript the form still
 * posts, and the list shows each job's state with a link to look again.
 */
export async function ExportPanel({ filters }: { filters: StatisticsFilters }) {
  const actor = await getCurrentStaff();
  if (!actor || !hasCasePermission(actor, "viewStatistics")) return null;
  const [t, requestedLocale, jobs] = await Promise.all([getTranslations("Exports.panel"), getLocale(), listRecentExportJobs(actor)]);
  const locale = isLocale(requestedLocale) ? requestedLocale : "id";
  return (
    <SectionCard title={t("heading")}>
      <p>{t("intro")}</p>
      <ExportRequestForm filters={filters} locale={locale} />
      <ExportJobList initialJobs={jobs} refreshHref={`/dasbor/statistik${toStatisticsSearch(filters)}`} />
    </SectionCard>
  );
}
