"use client";

import { useTranslations } from "next-intl";

import { buttonClassName, Field, inputClassName } from "@/components/form-controls";
import type { AccountFormState } from "@/lib/auth/account-actions";

import { AccountFormError, useAccountFieldErrors } from "./account-form-parts";

type TotpCodeFormProps = {
  id: string;
  state: AccountFormState;
  formAction: (formData: FormData) => void;
  isPending: boolean;
  submitLabel: string;
};

/** A 6-digit code from the authenticator app and one button: enrollment's confirmation, and the proof before new recovery codes. */
export function TotpCodeForm({ id, state, formAction, isPending, submitLabel }: TotpCodeFormProps) {
  const t = useTranslations("AccountSecurity.totp");
  const errorsOf = useAccountFieldErrors(state, 0);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <AccountFormError state={state} />
      <Field id={id} label={t("codeLabel")} errors={errorsOf("code")}>
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
        {submitLabel}
      </button>
    </form>
  );
}
