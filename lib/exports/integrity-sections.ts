import "server-only";

import { createTranslator } from "use-intl/core";

import { loadMessages } from "@/i18n/messages";
import { categoryOfElementAverage, type IkmVerdict } from "@/lib/figures/ikm";
import type { IntegrityFigures } from "@/lib/figures/queries";
import { SURVEY_ELEMENTS } from "@/lib/surveys/elements";

import { formatCount, formatDecimal, formatPercent } from "./figures";
import type { SummaryCell, SummarySection } from "./summary";

/**
 * The survey results (issue 14) as summary sections, appended to the XLSX summary sheet and the
 * PDF report. Laid out as Zona Integritas evidence: the method, the sample (respondents, the
 * Krejcie–Morgan minimum, the services it is drawn from), the index with its category, the
 * per-element table, then per office: index or "sample too small", the open-poster answers apart,
 * reports per 10,000 services and the pungli gap flag. The period is the export's own (its header).
 */

export async function buildIntegritySections(figures: IntegrityFigures, locale: "id" | "en"): Promise<SummarySection[]> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Figures" });
  const count = (value: number): SummaryCell => ({ text: formatCount(value, locale), number: value, numFmt: "#,##0" });
  const index = (value: number): SummaryCell => ({ text: formatDecimal(value, locale, 2), number: value, numFmt: "0.00" });
  const rate = (value: number | null): SummaryCell => (value === null ? "—" : { text: formatDecimal(value, locale, 2), number: value, numFmt: "0.00" });
  const verdict = (value: IkmVerdict): SummaryCell =>
    value.kind === "index" ? `${formatDecimal(value.result.index, locale, 2)} (${value.result.category}, ${t(`categories.${value.result.category}`)})` : t("sampleTooSmall", { respondents: formatCount(value.respondents, locale), minimum: formatCount(value.minimum, locale) });
  const total = figures.total;

  const survey: SummarySection = {
    title: t("export.title"),
    lines: [
      { label: t("export.method"), value: t("export.methodText") },
      { label: t("export.months"), value: figures.months.join(", ") },
      { label: t("export.respondents"), value: count(total.respondents) },
      { label: t("export.minimum"), value: count(total.ikm.minimum) },
      { label: t("export.volume"), value: total.volume === null ? t("volumeMissing") : count(total.volume) },
      { label: t("export.index"), value: total.ikm.kind === "index" ? index(total.ikm.result.index) : verdict(total.ikm) },
      { label: t("export.category"), value: total.ikm.kind === "index" ? `${total.ikm.result.category} (${t(`categories.${total.ikm.result.category}`)})` : "—" },
      { label: t("export.poster"), value: total.poster.respondents === 0 ? "—" : `${formatCount(total.poster.respondents, locale)} (${total.poster.index === null ? "—" : formatDecimal(total.poster.index, locale, 2)})` },
    ],
    tables:
      total.ikm.kind === "index"
        ? [
            {
              title: t("elementsTitle"),
              header: [t("element"), t("nrr"), t("elementCategory")],
              rows: SURVEY_ELEMENTS.map(({ key }, position) => {
                const average = total.ikm.kind === "index" ? total.ikm.result.elementAverages[key] : 0;
                const category = categoryOfElementAverage(average);
                return [`U${position + 1} ${t(`elements.${key}`)}`, { text: formatDecimal(average, locale, 3), number: average, numFmt: "0.000" }, `${category} (${t(`categories.${category}`)})`];
              }),
            },
          ]
        : [],
  };

  const offices: SummarySection = {
    title: t("officesTitle"),
    lines: [],
    tables: [
      {
        title: t("officesTitle"),
        note: t("method", { minAsked: formatPercent(figures.thresholds.minAskedShare, locale), maxRate: formatDecimal(figures.thresholds.maxReportsPer10k, locale, 2) }),
        header: [t("office"), t("columns.ikm"), t("columns.volume"), t("columns.complaintsPer10k"), t("columns.pungliPer10k"), t("columns.askedToPay"), t("columns.gap")],
        rows: figures.offices.map((office) => [
          office.name,
          verdict(office.ikm),
          office.volume === null ? t("volumeMissing") : count(office.volume),
          rate(office.complaintsPer10k),
          rate(office.pungliPer10k),
          office.askedToPayShare === null ? "—" : { text: formatPercent(office.askedToPayShare, locale), number: office.askedToPayShare, numFmt: "0.0%" },
          office.isPungliLikelyUnderReported ? t("gapFlag") : "—",
        ]),
      },
    ],
  };
  return [survey, offices];
}
