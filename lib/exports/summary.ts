import "server-only";

import type { Share, StatisticsReport } from "@/lib/statistics/types";

import { formatCount, formatDecimal, formatDistribution, formatPercent, formatRupiah, formatShare } from "./figures";
import type { ExportTranslators } from "./texts";

/**
 * The statistics of an export as labelled lines and tables, shared by the XLSX summary sheet
 * and the PDF report so both say the same thing in the same words. Rejection reasons are staff
 * free text: they appear only in an export that includes free text.
 *
 * A figure carries its number as well as its text: the PDF prints the text, the XLSX stores the
 * number in a typed cell (with a number format) so it can be summed and charted. A share keeps
 * its numerator and denominator as `detail`, which the XLSX writes beside the percentage.
 */

export type SummaryFigure = { text: string; number: number; numFmt: string; detail?: string };
export type SummaryCell = string | SummaryFigure;
export type SummaryLine = { label: string; value: SummaryCell };
export type SummaryTable = { title: string; header: string[]; rows: SummaryCell[][]; note?: string; bars?: number[] };
export type SummarySection = { title: string; lines: SummaryLine[]; tables: SummaryTable[] };

/** Excel number formats; the spreadsheet shows them in the reader's own locale. */
const NUMBER_FORMATS = { count: "#,##0", percent: "0.0%", rupiah: '"Rp" #,##0', rating: "0.00" } as const;

/** The text of a cell, as the PDF prints it. */
export function cellText(cell: SummaryCell): string {
  return typeof cell === "string" ? cell : cell.text;
}

export function buildSummarySections(report: StatisticsReport, { t, labels }: ExportTranslators, options: { locale: "id" | "en"; includeFreeText: boolean }): SummarySection[] {
  const { locale } = options;
  const count = (value: number): SummaryFigure => ({ text: formatCount(value, locale), number: value, numFmt: NUMBER_FORMATS.count });
  const percent = (value: number | null): SummaryCell => (value === null ? "—" : { text: formatPercent(value, locale), number: value, numFmt: NUMBER_FORMATS.percent });
  const share = (value: Share): SummaryCell =>
    value.value === null
      ? "—"
      : { text: formatShare(value, locale), number: value.value, numFmt: NUMBER_FORMATS.percent, detail: `${formatCount(value.numerator, locale)}/${formatCount(value.denominator, locale)}` };
  const rupiah = (value: number | null): SummaryCell => (value === null ? "—" : { text: formatRupiah(value, locale), number: Math.round(value), numFmt: NUMBER_FORMATS.rupiah });
  const rating = (value: number | null): SummaryCell => (value === null ? "—" : { text: `${formatDecimal(value, locale, 2)} / 5`, number: value, numFmt: NUMBER_FORMATS.rating });
  const kindCount = (kind: "COMPLAINT" | "PUNGLI") => report.volume.byKind.find((row) => row.kind === kind)?.count ?? 0;
  const localName = (row: { nameId: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameId);

  const volume: SummarySection = {
    title: t("report.headline"),
    lines: [
      { label: t("report.received"), value: count(report.volume.received) },
      { label: t("report.complaints"), value: count(kindCount("COMPLAINT")) },
      { label: t("report.pungliReports"), value: count(kindCount("PUNGLI")) },
      { label: t("report.verificationOnTime"), value: percent(report.deadlines.verificationOnTime.value) },
      { label: t("report.resolutionOnTime"), value: percent(report.deadlines.resolutionOnTime.value) },
      { label: t("report.averageRating"), value: rating(report.satisfaction.average) },
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
      { label: t("report.verificationShare"), value: share(report.deadlines.verificationOnTime) },
      { label: t("report.resolutionShare"), value: share(report.deadlines.resolutionOnTime) },
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
      { label: t("report.averageRating"), value: rating(report.satisfaction.average) },
      { label: t("report.ratedShare"), value: share(report.satisfaction.ratedShareOfResolved) },
    ],
    tables: [
      {
        // The section is already headed "Kepuasan pelapor": the table says what it adds.
        title: t("report.ratingDistribution"),
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
      { label: t("report.totalAboveFee"), value: rupiah(report.pungli.totalAboveFeeRupiah) },
      { label: t("report.medianAboveFee"), value: rupiah(report.pungli.medianAboveFeeRupiah) },
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
          row.isComparable ? share(row.verificationOnTime) : notComparable,
          row.isComparable ? share(row.resolutionOnTime) : notComparable,
          row.isComparable && row.satisfaction.average !== null
            ? { text: `${formatDecimal(row.satisfaction.average, locale, 2)} (${formatCount(row.satisfaction.ratings, locale)})`, number: row.satisfaction.average, numFmt: NUMBER_FORMATS.rating, detail: formatCount(row.satisfaction.ratings, locale) }
            : "—",
          row.rank === null ? "—" : { text: String(row.rank), number: row.rank, numFmt: "0" },
        ]),
      },
    ],
  };

  return [volume, deadlines, outcomes, satisfaction, pungli, offices];
}
