import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { isLocale } from "@/i18n/locales";
import { requireStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { getEnvironment } from "@/lib/env";
import { getIntegrityFigures } from "@/lib/figures/queries";
import { getObjectionStatistics } from "@/lib/objections/statistics";
import { getRetaliationStatistics } from "@/lib/rules/retaliation-statistics";
import { parseStatisticsFilters } from "@/lib/statistics/filters";
import { getStatisticsFilterOptions } from "@/lib/statistics/queries";
import { getStatisticsSnapshot } from "@/lib/statistics/snapshots";

import { BacklogSection } from "./_components/backlog-section";
import { DeadlinesSection } from "./_components/deadlines-section";
import { IntegritySection } from "./_components/integrity-section";
import { ExportPanel } from "./_components/export-panel";
import { MethodSection } from "./_components/method-section";
import { NotAvailableForRole } from "./_components/not-available";
import { ObjectionsSection } from "./_components/objections-section";
import { OfficesSection } from "./_components/offices-section";
import { OutcomesSection } from "./_components/outcomes-section";
import { PungliSection } from "./_components/pungli-section";
import { RetaliationSection } from "./_components/retaliation-section";
import { SatisfactionSection } from "./_components/satisfaction-section";
import { StatisticsFilterForm, type PeriodInput } from "./_components/statistics-filter-form";
import { StatisticsHeader } from "./_components/statistics-header";
import { VolumeSection } from "./_components/volume-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Statistics");
  return { title: t("metaTitle") };
}

/** Statistics of the supervisor's scope over a period, every figure linked to the queue. */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!hasCasePermission(actor, "viewStatistics")) return <NotAvailableForRole />;

  const now = new Date();
  const parsed = parseStatisticsFilters(await searchParams, now);
  const filters = parsed.ok ? parsed.filters : parsed.fallback;
  const period: PeriodInput = parsed.ok
    ? { ...filters.period, hasError: false }
    : { preset: "custom", from: parsed.typed.from ?? "", to: parsed.typed.to ?? "", hasError: true };
  const [t, requestedLocale, report, options, objections, integrity, retaliation] = await Promise.all([
    getTranslations("Statistics"),
    getLocale(),
    getStatisticsSnapshot(actor, filters, { now }),
    getStatisticsFilterOptions(actor),
    getObjectionStatistics(actor, filters),
    getIntegrityFigures(actor, filters),
    getRetaliationStatistics(actor, filters),
  ]);
  const locale = isLocale(requestedLocale) ? requestedLocale : "id";
  const hasReports = report.volume.received > 0;

  return (
    <ClientMessages namespaces={["Statistics.filters", "Exports"]}>
      <div className="space-y-6">
        <PageIntro title={t("title")} lead={t("lead")} />
        <StatisticsFilterForm filters={filters} period={period} options={options} />
        <StatisticsHeader report={report} options={options} locale={locale} />
        {/* The exports of these figures (CSV, XLSX, PDF) under the same filters. */}
        <ExportPanel filters={filters} />
        {hasReports ? null : (
          <div role="status" className="rounded-xl border border-dashed border-slate-400 bg-white p-6">
            <h2 className="text-xl font-semibold text-brand-900">{t("empty.title")}</h2>
            <p className="mt-2 text-slate-700">{t("empty.body")}</p>
          </div>
        )}
        {hasReports ? <VolumeSection report={report} locale={locale} /> : null}
        {hasReports || report.backlog.open > 0 ? <BacklogSection report={report} locale={locale} /> : null}
        {hasReports ? (
          <>
            <DeadlinesSection report={report} locale={locale} />
            <OutcomesSection report={report} locale={locale} />
            <ObjectionsSection objections={objections} filters={filters} locale={locale} />
            <SatisfactionSection report={report} locale={locale} />
            <PungliSection report={report} locale={locale} />
            {report.offices.length > 1 ? <OfficesSection report={report} locale={locale} /> : null}
            {retaliation.total > 0 ? <RetaliationSection retaliation={retaliation} locale={locale} /> : null}
          </>
        ) : null}
        <IntegritySection figures={integrity} filters={filters} locale={locale} />
        <MethodSection minimumCases={report.minimumCases} refreshMinutes={getEnvironment().STATS_SNAPSHOT_MINUTES} locale={locale} />
      </div>
    </ClientMessages>
  );
}
