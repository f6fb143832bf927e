import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { formatElementAverage, formatIndex, formatRate, lastDayOfMonth } from "@/lib/figures/format";
import { categoryOfElementAverage, type IkmVerdict } from "@/lib/figures/ikm";
import type { IntegrityFigures } from "@/lib/figures/queries";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsFilters } from "@/lib/statistics/types";
import { SURVEY_ELEMENTS } from "@/lib/surveys/elements";

import { DataTable } from "./data-table";
import { formatCount, formatPercent } from "./statistics-format";
import { EmptyBreakdown, StatisticsSection, StatisticsSubsection } from "./statistics-section";

/**
 * Issue 14's figures on the statistics page: IKM (PermenPAN-RB 14/2017) of the scope, per element,
 * per office and per service; reports per 10,000 services; the pungli gap flag. An index whose
 * sample is below the Krejcie–Morgan minimum is shown as "sample too small", never as a number.
 */
export async function IntegritySection({ figures, filters, locale }: { figures: IntegrityFigures; filters: StatisticsFilters; locale: Locale }) {
  const t = await getTranslations("Figures");
  const count = (value: number) => formatCount(value, locale);
  const verdictText = (verdict: IkmVerdict) =>
    verdict.kind === "index"
      ? t("indexWithCategory", { index: formatIndex(verdict.result.index, locale), category: verdict.result.category, label: t(`categories.${verdict.result.category}`) })
      : t("sampleTooSmall", { respondents: count(verdict.respondents), minimum: count(verdict.minimum) });
  const firstMonth = figures.months[0];
  const lastMonth = figures.months[figures.months.length - 1];
  const monthsPeriod = firstMonth && lastMonth ? { ...filters.period, preset: "custom" as const, from: `${firstMonth}-01`, to: lastDayOfMonth(lastMonth) } : filters.period;
  const queueHref = (officeCode: string, kind: "COMPLAINT" | "PUNGLI") => toQueueHref({ ...filters, period: monthsPeriod, office: officeCode }, { kind });
  const total = figures.total;
  const flagged = figures.offices.filter((office) => office.isPungliLikelyUnderReported);

  return (
    <StatisticsSection id="integrity" title={t("title")} lead={t("lead")}>
      <div className="rounded-lg border border-slate-300 p-4" data-testid="ikm-total">
        <p className="text-sm font-semibold text-slate-700">{t("totalLabel")}</p>
        <p className="text-2xl font-bold text-brand-900">{verdictText(total.ikm)}</p>
        <p className="text-sm text-slate-700">
          {t("sampleNote", { respondents: count(total.respondents), minimum: count(total.ikm.minimum), volume: total.volume === null ? t("volumeMissing") : count(total.volume) })}
        </p>
        {total.poster.respondents > 0 ? <p className="text-sm text-slate-700">{t("posterNote", { respondents: count(total.poster.respondents), index: total.poster.index === null ? "—" : formatIndex(total.poster.index, locale) })}</p> : null}
      </div>

      {flagged.length > 0 ? (
        // A standing finding of the figures, not a response to what the user did: a note, not an alert
        // (an alert would also be announced on every load, beside the page's real errors).
        <div role="note" aria-label={t("gapFlagTitle")} className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t("gapFlagTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {flagged.map((office) => (
              <li key={office.officeId}>
                {t("gapFlagOffice", { office: office.name, share: formatPercent(office.askedToPayShare, locale), rate: formatRate(office.pungliPer10k, locale) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {total.ikm.kind === "index" ? (
        <StatisticsSubsection title={t("elementsTitle")}>
          <DataTable
            id="ikm-elements"
            caption={t("elementsTitle")}
            isCaptionVisible={false}
            // Scrolls inside itself rather than widening a phone's page (it is 379 px wide at 360).
            isWide
            rowHeader={t("element")}
            columns={[{ label: t("nrr") }, { label: t("elementCategory") }]}
            rows={SURVEY_ELEMENTS.map(({ key }, index) => {
              const average = total.ikm.kind === "index" ? total.ikm.result.elementAverages[key] : 0;
              const category = categoryOfElementAverage(average);
              return {
                key,
                header: { text: `U${index + 1} ${t(`elements.${key}`)}` },
                cells: [{ text: formatElementAverage(average, locale) }, { text: `${category} (${t(`categories.${category}`)})` }],
              };
            })}
          />
        </StatisticsSubsection>
      ) : null}

      <StatisticsSubsection title={t("officesTitle")}>
        {figures.offices.length === 0 ? (
          <EmptyBreakdown>{t("noOffices")}</EmptyBreakdown>
        ) : (
          <DataTable
            id="integrity-offices"
            caption={t("officesTitle")}
            isCaptionVisible={false}
            isWide
            rowHeader={t("office")}
            columns={[
              { label: t("columns.ikm"), isText: true },
              { label: t("columns.poster") },
              { label: t("columns.volume") },
              { label: t("columns.complaintsPer10k") },
              { label: t("columns.pungliPer10k") },
              { label: t("columns.askedToPay") },
              { label: t("columns.gap"), isText: true },
            ]}
            rows={figures.offices.map((office) => ({
              key: office.code,
              header: { text: office.name },
              cells: [
                { text: verdictText(office.ikm), isText: true },
                { text: office.poster.respondents > 0 ? `${count(office.poster.respondents)} (${office.poster.index === null ? "—" : formatIndex(office.poster.index, locale)})` : "—" },
                { text: office.volume === null ? t("volumeMissing") : count(office.volume) },
                { text: formatRate(office.complaintsPer10k, locale), note: t("reportsCount", { count: office.complaints }), noteHref: queueHref(office.code, "COMPLAINT") },
                { text: formatRate(office.pungliPer10k, locale), note: t("reportsCount", { count: office.pungli }), noteHref: queueHref(office.code, "PUNGLI") },
                { text: formatPercent(office.askedToPayShare, locale), note: t("askedCount", { asked: office.askedToPay, respondents: office.ikm.kind === "index" ? office.ikm.result.respondents : office.ikm.respondents }) },
                { text: office.isPungliLikelyUnderReported ? t("gapFlag") : "—", isText: true },
              ],
            }))}
          />
        )}
      </StatisticsSubsection>

      {figures.services.length > 0 ? (
        <StatisticsSubsection title={t("servicesTitle")}>
          <DataTable
            id="integrity-services"
            caption={t("servicesTitle")}
            isCaptionVisible={false}
            rowHeader={t("service")}
            columns={[{ label: t("columns.ikm"), isText: true }]}
            rows={figures.services.map((service) => ({
              key: service.code,
              header: { text: locale === "en" ? service.nameEn : service.nameId },
              cells: [{ text: verdictText(service.ikm), isText: true }],
            }))}
          />
        </StatisticsSubsection>
      ) : null}

      <p className="text-sm text-slate-700">
        {t("method", { minAsked: formatPercent(figures.thresholds.minAskedShare, locale), maxRate: formatRate(figures.thresholds.maxReportsPer10k, locale) })}
      </p>
    </StatisticsSection>
  );
}
