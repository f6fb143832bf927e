"use client";

import { startTransition, useActionState, useId, type FormEvent } from "react";
import { useTranslations } from "next-intl";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import type { Locale } from "@/i18n/locales";
import { requestExportAction, type ExportActionState } from "@/lib/exports/actions";
import type { StatisticsFilters } from "@/lib/statistics/types";

const FORMATS = ["csv", "xlsx", "pdf"] as const;
const INITIAL_STATE: ExportActionState = { status: "idle" };

/** The statistics filters as hidden fields, so the export covers exactly what the page shows. */
function FilterInputs({ filters }: { filters: StatisticsFilters }) {
  const fields: [string, string | undefined][] = [
    ["period", filters.period.preset],
    ["from", filters.period.preset === "custom" ? filters.period.from : undefined],
    ["to", filters.period.preset === "custom" ? filters.period.to : undefined],
    ["office", filters.office],
    ["kind", filters.kind],
    ["channel", filters.channel],
    ["category", filters.category],
    ["service", filters.service],
  ];
  return fields.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null));
}

export function ExportRequestForm({ filters, locale }: { filters: StatisticsFilters; locale: Locale }) {
  const t = useTranslations("Exports");
  const [state, formAction, isPending] = useActionState(requestExportAction, INITIAL_STATE);
  const id = useId();
  const warningId = `${id}-free-text-warning`;
  // Without JavaScript the page comes back rendered with the choices sent as its defaults.
  const choices = state.status === "idle" ? undefined : state.choices;
  // With JavaScript the action runs from here rather than from React's own form handling, which
  // would reset the form afterwards: an error or a second export keeps every choice, and focus
  // stays where it was.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form action={formAction} onSubmit={submit} className="space-y-4">
      <FilterInputs filters={filters} />
      <div className="space-y-4">
        <fieldset>
          <legend className="font-semibold text-slate-900">{t("panel.format")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {FORMATS.map((format, index) => (
              <label key={format} className="inline-flex items-center gap-2">
                <input type="radio" name="format" value={format} defaultChecked={choices ? choices.format === format : index === 0} className="size-5 shrink-0" />
                {t(`formats.${format}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-separator`} className="font-semibold text-slate-900">
              {t("panel.separator")}
            </label>
            <select id={`${id}-separator`} name="separator" defaultValue={choices?.separator ?? (locale === "en" ? "," : ";")} className={`${inputClassName} mt-1`}>
              <option value=";">{t("panel.separatorSemicolon")}</option>
              <option value=",">{t("panel.separatorComma")}</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-locale`} className="font-semibold text-slate-900">
              {t("panel.language")}
            </label>
            <select id={`${id}-locale`} name="locale" defaultValue={choices?.locale ?? locale} className={`${inputClassName} mt-1`}>
              <option value="id">{t("panel.languageId")}</option>
              <option value="en">{t("panel.languageEn")}</option>
            </select>
          </div>
        </div>
        <div>
          <label className="inline-flex items-start gap-2 font-semibold text-slate-900">
            <input type="checkbox" name="includeFreeText" value="on" defaultChecked={choices?.includeFreeText ?? false} aria-describedby={warningId} className="mt-1 size-5 shrink-0" />
            {t("panel.includeFreeText")}
          </label>
          <p id={warningId} className="mt-1 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("panel.freeTextWarning")}
          </p>
        </div>
      </div>
      <div aria-live="polite">
        {state.status === "queued" ? (
          // Keyed by the answer, so a second identical message is announced again.
          <p key={state.answer} role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 font-semibold text-emerald-900">
            {t("panel.requested")}
          </p>
        ) : null}
        {state.status === "error" ? (
          <p key={state.answer} role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 font-semibold text-red-900">
            {state.error === "tooManyActive" ? t("errors.tooManyActive", { count: state.count }) : t(`errors.${state.error}`)}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {isPending ? t("panel.submitting") : t("panel.submit")}
      </button>
    </form>
  );
}
