import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";

import { StatisticsSection } from "./statistics-section";
import { formatCount } from "./statistics-format";

// In the order a reader meets the figures; the definitions are lib/statistics/definitions-sql.ts.
const PARAGRAPHS = ["period", "workingDays", "verification", "resolution", "days", "backlog", "satisfaction", "pungli", "minimum", "missing", "links", "refresh"] as const;

/** How the figures are computed, in plain words. */
export async function MethodSection({ minimumCases, refreshMinutes, locale }: { minimumCases: number; refreshMinutes: number; locale: Locale }) {
  const t = await getTranslations("Statistics.method");
  return (
    <StatisticsSection id="method" title={t("title")}>
      <ul className="list-disc space-y-2 pl-5 text-slate-800">
        {PARAGRAPHS.map((key) => (
          <li key={key}>{t(key, { minimum: formatCount(minimumCases, locale), minutes: formatCount(refreshMinutes, locale) })}</li>
        ))}
      </ul>
    </StatisticsSection>
  );
}
