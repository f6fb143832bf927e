import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsReport } from "@/lib/statistics/types";

import { BreakdownBarChart } from "./breakdown-bar-chart";
import { DataTable } from "./data-table";
import { FigureList } from "./figure-list";
import { ChartWithTable, EmptyBreakdown, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount, formatRating, formatShare, MISSING_VALUE } from "./statistics-format";

const BAR_COLOR = "#0f6b61";
const SCORES = ["1", "2", "3", "4", "5"] as const;

/** Ratings reporters gave to the reports of the period: how many, the average, by score, the rated share. */
export async function SatisfactionSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const [t, units] = await Promise.all([getTranslations("Statistics.satisfaction"), getTranslations("Statistics.units")]);
  const { filters, satisfaction } = report;
  const count = (value: number) => formatCount(value, locale);
  const scores = satisfaction.distribution.map((item) => ({
    ...item,
    label: t("scoreLabel", { score: item.score }),
    href: toQueueHref(filters, { rating: SCORES[item.score - 1] }),
  }));
  const rated = satisfaction.ratedShareOfResolved;

  return (
    <StatisticsSection id="satisfaction" title={t("title")}>
      <FigureList
        figures={[
          { key: "ratings", value: count(satisfaction.ratings), label: t("ratings"), href: toQueueHref(filters, { rating: "any" }) },
          {
            key: "average",
            value: satisfaction.average === null ? MISSING_VALUE : t("averageValue", { value: formatRating(satisfaction.average, locale) }),
            label: t("average"),
            href: toQueueHref(filters, { rating: "any" }),
          },
          {
            key: "rated-share",
            value: formatShare(rated, locale),
            label: t("ratedShare"),
            detail: units("outOf", { numerator: count(rated.numerator), denominator: count(rated.denominator) }),
            href: toQueueHref(filters, { status: "RESOLVED", rating: "any" }),
          },
        ]}
      />
      <StatisticsSubsection title={t("distributionCaption")}>
        {satisfaction.ratings > 0 ? (
          <ChartWithTable
            chart={<BreakdownBarChart color={BAR_COLOR} bars={scores.map((item) => ({ label: item.label, value: item.count, valueLabel: count(item.count) }))} />}
            table={
              <DataTable
                id="ratings-by-score"
                caption={t("distributionCaption")}
                isCaptionVisible={false}
                rowHeader={t("score")}
                columns={[{ label: t("count") }]}
                rows={scores.map((item) => ({ key: String(item.score), header: { text: item.label }, cells: [{ text: count(item.count), href: item.href }] }))}
              />
            }
          />
        ) : (
          <EmptyBreakdown>{t("noRatings")}</EmptyBreakdown>
        )}
      </StatisticsSubsection>
    </StatisticsSection>
  );
}
