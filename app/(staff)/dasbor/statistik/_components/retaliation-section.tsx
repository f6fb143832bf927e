import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import type { RetaliationStatistics } from "@/lib/rules/retaliation-statistics";

import { DataTable } from "./data-table";
import { StatisticsSection } from "./statistics-section";
import { formatCount } from "./statistics-format";

/** Retaliation reports per original office (lib/rules/retaliation-statistics.ts); shown only to whom they are visible. */
export async function RetaliationSection({ retaliation, locale }: { retaliation: RetaliationStatistics; locale: Locale }) {
  const t = await getTranslations("RetaliationStatistics");
  return (
    <StatisticsSection id="retaliation" title={t("title")} lead={t("lead")}>
      <DataTable
        id="retaliation-by-office"
        caption={t("title")}
        isCaptionVisible={false}
        rowHeader={t("office")}
        columns={[{ label: t("count") }]}
        rows={retaliation.byOffice.map((row) => ({ key: row.code, header: { text: row.name }, cells: [{ text: formatCount(row.count, locale) }] }))}
      />
    </StatisticsSection>
  );
}
