import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import type { QueueFilters } from "@/lib/cases/queue-filters";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsReport } from "@/lib/statistics/types";

import { DataTable } from "./data-table";
import { FigureList } from "./figure-list";
import { EmptyBreakdown, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount, formatRupiah } from "./statistics-format";

/** Pungli (illegal levy) reports of the period: amounts above the official fee, brokers, by service. */
export async function PungliSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const t = await getTranslations("Statistics.pungli");
  const { filters, pungli } = report;
  const count = (value: number) => formatCount(value, locale);
  const rupiah = (value: number | null) => formatRupiah(value, locale);
  const pungliHref = (extra: Partial<QueueFilters> = {}) => toQueueHref(filters, { kind: "PUNGLI", ...extra });

  if (pungli.reports === 0) {
    return (
      <StatisticsSection id="pungli" title={t("title")}>
        <EmptyBreakdown>{t("none")}</EmptyBreakdown>
      </StatisticsSection>
    );
  }

  const aboveFeeDetail = t("aboveFeeDetail", { count: count(pungli.aboveFeeCount) });
  return (
    <StatisticsSection id="pungli" title={t("title")}>
      <FigureList
        figures={[
          { key: "pungli-reports", value: count(pungli.reports), label: t("reports"), href: pungliHref() },
          { key: "pungli-with-amount", value: count(pungli.withAmount), label: t("withAmount"), href: pungliHref({ amount: "yes" }) },
          { key: "pungli-above-fee", value: count(pungli.aboveFeeCount), label: t("aboveFee"), href: pungliHref({ aboveFee: "yes" }) },
          { key: "pungli-total-above-fee", value: rupiah(pungli.totalAboveFeeRupiah), label: t("totalAboveFee"), detail: aboveFeeDetail, href: pungliHref({ aboveFee: "yes" }), isWide: true },
          { key: "pungli-median-above-fee", value: rupiah(pungli.medianAboveFeeRupiah), label: t("medianAboveFee"), detail: aboveFeeDetail, href: pungliHref({ aboveFee: "yes" }), isWide: true },
          { key: "pungli-with-broker", value: count(pungli.withBroker), label: t("withBroker"), href: pungliHref({ broker: "yes" }) },
        ]}
      />
      <StatisticsSubsection title={t("byServiceCaption")}>
        <DataTable
          id="pungli-by-service"
          caption={t("byServiceCaption")}
          isCaptionVisible={false}
          isWide
          rowHeader={t("service")}
          columns={[{ label: t("columnReports") }, { label: t("columnWithAmount") }, { label: t("columnTotal") }, { label: t("columnMedian") }, { label: t("columnWithBroker") }]}
          rows={pungli.byService.map((item) => {
            // Reports that named no service cannot be listed by service in the queue.
            const href = (extra: Partial<QueueFilters> = {}) => (item.code ? pungliHref({ service: item.code, ...extra }) : undefined);
            return {
              key: item.code ?? "none",
              header: { text: locale === "en" ? item.nameEn : item.nameId },
              cells: [
                { text: count(item.reports), href: href() },
                { text: count(item.withAmount), href: href({ amount: "yes" }) },
                { text: rupiah(item.totalAboveFeeRupiah), href: href({ aboveFee: "yes" }) },
                { text: rupiah(item.medianAboveFeeRupiah) },
                { text: count(item.withBroker), href: href({ broker: "yes" }) },
              ],
            };
          })}
        />
      </StatisticsSubsection>
    </StatisticsSection>
  );
}
