"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName } from "@/components/form-controls";
import type { HolidayFormState } from "@/lib/holidays/action-state";
import { submitAddHoliday } from "@/lib/holidays/actions";
import type { HolidayKind } from "@/lib/generated/prisma/enums";

import { HolidayFields } from "./holiday-fields";
import { HolidayFormError, useHolidayFieldErrors } from "./holiday-form-parts";

/** Adds one day for one place (national, or the chosen province or office). */
export function HolidayAddForm({ formId, year, place, kinds }: { formId: string; year: number; place: string; kinds: readonly HolidayKind[] }) {
  const t = useTranslations("AdminHolidays.form");
  const [state, formAction, isPending] = useActionState(submitAddHoliday, {} satisfies HolidayFormState);
  const errorsOf = useHolidayFieldErrors(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <HolidayFormError error={state.error} />
      <input type="hidden" name="place" value={place} />
      <HolidayFields formId={formId} values={state.values ?? {}} kinds={kinds} year={year} errorsOf={errorsOf} />
      <p className="text-sm text-slate-700">{t("recomputeHint")}</p>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {t("add")}
      </button>
    </form>
  );
}
