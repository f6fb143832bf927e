import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { toQueueHref } from "@/lib/statistics/filters";
import type { Distribution, Share, StatisticsReport } from "@/lib/statistics/types";

import { FigureList, type HeadlineFigure } from "./figure-list";
import { StatisticsSection } from "./statistics-section";
import { formatCount, formatDecimal, formatShare, MISSING_VALUE } from "./statistics-format";

/** On-time shares (with what they are made of), working days to decide and to resolve, escalations. */
export async function DeadlinesSection({ report, locale }: { report: StatisticsReport; locale: Locale }) {
  const [t, units] = await Promise.all([getTranslations("Statistics.deadlines"), getTranslations("Statistics.units")]);
  const { filters, deadlines } = report;
  const count = (value: number) => formatCount(value, locale);
  const days = (value: number | null) => (value === null ? MISSING_VALUE : units("workingDays", { value: formatDecimal(value, locale) }));
  const outOf = (share: Share) => units("outOf", { numerator: count(share.numerator), denominator: count(share.denominator) });
  const distributionDetail = (distribution: Distribution) => (distribution.count > 0 ? t("distributionDetail", { p90: days(distribution.p90), count: count(distribution.count) }) : undefined);

  const figures: HeadlineFigure[] = [
    {
      key: "verification-on-time",
      value: formatShare(deadlines.verificationOnTime, locale),
      label: t("verificationOnTime"),
      detail: outOf(deadlines.verificationOnTime),
      href: toQueueHref(filters, { verification: "on-time" }),
    },
    {
      key: "verification-late",
      value: count(deadlines.verificationOnTime.denominator - deadlines.verificationOnTime.numerator),
      label: t("verificationLate"),
      href: toQueueHref(filters, { verification: "late" }),
    },
    {
      key: "resolution-on-time",
      value: formatShare(deadlines.resolutionOnTime, locale),
      label: t("resolutionOnTime"),
      detail: outOf(deadlines.resolutionOnTime),
      href: toQueueHref(filters, { resolution: "on-time" }),
    },
    {
      key: "resolution-late",
      value: count(deadlines.resolutionOnTime.denominator - deadlines.resolutionOnTime.numerator),
      label: t("resolutionLate"),
      href: toQueueHref(filters, { resolution: "late" }),
    },
    { key: "days-to-verify", value: days(deadlines.daysToVerify.median), label: t("daysToVerify"), detail: distributionDetail(deadlines.daysToVerify), href: toQueueHref(filters, { decided: "yes" }), isWide: true },
    { key: "days-to-resolve", value: days(deadlines.daysToResolve.median), label: t("daysToResolve"), detail: distributionDetail(deadlines.daysToResolve), href: toQueueHref(filters, { status: "RESOLVED" }), isWide: true },
    { key: "escalated", value: count(deadlines.escalated), label: t("escalated"), href: toQueueHref(filters, { escalated: "yes" }) },
  ];

  return (
    <StatisticsSection id="deadlines" title={t("title")}>
      <FigureList figures={figures} />
    </StatisticsSection>
  );
}
