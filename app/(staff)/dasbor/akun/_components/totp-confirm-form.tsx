"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName, Field, inputClassName } from "@/components/form-controls";
import { submitTotpEnrollment, type AccountFormState } from "@/lib/auth/account-actions";

import { AccountFormError, useAccountFieldErrors } from "./account-form-parts";

export function TotpConfirmForm() {
  const t = useTranslations("AccountSecurity.totp");
  const [state, formAction, isPending] = useActionState(submitTotpEnrollment, {} satisfies AccountFormState);
  const errorsOf = useAccountFieldErrors(state, 0);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <AccountFormError state={state} />
      <Field id="totp-enrollment-code" label={t("codeLabel")} errors={errorsOf("code")}>
        {(control) => (
          <input
            {...control}
            type="text"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            className={`${inputClassName} max-w-48 font-mono text-lg tracking-widest`}
          />
        )}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {t("confirm")}
      </button>
    </form>
  );
}
