"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";

import { buttonClassName, secondaryButtonClassName } from "@/components/form-controls";
import type { HolidayFormState } from "@/lib/holidays/action-state";
import { submitDeleteHoliday, submitUpdateHoliday } from "@/lib/holidays/actions";
import type { HolidayEntry } from "@/lib/holidays/calendar";

import { HolidayFields } from "./holiday-fields";
import { HolidayFormError, useHolidayFieldErrors } from "./holiday-form-parts";

/**
 * Edits or deletes one day. Both forms carry the version the admin saw: a change saved meanwhile
 * by someone else is refused with a message, and what was typed stays in the form.
 */
export function HolidayEditForms({ holiday, place, cancelHref }: { holiday: HolidayEntry; place: string; cancelHref: string }) {
  const t = useTranslations("AdminHolidays");
  const [state, formAction, isPending] = useActionState(submitUpdateHoliday, {} satisfies HolidayFormState);
  const [deleteState, deleteAction, isDeleting] = useActionState(submitDeleteHoliday, {} satisfies HolidayFormState);
  const errorsOf = useHolidayFieldErrors(state);
  const values = state.values ?? { date: holiday.dateKey, nameId: holiday.nameId, nameEn: holiday.nameEn, kind: holiday.kind, source: holiday.source ?? "" };
  const kinds = holiday.kind === "REGIONAL_HOLIDAY" ? (["REGIONAL_HOLIDAY"] as const) : (["NATIONAL_HOLIDAY", "CUTI_BERSAMA"] as const);
  const year = Number(holiday.dateKey.slice(0, 4));

  return (
    <div className="mt-4 space-y-6">
      <form action={formAction} noValidate className="space-y-4">
        <HolidayFormError error={state.error} />
        <input type="hidden" name="id" value={holiday.id} />
        <input type="hidden" name="version" value={holiday.version} />
        <input type="hidden" name="place" value={place} />
        <HolidayFields formId="edit" values={values} kinds={kinds} year={year} errorsOf={errorsOf} />
        <p className="text-sm text-slate-700">{t("form.recomputeHint")}</p>
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={isPending} className={buttonClassName}>
            {t("form.save")}
          </button>
          <Link href={cancelHref} className={secondaryButtonClassName}>
            {t("edit.cancel")}
          </Link>
        </div>
      </form>

      <form action={deleteAction} className="space-y-3 border-t border-slate-200 pt-4">
        <h3 className="font-semibold text-slate-900">{t("edit.deleteTitle")}</h3>
        <HolidayFormError error={deleteState.error} />
        <input type="hidden" name="id" value={holiday.id} />
        <input type="hidden" name="version" value={holiday.version} />
        <input type="hidden" name="date" value={holiday.dateKey} />
        <input type="hidden" name="place" value={place} />
        <p className="text-slate-700">{t("edit.deleteHint")}</p>
        <button type="submit" disabled={isDeleting} className="inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-red-700 bg-white px-5 py-2 font-semibold text-red-800 hover:bg-red-50">
          {t("edit.delete")}
        </button>
      </form>
    </div>
  );
}
