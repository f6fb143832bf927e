import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import type { ObjectionStatistics } from "@/lib/objections/statistics";
import { toQueueHref } from "@/lib/statistics/filters";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { DataTable } from "./data-table";
import { FigureList } from "./figure-list";
import { EmptyBreakdown, StatisticsSection, StatisticsSubsection } from "./statistics-section";
import { formatCount } from "./statistics-format";

/** Reporters' objections to the offices' decisions (lib/objections/statistics.ts), per office. */
export async function ObjectionsSection({ objections, filters, locale }: { objections: ObjectionStatistics; filters: StatisticsFilters; locale: Locale }) {
  const t = await getTranslations("ObjectionStaff.statistics");
  const count = (value: number) => formatCount(value, locale);
  return (
    <StatisticsSection id="objections" title={t("title")} lead={t("intro")}>
      <FigureList figures={[{ key: "objections", value: count(objections.total), label: t("total"), href: toQueueHref(filters, { view: "objected" }) }]} />
      <StatisticsSubsection title={t("byOffice")}>
        {objections.byOffice.length > 0 ? (
          <DataTable
            id="objections-by-office"
            caption={t("byOffice")}
            isCaptionVisible={false}
            rowHeader={t("office")}
            columns={[{ label: t("count") }]}
            rows={objections.byOffice.map((row) => ({
              key: row.code,
              header: { text: row.name },
              cells: [{ text: count(row.count), href: toQueueHref({ ...filters, office: row.code }, { view: "objected" }) }],
            }))}
          />
        ) : (
          <EmptyBreakdown>{t("none")}</EmptyBreakdown>
        )}
      </StatisticsSubsection>
    </StatisticsSection>
  );
}
