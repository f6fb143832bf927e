"use client";

import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";

import { inputClassName } from "@/components/form-styles";
import { PERIOD_PRESETS, type PeriodPreset } from "@/lib/statistics/period";

const labelClassName = "block text-sm font-semibold text-slate-900";

/**
 * The period: a preset, or custom dates. Without JavaScript the dates count only when "custom"
 * is chosen (the hint says so); with it, typing a date chooses "custom" by itself.
 */
export function PeriodFields({ preset, from, to, hasError }: { preset: PeriodPreset; from: string; to: string; hasError: boolean }) {
  const t = useTranslations("Statistics.filters");
  const chooseCustom = (event: ChangeEvent<HTMLInputElement>) => {
    const select = event.currentTarget.form?.elements.namedItem("period");
    if (select instanceof HTMLSelectElement) select.value = "custom";
  };
  const describedBy = hasError ? "statistics-period-hint statistics-period-error" : "statistics-period-hint";

  return (
    <div className="grid grid-cols-1 gap-3 sm:col-span-2 sm:grid-cols-2 lg:col-span-3 lg:grid-cols-3">
      <div>
        <label htmlFor="statistics-period" className={labelClassName}>
          {t("period")}
        </label>
        <select id="statistics-period" name="period" defaultValue={preset} className={`${inputClassName} mt-1 py-2`}>
          {PERIOD_PRESETS.map((option) => (
            <option key={option} value={option}>
              {t(`presets.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="grid min-w-0 grid-cols-1 gap-3 sm:col-span-1 sm:grid-cols-2 lg:col-span-2">
        <legend className="sr-only">{t("customLegend")}</legend>
        <div>
          <label htmlFor="statistics-from" className={labelClassName}>
            {t("from")}
          </label>
          <input
            id="statistics-from"
            name="from"
            type="date"
            defaultValue={from}
            onChange={chooseCustom}
            aria-invalid={hasError || undefined}
            aria-describedby={describedBy}
            className={`${inputClassName} mt-1 py-2`}
          />
        </div>
        <div>
          <label htmlFor="statistics-to" className={labelClassName}>
            {t("to")}
          </label>
          <input
            id="statistics-to"
            name="to"
            type="date"
            defaultValue={to}
            onChange={chooseCustom}
            aria-invalid={hasError || undefined}
            aria-describedby={describedBy}
            className={`${inputClassName} mt-1 py-2`}
          />
        </div>
        <p id="statistics-period-hint" className="text-sm text-slate-700 sm:col-span-2">
          {t("customHint")}
        </p>
        {hasError ? (
          <p id="statistics-period-error" role="alert" className="font-semibold text-red-800 sm:col-span-2">
            {t("invalidPeriod")}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
