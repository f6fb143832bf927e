import "server-only";

import type { StatisticsReport } from "@/lib/statistics/types";

import { formatCount, formatDecimal, formatDistribution, formatPercent, formatRupiah, formatShare } from "./figures";
import type { ExportTranslators } from "./texts";

/**
 * The statistics of an export as labelled lines and tables, shared by the XLSX summary sheet
 * and the PDF report so both say the same thing in the same words. Rejection reasons are staff
 * free text: they appear only in an export that includes free text.
 */

export type SummaryLine = { label: string; value: string };
export type SummaryTable = { title: string; header: string[]; rows: string[][]; note?: string; bars?: number[] };
export type SummarySection = { title: string; lines: SummaryLine[]; tables: SummaryTable[] };

export function buildSummarySections(report: StatisticsReport, { t, labels }: ExportTranslators, options: { locale: "id" | "en"; includeFreeText: boolean }): SummarySection[] {
  const { locale } = options;
  const count = (value: number) => formatCount(value, locale);
  const kindCount = (kind: "COMPLAINT" | "PUNGLI") => report.volume.byKind.find((row) => row.kind === kind)?.count ?? 0;
  const localName = (row: { nameId: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameId);

  const volume: SummarySection = {
    title: t("report.headline"),
    lines: [
      { label: t("report.received"), value: count(report.volume.received) },
      { label: t("report.complaints"), value: count(kindCount("COMPLAINT")) },
      { label: t("report.pungliReports"), value: count(kindCount("PUNGLI")) },
      { label: t("report.verificationOnTime"), value: formatPercent(report.deadlines.verificationOnTime.value, locale) },
      { label: t("report.resolutionOnTime"), value: formatPercent(report.deadlines.resolutionOnTime.value, locale) },
      { label: t("report.averageRating"), value: report.satisfaction.average === null ? "—" : `${formatDecimal(report.satisfaction.average, locale, 2)} / 5` },
      { label: t("report.openBacklog"), value: count(report.backlog.open) },
    ],
    tables: [
      {
        title: t("report.byMonth"),
        header: [t("report.month"), t("report.received"), t("report.pungli"), t("report.closed")],
        rows: report.volume.byMonth.map((row) => [row.month, count(row.received), count(row.pungli), count(row.closed)]),
        bars: report.volume.byMonth.map((row) => row.received),
      },
      {
        title: t("report.byCategory"),
        header: [t("report.category"), t("report.count")],
        rows: report.volume.byCategory.map((row) => [localName(row), count(row.count)]),
        bars: report.volume.byCategory.map((row) => row.count),
      },
      {
        title: t("report.byService"),
        header: [t("report.service"), t("report.count")],
        rows: report.volume.byService.map((row) => [row.code === null ? t("report.noService") : localName(row), count(row.count)]),
        bars: report.volume.byService.map((row) => row.count),
      },
      {
        title: t("report.byChannel"),
        header: [t("report.channel"), t("report.count")],
        rows: report.volume.byChannel.map((row) => [labels(`channel.${row.channel}`), count(row.count)]),
        bars: report.volume.byChannel.map((row) => row.count),
      },
    ],
  };

  const deadlines: SummarySection = {
    title: t("report.deadlines"),
    lines: [
      { label: t("report.verificationShare"), value: formatShare(report.deadlines.verificationOnTime, locale) },
      { label: t("report.resolutionShare"), value: formatShare(report.deadlines.resolutionOnTime, locale) },
      { label: t("report.daysToVerify"), value: formatDistribution(report.deadlines.daysToVerify, locale) },
      { label: t("report.daysToResolve"), value: formatDistribution(report.deadlines.daysToResolve, locale) },
      { label: t("report.overdueNow"), value: count(report.deadlines.overdueNow) },
      { label: t("report.escalated"), value: count(report.deadlines.escalated) },
    ],
    tables: [],
  };

  const outcomes: SummarySection = {
    title: t("report.outcomes"),
    lines: [
      { label: t("report.resolved"), value: count(report.outcomes.resolved) },
      { label: t("report.rejected"), value: count(report.outcomes.rejected) },
      { label: t("report.forwarded"), value: count(report.outcomes.forwarded) },
      ...report.outcomes.forwardedTo.map((row) => ({ label: `  ${labels(`forwardTarget.${row.target}`)}`, value: count(row.count) })),
      { label: t("report.open"), value: count(report.outcomes.open) },
    ],
    tables:
      options.includeFreeText && report.outcomes.rejectionReasons.length > 0
        ? [{ title: t("columns.rejectionReason"), header: [t("columns.rejectionReason"), t("report.count")], rows: report.outcomes.rejectionReasons.map((row) => [row.reason, count(row.count)]) }]
        : [],
  };

  const satisfaction: SummarySection = {
    title: t("report.satisfaction"),
    lines: [
      { label: t("report.ratings"), value: count(report.satisfaction.ratings) },
      { label: t("report.averageRating"), value: report.satisfaction.average === null ? "—" : `${formatDecimal(report.satisfaction.average, locale, 2)} / 5` },
      { label: t("report.ratedShare"), value: formatShare(report.satisfaction.ratedShareOfResolved, locale) },
    ],
    tables: [
      {
        title: t("report.satisfaction"),
        header: [t("columns.ratingScore"), t("report.count")],
        rows: report.satisfaction.distribution.map((row) => [t("report.score", { score: row.score }), count(row.count)]),
        bars: report.satisfaction.distribution.map((row) => row.count),
      },
    ],
  };

  const pungli: SummarySection = {
    title: t("report.pungliSection"),
    lines: [
      { label: t("report.pungliReports"), value: count(report.pungli.reports) },
      { label: t("report.withAmount"), value: count(report.pungli.withAmount) },
      { label: t("report.aboveFee"), value: count(report.pungli.aboveFeeCount) },
      { label: t("report.totalAboveFee"), value: formatRupiah(report.pungli.totalAboveFeeRupiah, locale) },
      { label: t("report.medianAboveFee"), value: formatRupiah(report.pungli.medianAboveFeeRupiah, locale) },
      { label: t("report.withBroker"), value: count(report.pungli.withBroker) },
    ],
    tables: [],
  };

  const notComparable = t("report.notComparable", { minimum: report.minimumCases });
  const offices: SummarySection = {
    title: t("report.offices"),
    lines: [],
    tables: [
      {
        title: t("report.offices"),
        note: t("report.officesNote", { minimum: report.minimumCases }),
        header: [t("report.office"), t("report.received"), t("report.pungli"), t("report.verificationOnTime"), t("report.resolutionOnTime"), t("report.averageRating"), t("report.rank")],
        rows: report.offices.map((row) => [
          row.name,
          count(row.received),
          count(row.pungli),
          row.isComparable ? formatShare(row.verificationOnTime, locale) : notComparable,
          row.isComparable ? formatShare(row.resolutionOnTime, locale) : notComparable,
          row.isComparable && row.satisfaction.average !== null ? `${formatDecimal(row.satisfaction.average, locale, 2)} (${count(row.satisfaction.ratings)})` : "—",
          row.rank === null ? "—" : String(row.rank),
        ]),
      },
    ],
  };

  return [volume, deadlines, outcomes, satisfaction, pungli, offices];
}
