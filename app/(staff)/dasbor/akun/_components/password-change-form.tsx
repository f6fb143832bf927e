"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName, Field, inputClassName } from "@/components/form-controls";
import { submitPasswordChange, type AccountFormState } from "@/lib/auth/account-actions";

import { AccountFormError, useAccountFieldErrors } from "./account-form-parts";

export function PasswordChangeForm({ minLength }: { minLength: number }) {
  const t = useTranslations("AccountSecurity.password");
  const [state, formAction, isPending] = useActionState(submitPasswordChange, {} satisfies AccountFormState);
  const errorsOf = useAccountFieldErrors(state, minLength);

  return (
    <form action={formAction} noValidate className="space-y-5">
      <AccountFormError state={state} />
      <Field id="current-password" label={t("current")} errors={errorsOf("currentPassword")}>
        {(control) => <input {...control} type="password" name="currentPassword" autoComplete="current-password" required className={inputClassName} />}
      </Field>
      <Field id="new-password" label={t("new")} hint={t("newHint", { min: minLength })} errors={errorsOf("newPassword")}>
        {(control) => (
          <input {...control} type="password" name="newPassword" autoComplete="new-password" minLength={minLength} required className={inputClassName} />
        )}
      </Field>
      <Field id="confirm-password" label={t("confirm")} errors={errorsOf("confirmPassword")}>
        {(control) => <input {...control} type="password" name="confirmPassword" autoComplete="new-password" required className={inputClassName} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {t("submit")}
      </button>
    </form>
  );
}
