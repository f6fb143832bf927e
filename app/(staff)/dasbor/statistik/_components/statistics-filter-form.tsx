import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import type { getStatisticsFilterOptions } from "@/lib/statistics/queries";
import { DEFAULT_PERIOD_PRESET, type PeriodPreset } from "@/lib/statistics/period";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { PeriodFields } from "./period-fields";

export type StatisticsFilterOptions = Awaited<ReturnType<typeof getStatisticsFilterOptions>>;

/** What the form shows for the period: what the URL asked for, even when it did not resolve. */
export type PeriodInput = { preset: PeriodPreset; from: string; to: string; hasError: boolean };

const CHANNELS = ["ONLINE", "WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"] as const;
const KINDS = ["COMPLAINT", "PUNGLI", "RETALIATION"] as const;

const labelClassName = "block text-sm font-semibold text-slate-900";
const selectClassName = `${inputClassName} mt-1 py-2`;

/**
 * The statistics filters as a plain GET form, like the queue's: the URL holds the whole view
 * (bookmarkable, works without JavaScript).
 */
export async function StatisticsFilterForm({ filters, period, options }: { filters: StatisticsFilters; period: PeriodInput; options: StatisticsFilterOptions }) {
  const [t, labels, marks, locale] = await Promise.all([
    getTranslations("Statistics.filters"),
    getTranslations("CaseLabels"),
    getTranslations("AdminReferenceMarks"),
    getLocale(),
  ]);
  // Retired categories, inactive services and closed offices stay filterable, marked as such.
  const nameOf = (item: { nameId: string; nameEn: string; isActive: boolean }) => {
    const name = locale === "en" ? item.nameEn : item.nameId;
    return item.isActive ? name : marks("retired", { name });
  };
  const isNarrowed = Boolean(filters.office || filters.kind || filters.channel || filters.category || filters.service || period.preset !== DEFAULT_PERIOD_PRESET);

  const select = (name: "office" | "kind" | "channel" | "category" | "service", choices: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`statistics-${name}`} className={labelClassName}>
        {t(name)}
      </label>
      <select id={`statistics-${name}`} name={name} defaultValue={filters[name] ?? ""} className={selectClassName}>
        <option value="">{t("any")}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form method="get" action="/dasbor/statistik" aria-labelledby="statistics-filters-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="statistics-filters-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <PeriodFields preset={period.preset} from={period.from} to={period.to} hasError={period.hasError} />
        {options.offices.length > 0 ? select("office", options.offices.map((office) => ({ value: office.code, label: office.isActive ? office.name : marks("closed", { name: office.name }) }))) : null}
        {select("kind", KINDS.map((kind) => ({ value: kind, label: labels(`kind.${kind}`) })))}
        {select("channel", CHANNELS.map((channel) => ({ value: channel, label: labels(`channel.${channel}`) })))}
        {select("category", options.categories.map((category) => ({ value: category.code, label: nameOf(category) })))}
        {select("service", options.services.map((service) => ({ value: service.code, label: nameOf(service) })))}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClassName}>
          {t("apply")}
        </button>
        {isNarrowed ? (
          <Link href="/dasbor/statistik" className={secondaryButtonClassName}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
