import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsReport } from "@/lib/statistics/types";

import { BreakdownBarChart, type BreakdownBar } from "./breakdown-bar-chart";
import { DataTable, type TableRow } from "./data-table";
import { FigureList } from "./figure-list";
import { MonthlyTrendChart } from "./monthly-trend-chart";
import { ChartWithTable, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount, formatMonth, formatPercent, monthWithinPeriod } from "./statistics-format";

const BAR_COLOR = "#1c4f86";
/** Breakdowns with many lines (services, offices) chart and list only the largest. */
const LONGEST_BREAKDOWN = 10;

/** `chartLabel`: a shorter name for the chart, when the table's is long. */
type BreakdownLine = { key: string; label: string; chartLabel?: string; count: number; href?: string };

/** Reports received: in total, by kind, by month, and by channel, category, service and office. */
export async function VolumeSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const [t, labels] = await Promise.all([getTranslations("Statistics.volume"), getTranslations("CaseLabels")]);
  const { filters, volume } = report;
  const count = (value: number) => formatCount(value, locale);
  const nameOf = (item: { nameId: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameId);

  const breakdown = (id: string, title: string, rowHeader: string, lines: BreakdownLine[]) => {
    const shown = lines.slice(0, LONGEST_BREAKDOWN);
    const bars: BreakdownBar[] = shown.map((line) => ({ label: line.chartLabel ?? line.label, value: line.count, valueLabel: count(line.count) }));
    const rows: TableRow[] = shown.map((line) => ({
      key: line.key,
      header: { text: line.label },
      cells: [{ text: count(line.count), href: line.href }, { text: formatPercent(volume.received > 0 ? line.count / volume.received : null, locale) }],
    }));
    return (
      <StatisticsSubsection title={title}>
        <ChartWithTable
          chart={<BreakdownBarChart bars={bars} color={BAR_COLOR} />}
          table={<DataTable id={id} caption={title} isCaptionVisible={false} rowHeader={rowHeader} columns={[{ label: t("count") }, { label: t("share") }]} rows={rows} />}
        />
      </StatisticsSubsection>
    );
  };

  const trendRows: TableRow[] = volume.byMonth.map((month) => {
    const days = monthWithinPeriod(month.month, filters.period);
    return {
      key: month.month,
      header: { text: formatMonth(month.month, locale, "medium") },
      cells: [
        { text: count(month.received), href: toQueueHref(filters, days) },
        // Narrowed to complaints, the pungli count is 0 and has no cases to list.
        filters.kind !== undefined && filters.kind !== "PUNGLI" ? { text: count(month.pungli) } : { text: count(month.pungli), href: toQueueHref(filters, { ...days, kind: "PUNGLI" }) },
        { text: count(month.closed) },
      ],
    };
  });

  return (
    <StatisticsSection id="volume" title={t("title")}>
      <FigureList
        figures={[
          { key: "received", value: count(volume.received), label: t("received"), href: toQueueHref(filters) },
          ...volume.byKind.map((item) => ({ key: `kind-${item.kind}`, value: count(item.count), label: labels(`kind.${item.kind}`), href: toQueueHref(filters, { kind: item.kind }) })),
        ]}
      />

      <StatisticsSubsection title={t("trendTitle")}>
        <MonthlyTrendChart
          locale={locale}
          series={{ received: t("receivedColumn"), pungli: t("pungliColumn"), closed: t("closedColumn") }}
          months={volume.byMonth.map((month) => ({ label: formatMonth(month.month, locale, "short"), received: month.received, pungli: month.pungli, closed: month.closed }))}
        />
        <DataTable
          id="volume-by-month"
          caption={t("trendCaption")}
          isWide
          rowHeader={t("month")}
          columns={[{ label: t("receivedColumn") }, { label: t("pungliColumn") }, { label: t("closedColumn") }]}
          rows={trendRows}
        />
        <p className="text-sm text-slate-700">{t("closedNote")}</p>
      </StatisticsSubsection>

      {breakdown(
        "volume-by-channel",
        t("byChannel"),
        t("channel"),
        volume.byChannel.map((item) => ({ key: item.channel, label: labels(`channel.${item.channel}`), count: item.count, href: toQueueHref(filters, { channel: item.channel }) })),
      )}
      {breakdown(
        "volume-by-category",
        t("byCategory"),
        t("category"),
        volume.byCategory.map((item) => ({ key: item.code, label: nameOf(item), count: item.count, href: item.code ? toQueueHref(filters, { category: item.code }) : undefined })),
      )}
      {breakdown(
        "volume-by-service",
        volume.byService.length > LONGEST_BREAKDOWN ? t("byServiceTop", { count: LONGEST_BREAKDOWN }) : t("byService"),
        t("service"),
        volume.byService.map((item) => ({
          key: item.code ?? "none",
          label: nameOf(item),
          count: item.count,
          href: item.code ? toQueueHref(filters, { service: item.code }) : undefined,
        })),
      )}
      {volume.byOffice.length > 1
        ? breakdown(
            "volume-by-office",
            volume.byOffice.length > LONGEST_BREAKDOWN ? t("byOfficeTop", { count: LONGEST_BREAKDOWN }) : t("byOffice"),
            t("office"),
            volume.byOffice.map((item) => ({
              key: item.code,
              label: item.name,
              // Every office is a "Kantor Imigrasi": the chart leaves that out so the distinctive part fits a phone.
              chartLabel: item.name.replace(/^Kantor Imigrasi\s+/i, ""),
              count: item.count,
              href: item.code ? toQueueHref(filters, { office: item.code }) : undefined,
            })),
          )
        : null}
    </StatisticsSection>
  );
}
