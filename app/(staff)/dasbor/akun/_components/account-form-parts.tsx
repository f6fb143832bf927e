"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import type { AccountFormState } from "@/lib/auth/account-actions";

/** The messages lib/auth/schemas.ts may name for the account forms' fields. */
const FIELD_ERROR_KEYS = [
  "codeFormat",
  "currentPasswordRequired",
  "newPasswordTooShort",
  "newPasswordTooLong",
  "newPasswordUnchanged",
  "passwordsDiffer",
] as const;
type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];
const isFieldErrorKey = (key: string | undefined): key is FieldErrorKey => FIELD_ERROR_KEYS.includes(key as FieldErrorKey);

type AccountField = keyof NonNullable<AccountFormState["fieldErrors"]>;

export function useAccountFieldErrors(state: AccountFormState, minLength: number) {
  const t = useTranslations("AccountSecurity.errors");
  return (field: AccountField) => {
    const key = state.fieldErrors?.[field];
    return isFieldErrorKey(key) ? [t(key, { min: minLength })] : undefined;
  };
}

/** The form-level problem, announced and focused when it appears. */
export function AccountFormError({ state }: { state: AccountFormState }) {
  const t = useTranslations("AccountSecurity.errors");
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => alertRef.current?.focus(), [state]);
  if (!state.error) return null;
  return (
    <div ref={alertRef} role="alert" tabIndex={-1} className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
      {t(state.error)}
    </div>
  );
}
