import type { getTranslations } from "next-intl/server";

import type { AccusedGroup } from "@/lib/accused/grouping";

type Translate = Awaited<ReturnType<typeof getTranslations<"AccusedGroups">>>;

/** "4 laporan dalam 60 hari menyebut loket dan uraian yang sama" / "4 reports in 60 days mention the same counter and description". */
export function groupSummary(t: Translate, group: AccusedGroup): string {
  const what = group.reasons.map((reason) => t(`reasons.${reason}`));
  const joined = what.length <= 1 ? (what[0] ?? "") : `${what.slice(0, -1).join(", ")} ${t("and")} ${what[what.length - 1]}`;
  const shared = group.shared.length > 0 ? ` (${group.shared.join(", ")})` : "";
  return t("summary", { count: group.caseIds.length, days: group.spanDays, what: joined }) + shared;
}
