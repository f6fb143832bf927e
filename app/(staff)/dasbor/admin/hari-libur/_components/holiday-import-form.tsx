"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";

import { FileChooseInput } from "@/components/file-choose-input";
import { buttonClassName, Field } from "@/components/form-controls";
import type { HolidayImportState } from "@/lib/holidays/action-state";
import { submitHolidayImport } from "@/lib/holidays/actions";
import type { ImportedHoliday } from "@/lib/holidays/csv-import";
import type { StoredHoliday } from "@/lib/holidays/import-plan";

import { HolidayFormError } from "./holiday-form-parts";

/**
 * Upload -> preview -> apply. The preview comes back with the file's content and hashes, which the
 * apply form posts back as they are: what is applied is what was previewed, or nothing (the server
 * refuses a preview that the stored days have since outgrown, and shows a fresh one).
 */
export function HolidayImportForm({ year, placeLabels }: { year: number; placeLabels: Record<string, string> }) {
  const t = useTranslations("AdminHolidays");
  const [state, formAction, isPending] = useActionState(submitHolidayImport, {} satisfies HolidayImportState);
  const preview = state.preview?.year === year ? state.preview : undefined;

  return (
    <div className="space-y-4">
      <form action={formAction} encType="multipart/form-data" className="space-y-4">
        <input type="hidden" name="intent" value="preview" />
        <input type="hidden" name="year" value={year} />
        <Field id="holiday-import-file" label={t("import.file")} hint={t("import.fileHint")}>
          {(control) => <FileChooseInput {...control} name="file" accept=".csv,text/csv" required buttonText={t("import.chooseFile")} listsChosenFiles />}
        </Field>
        <button type="submit" disabled={isPending} className={buttonClassName}>
          {t("import.preview")}
        </button>
      </form>

      <HolidayFormError error={state.error} />
      {state.csvErrors && state.csvErrors.length > 0 ? (
        <section aria-labelledby="import-errors-title" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <h3 id="import-errors-title" className="font-semibold">
            {t("import.errorsTitle", { count: state.csvErrors.length })}
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {state.csvErrors.map((error) => (
              <li key={`${error.line}-${error.code}`}>
                {t("csvErrors.line", { line: error.line, reason: t(`csvErrors.${error.code}`, { value: error.value ?? "", otherLine: error.otherLine ?? 0 }) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview ? <ImportPreview preview={preview} placeLabels={placeLabels} formAction={formAction} isPending={isPending} /> : null}
    </div>
  );
}

function ImportPreview(props: {
  preview: NonNullable<HolidayImportState["preview"]>;
  placeLabels: Record<string, string>;
  formAction: (formData: FormData) => void;
  isPending: boolean;
}) {
  const { preview, placeLabels, formAction, isPending } = props;
  const placeOf = (scopeKey: string) => placeLabels[scopeKey] ?? scopeKey;
  const t = useTranslations("AdminHolidays");
  const format = useFormatter();
  const locale = useLocale();
  const { plan } = preview;
  const day = (dateKey: string) => format.dateTime(new Date(`${dateKey}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const name = (holiday: Pick<ImportedHoliday | StoredHoliday, "nameId" | "nameEn">) => (locale === "en" ? holiday.nameEn : holiday.nameId);
  const isEmpty = plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;

  return (
    <section aria-labelledby="import-preview-title" aria-live="polite" className="space-y-3 rounded-lg border-2 border-brand-700 p-4">
      <h3 id="import-preview-title" className="text-lg font-semibold text-brand-900">
        {t("import.previewTitle", { year: preview.year })}
      </h3>
      <p>{t("import.places", { places: plan.coveredScopeKeys.map(placeOf).join(", ") })}</p>
      <PreviewGroup title={t("import.added", { count: plan.added.length })} items={plan.added.map((row) => ({ key: `${row.dateKey}|${row.scopeKey}`, text: `${day(row.dateKey)} · ${name(row)} · ${t(`kind.${row.kind}`)} · ${placeOf(row.scopeKey)}` }))} />
      <PreviewGroup
        title={t("import.changed", { count: plan.changed.length })}
        items={plan.changed.map(({ before, after }) => ({
          key: `${after.dateKey}|${after.scopeKey}`,
          text: `${day(after.dateKey)} · ${name(after)} · ${t(`kind.${after.kind}`)} (${t("import.renamedFrom", { name: `${name(before)}, ${t(`kind.${before.kind}`)}` })})`,
        }))}
      />
      <PreviewGroup title={t("import.removed", { count: plan.removed.length })} items={plan.removed.map((row) => ({ key: `${row.dateKey}|${row.scopeKey}`, text: `${day(row.dateKey)} · ${name(row)} · ${placeOf(row.scopeKey)}` }))} />
      <p>{t("import.unchanged", { count: plan.unchangedCount })}</p>
      {isEmpty ? (
        <p className="font-semibold">{t("import.nothing")}</p>
      ) : (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="year" value={preview.year} />
          <input type="hidden" name="encodedContent" value={preview.encodedContent} />
          <input type="hidden" name="contentHash" value={preview.contentHash} />
          <input type="hidden" name="stateFingerprint" value={preview.stateFingerprint} />
          <p className="text-sm text-slate-700">{t("import.applyHint")}</p>
          <button type="submit" disabled={isPending} className={buttonClassName}>
            {t("import.apply")}
          </button>
        </form>
      )}
    </section>
  );
}

function PreviewGroup({ title, items }: { title: string; items: { key: string; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h4 className="font-semibold text-slate-900">{title}</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 break-words">
        {items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </div>
  );
}
