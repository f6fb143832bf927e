import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsReport } from "@/lib/statistics/types";

import { DataTable } from "./data-table";
import { FigureList } from "./figure-list";
import { EmptyBreakdown, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount } from "./statistics-format";

/** What became of the reports of the period: resolved, rejected (and why), forwarded (to whom), open. */
export async function OutcomesSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const [t, labels] = await Promise.all([getTranslations("Statistics.outcomes"), getTranslations("CaseLabels")]);
  const { filters, outcomes } = report;
  const count = (value: number) => formatCount(value, locale);

  return (
    <StatisticsSection id="outcomes" title={t("title")}>
      <FigureList
        figures={[
          { key: "resolved", value: count(outcomes.resolved), label: t("resolved"), href: toQueueHref(filters, { status: "RESOLVED" }) },
          { key: "rejected", value: count(outcomes.rejected), label: t("rejected"), href: toQueueHref(filters, { status: "REJECTED" }) },
          { key: "forwarded", value: count(outcomes.forwarded), label: t("forwarded"), href: toQueueHref(filters, { status: "FORWARDED" }) },
          { key: "open", value: count(outcomes.open), label: t("open"), href: toQueueHref(filters, { status: "open" }) },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <StatisticsSubsection title={t("reasonsCaption")}>
          {outcomes.rejectionReasons.length > 0 ? (
            <>
              <DataTable
                id="rejection-reasons"
                caption={t("reasonsCaption")}
                isCaptionVisible={false}
                rowHeader={t("reason")}
                columns={[{ label: t("count") }]}
                rows={outcomes.rejectionReasons.map((item, index) => ({ key: String(index), header: { text: item.reason }, cells: [{ text: count(item.count) }] }))}
              />
              <p className="text-sm text-slate-700">{t("reasonsNote")}</p>
            </>
          ) : (
            <EmptyBreakdown>{t("noReasons")}</EmptyBreakdown>
          )}
        </StatisticsSubsection>
        <StatisticsSubsection title={t("forwardedCaption")}>
          {outcomes.forwardedTo.length > 0 ? (
            <DataTable
              id="forwarded-to"
              caption={t("forwardedCaption")}
              isCaptionVisible={false}
              rowHeader={t("target")}
              columns={[{ label: t("count") }]}
              rows={outcomes.forwardedTo.map((item) => ({
                key: item.target,
                header: { text: labels(`forwardTarget.${item.target}`) },
                cells: [{ text: count(item.count), href: toQueueHref(filters, { forwardedTo: item.target }) }],
              }))}
            />
          ) : (
            <EmptyBreakdown>{t("noForwarded")}</EmptyBreakdown>
          )}
        </StatisticsSubsection>
      </div>
    </StatisticsSection>
  );
}
