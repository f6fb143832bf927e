"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import type { VolumeImportState } from "@/lib/volumes/action-state";
import { submitVolumeImport } from "@/lib/volumes/actions";

/** A month of every office in scope from a CSV file: all rows or none; every bad row is listed with its line. */
export function VolumeImportForm({ month }: { month: string }) {
  const t = useTranslations("Volumes.form");
  const [state, formAction, isPending] = useActionState(submitVolumeImport, {} satisfies VolumeImportState);

  return (
    <div className="space-y-4">
      <form action={formAction} encType="multipart/form-data" className="flex flex-wrap items-end gap-4">
        <label className="block">
          <span className="block font-medium">{t("importMonth")}</span>
          <input type="month" name="month" defaultValue={state.month ?? month} required className={inputClassName} />
        </label>
        <label className="block">
          <span className="block font-medium">{t("file")}</span>
          <input type="file" name="file" accept=".csv,text/csv" required className="block" />
        </label>
        <button type="submit" disabled={isPending} className={buttonClassName}>
          {t("import")}
        </button>
      </form>
      {state.error ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t(`errors.${state.error}`)}</p>
          {state.csvErrors && state.csvErrors.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {state.csvErrors.map((error) => (
                <li key={`${error.line}-${error.code}`}>
                  {t("csvErrors.line", { line: error.line, reason: t(`csvErrors.${error.code}`, { value: error.value ?? "", otherLine: error.otherLine ?? 0 }) })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
