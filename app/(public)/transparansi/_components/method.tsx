import { getTranslations } from "next-intl/server";

import type { PublicStatistics } from "@/lib/transparency/types";

import type { FigureFormat } from "./public-figure";
import { CollapsibleSection } from "./collapsible-section";

/** "How we compute", in plain words, with the rules' current values. */
export async function Method({ statistics, format }: { statistics: PublicStatistics; format: FigureFormat }) {
  const t = await getTranslations("Transparency.method");
  const { rules } = statistics;
  const paragraphs = [
    t("report"),
    t("period"),
    t("onTime"),
    t("workingDays"),
    t("median"),
    t("satisfaction"),
    t("smallCounts", {
      minimum: format.decimal(rules.minimumCount),
      fewerThan: format.countText({ kind: "fewer-than", threshold: rules.minimumCount }),
      base: format.decimal(rules.roundingBase),
    }),
    t("minimumCases", { minimum: format.decimal(rules.minimumCases) }),
    t("privacy"),
    t("refresh", { minutes: format.decimal(rules.refreshMinutes), updatedAt: format.instant(statistics.computedAt) }),
  ];

  return (
    <CollapsibleSection title={t("title")} testId="transparency-method">
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </CollapsibleSection>
  );
}
