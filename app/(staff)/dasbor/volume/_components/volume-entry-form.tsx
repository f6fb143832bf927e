"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import type { VolumeFormState } from "@/lib/volumes/action-state";
import { submitOfficeVolumes } from "@/lib/volumes/actions";

type Row = { serviceId: number; label: string; count: number | null; enteredBy: string | null; enteredAt: string | null };

/** One office's month: a count per service; blank rows are left as they are. A refused form keeps what was typed. */
export function VolumeEntryForm({ officeId, month, rows }: { officeId: number; month: string; rows: Row[] }) {
  const t = useTranslations("Volumes.form");
  const [state, formAction, isPending] = useActionState(submitOfficeVolumes, {} satisfies VolumeFormState);
  const typed = (serviceId: number, stored: number | null) => state.values?.[`count-${serviceId}`] ?? (stored === null ? "" : String(stored));

  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="office" value={officeId} />
      <input type="hidden" name="month" value={month} />
      {state.error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      <table className="w-full max-w-3xl text-left">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">{t("service")}</th>
            <th scope="col" className="py-2 pr-4">{t("count")}</th>
            <th scope="col" className="py-2">{t("entered")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const fieldError = state.fieldErrors?.[String(row.serviceId)];
            const id = `volume-count-${row.serviceId}`;
            return (
              <tr key={row.serviceId} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <label htmlFor={id}>{row.label}</label>
                </th>
                <td className="py-2 pr-4">
                  <input
                    id={id}
                    name={`count-${row.serviceId}`}
                    inputMode="numeric"
                    defaultValue={typed(row.serviceId, row.count)}
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={fieldError ? `${id}-error` : undefined}
                    className={inputClassName}
                  />
                  {fieldError ? (
                    <p id={`${id}-error`} className="mt-1 font-semibold text-red-700">
                      {t(`fieldErrors.${fieldError}`)}
                    </p>
                  ) : null}
                </td>
                <td className="py-2 text-sm text-slate-600">{row.enteredBy ? t("enteredBy", { name: row.enteredBy, date: row.enteredAt ?? "" }) : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {t("save")}
      </button>
    </form>
  );
}
