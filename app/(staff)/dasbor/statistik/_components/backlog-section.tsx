import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsReport } from "@/lib/statistics/types";

import { BreakdownBarChart } from "./breakdown-bar-chart";
import { DataTable } from "./data-table";
import { FigureList } from "./figure-list";
import { ChartWithTable, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount, formatInstantDate } from "./statistics-format";

const BAR_COLOR = "#1c4f86";

/** The cases open now, whenever received: how many, how old, how many overdue. */
export async function BacklogSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const t = await getTranslations("Statistics.backlog");
  const { filters, backlog, deadlines } = report;
  const count = (value: number) => formatCount(value, locale);
  const now = { withPeriod: false };
  const buckets = backlog.byAge.map((bucket) => ({
    ...bucket,
    label: t(`buckets.${bucket.bucket}`),
    href: toQueueHref(filters, { status: "open", from: bucket.receivedFrom ?? undefined, to: bucket.receivedTo }, now),
  }));

  return (
    <StatisticsSection id="backlog" title={t("title")} lead={t("lead")}>
      <FigureList
        figures={[
          { key: "backlog-open", value: count(backlog.open), label: t("open"), href: toQueueHref(filters, { status: "open" }, now) },
          { key: "overdue-now", value: count(deadlines.overdueNow), label: t("overdueNow"), href: toQueueHref(filters, { status: "open", deadline: "OVERDUE" }, now) },
        ]}
      />
      {backlog.oldestReceivedAt ? <p>{t("oldest", { date: formatInstantDate(backlog.oldestReceivedAt, locale) })}</p> : null}
      {backlog.open > 0 ? (
        <StatisticsSubsection title={t("byAgeCaption")}>
          <ChartWithTable
            chart={<BreakdownBarChart color={BAR_COLOR} bars={buckets.map((bucket) => ({ label: bucket.label, value: bucket.count, valueLabel: count(bucket.count) }))} />}
            table={
              <DataTable
                id="backlog-by-age"
                caption={t("byAgeCaption")}
                isCaptionVisible={false}
                rowHeader={t("age")}
                columns={[{ label: t("count") }]}
                rows={buckets.map((bucket) => ({ key: bucket.bucket, header: { text: bucket.label }, cells: [{ text: count(bucket.count), href: bucket.href }] }))}
              />
            }
          />
        </StatisticsSubsection>
      ) : null}
    </StatisticsSection>
  );
}
