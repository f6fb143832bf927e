import "server-only";

import { createTranslator } from "use-intl/core";

import { loadMessages } from "@/i18n/messages";
import type { StaffActor } from "@/lib/auth/session";
import { formatCount } from "@/lib/exports/figures";
import type { SummarySection } from "@/lib/exports/summary";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { getRetaliationStatistics } from "./retaliation-statistics";

/**
 * The retaliation reports per original office as a section of the exports' summary (PDF report,
 * XLSX summary sheet), beside the offices table; none when the requester sees no retaliation
 * report (office-level staff never do).
 */
export async function buildRetaliationSummarySection(actor: StaffActor, filters: StatisticsFilters, locale: "id" | "en"): Promise<SummarySection | null> {
  const statistics = await getRetaliationStatistics(actor, filters);
  if (statistics.total === 0) return null;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "RetaliationStatistics" });
  const count = (value: number) => ({ text: formatCount(value, locale), number: value, numFmt: "#,##0" });
  return {
    title: t("title"),
    lines: [],
    tables: [{ title: t("title"), note: t("lead"), header: [t("office"), t("count")], rows: statistics.byOffice.map((row) => [row.name, count(row.count)]) }],
  };
}
