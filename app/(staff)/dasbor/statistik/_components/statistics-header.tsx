import { getTranslations } from "next-intl/server";

import type { Locale } from "@/i18n/locales";
import { isPartialPreset } from "@/lib/statistics/period";
import type { StatisticsReport } from "@/lib/statistics/types";

import type { StatisticsFilterOptions } from "./statistics-filter-form";
import { describeScope, formatGeneratedAt, formatPeriod } from "./statistics-format";

/** What the figures below cover: the scope, the period in words, the filters, and when they were computed. */
export async function StatisticsHeader({ report, options, locale }: { report: StatisticsReport; options: StatisticsFilterOptions; locale: Locale }) {
  const [t, labels] = await Promise.all([getTranslations("Statistics.header"), getTranslations("CaseLabels")]);
  const { scope, filters } = report;
  const nameOf = (item: { nameId: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameId);
  const scopeName = describeScope(scope, { all: t("scopeAll"), none: t("scopeNone") });
  const periodText = formatPeriod(filters.period, locale);

  const filterNames = [
    filters.office ? (options.offices.find((office) => office.code === filters.office)?.name ?? filters.office) : null,
    filters.kind ? labels(`kind.${filters.kind}`) : null,
    filters.channel ? labels(`channel.${filters.channel}`) : null,
    filters.category ? nameOrCode(options.categories, filters.category, nameOf) : null,
    filters.service ? nameOrCode(options.services, filters.service, nameOf) : null,
  ].filter((name): name is string => name !== null);

  const items = [
    { key: "scope", term: t("scope"), value: scopeName },
    { key: "period", term: t("period"), value: isPartialPreset(filters.period.preset) ? t("partialPeriod", { period: periodText }) : periodText },
    ...(filterNames.length > 0 ? [{ key: "filters", term: t("filters"), value: filterNames.join(" · ") }] : []),
    { key: "generated", term: t("generatedAt"), value: formatGeneratedAt(report.generatedAt, locale) },
  ];

  return (
    <section aria-label={t("label")} className="rounded-xl border border-brand-100 border-l-4 border-l-brand-700 bg-brand-50 p-4">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {items.map((item) => (
          <div key={item.key} data-testid={`statistics-${item.key}`}>
            <dt className="text-sm font-semibold text-slate-700">{item.term}</dt>
            <dd className="font-semibold text-slate-900">{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function nameOrCode<Item extends { code: string; nameId: string; nameEn: string }>(items: Item[], code: string, nameOf: (item: Item) => string): string {
  const item = items.find((candidate) => candidate.code === code);
  return item ? nameOf(item) : code;
}
