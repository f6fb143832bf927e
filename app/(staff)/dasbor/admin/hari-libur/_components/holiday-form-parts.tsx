"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import type { HolidayErrorCode, HolidayField, HolidayFormState } from "@/lib/holidays/action-state";

/** The field messages lib/holidays/schemas.ts may name. */
const FIELD_ERROR_KEYS = ["dateInvalid", "nameRequired", "nameTooLong", "sourceTooLong", "kindRequired", "placeRequired"] as const;
type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];
const isFieldErrorKey = (key: string | undefined): key is FieldErrorKey => FIELD_ERROR_KEYS.includes(key as FieldErrorKey);

export function useHolidayFieldErrors(state: HolidayFormState) {
  const t = useTranslations("AdminHolidays.errors");
  return (field: HolidayField) => {
    const key = state.fieldErrors?.[field];
    return isFieldErrorKey(key) ? [t(key)] : undefined;
  };
}

/** The form-level problem, announced and focused when it appears. */
export function HolidayFormError({ error }: { error: HolidayErrorCode | undefined }) {
  const t = useTranslations("AdminHolidays.errors");
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);
  return (
    <div aria-live="assertive">
      {error ? (
        <div ref={alertRef} role="alert" tabIndex={-1} className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          {t(error)}
        </div>
      ) : null}
    </div>
  );
}
