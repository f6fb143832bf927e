import { getTranslations } from "next-intl/server";

import { SectionCard } from "@/components/section-card";
import type { PublicStatistics } from "@/lib/transparency/types";

import type { FigureFormat } from "./public-figure";

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
    <SectionCard title={t("title")}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </SectionCard>
  );
}
