import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref, toStatisticsSearch } from "@/lib/statistics/filters";
import type { Share, StatisticsReport } from "@/lib/statistics/types";

import { DataTable, type TableCell } from "./data-table";
import { StatisticsSection } from "./statistics-section";
import { formatCount, formatRating, formatShare, MISSING_VALUE } from "./statistics-format";

/**
 * The offices in scope side by side. Offices under the minimum number of reports show their
 * counts but "—" for shares, satisfaction and rank, so one case cannot make an office look best
 * or worst; so does a share or average that rests on fewer cases or ratings than the minimum
 * (its counts stay visible and linked).
 */
export async function OfficesSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const t = await getTranslations("Statistics.offices");
  const { filters, offices, minimumCases } = report;
  const count = (value: number) => formatCount(value, locale);
  // Every service an office received reports about is in the period's breakdown by service, with its name.
  const serviceNames = new Map(report.volume.byService.map((service) => [service.code, locale === "en" ? service.nameEn : service.nameId]));
  const serviceName = (code: string | null) => serviceNames.get(code) ?? code ?? MISSING_VALUE;

  // A hidden share shows "—" with its counts, and the counts carry the link: a link reading "—" says nothing.
  const shareCell = (share: Share, href: string): TableCell => {
    if (share.denominator === 0) return { text: MISSING_VALUE };
    const note = `${count(share.numerator)}/${count(share.denominator)}`;
    return share.value === null ? { text: MISSING_VALUE, note, noteHref: href } : { text: formatShare(share, locale), note, href };
  };
  // Pungli cases cannot be among the reports when the page is narrowed to complaints only.
  const pungliExcluded = filters.kind !== undefined && filters.kind !== "PUNGLI";

  const rows = offices.map((office) => {
    const officeHref = (extra: Parameters<typeof toQueueHref>[1] = {}) => toQueueHref(filters, { office: office.code, ...extra });
    const [topService, ...otherServices] = office.byService;
    return {
      key: office.code,
      // The office's name opens its own statistics, where its reports are broken down by service.
      header: {
        text: office.name,
        href: `/dasbor/statistik${toStatisticsSearch({ ...filters, office: office.code })}`,
        note: office.isComparable ? undefined : t("fewerThan", { minimum: count(minimumCases) }),
      },
      cells: [
        { text: count(office.received), href: officeHref() },
        pungliExcluded ? { text: count(office.pungli) } : { text: count(office.pungli), href: officeHref({ kind: "PUNGLI" }) },
        topService
          ? { text: `${serviceName(topService.code)} (${count(topService.count)})`, note: otherServices.length > 0 ? t("otherServices", { count: otherServices.length }) : undefined, isText: true }
          : { text: MISSING_VALUE, isText: true },
        shareCell(office.verificationOnTime, officeHref({ verification: "on-time" })),
        shareCell(office.resolutionOnTime, officeHref({ resolution: "on-time" })),
        office.satisfaction.ratings === 0
          ? { text: MISSING_VALUE }
          : office.satisfaction.average === null
            ? { text: MISSING_VALUE, note: t("ratings", { count: office.satisfaction.ratings }), noteHref: officeHref({ rating: "any" }) }
            : { text: formatRating(office.satisfaction.average, locale), note: t("ratings", { count: office.satisfaction.ratings }), href: officeHref({ rating: "any" }) },
        { text: office.rank === null ? MISSING_VALUE : count(office.rank) },
      ],
    };
  });

  return (
    <StatisticsSection id="offices" title={t("title")} lead={t("lead", { minimum: count(minimumCases) })}>
      <DataTable
        id="offices-compared"
        caption={t("caption")}
        isWide
        rowHeader={t("office")}
        columns={[
          { label: t("received") },
          { label: t("pungli") },
          { label: t("topServices"), isText: true },
          { label: t("verification") },
          { label: t("resolution") },
          { label: t("satisfaction") },
          { label: t("rank") },
        ]}
        rows={rows}
      />
      <p className="text-sm text-slate-700">{t("rankNote")}</p>
    </StatisticsSection>
  );
}
