"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import type { SetPasswordState } from "@/lib/staff/action-state";
import { setPasswordAction } from "@/lib/staff/set-password-actions";

const FIELD_ERROR_KEYS = ["newPasswordTooShort", "newPasswordTooLong", "passwordsDiffer"] as const;
const LINK_ERROR_KEYS = ["link.used", "link.expired", "link.invalid", "unexpected"] as const;

/** The password and its repetition; the token rides along hidden. Passwords are never sent back. */
export function SetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const t = useTranslations("SetPassword");
  const [state, formAction, isPending] = useActionState(setPasswordAction, { status: "idle" } satisfies SetPasswordState);
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => alertRef.current?.focus(), [state]);

  const fieldErrors = (field: "newPassword" | "confirmPassword") => {
    const key = state.status === "error" ? state.fieldErrors[field] : undefined;
    return key && (FIELD_ERROR_KEYS as readonly string[]).includes(key) ? [t(`errors.${key as (typeof FIELD_ERROR_KEYS)[number]}`, { min: minLength })] : undefined;
  };
  const message = state.status === "error" ? state.message : null;
  const formMessage = message ? ((LINK_ERROR_KEYS as readonly string[]).includes(message) ? message : "unexpected") : null;

  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {formMessage ? (
        <p ref={alertRef} role="alert" tabIndex={-1} className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          {formMessage === "unexpected" ? t("errors.unexpected") : t(formMessage as Exclude<(typeof LINK_ERROR_KEYS)[number], "unexpected">)}
        </p>
      ) : (
        <div aria-live="polite" />
      )}
      <Field id="set-new-password" label={t("new")} hint={t("newHint", { min: minLength })} errors={fieldErrors("newPassword")}>
        {(control) => <input {...control} type="password" name="newPassword" autoComplete="new-password" minLength={minLength} required className={inputClassName} />}
      </Field>
      <Field id="set-confirm-password" label={t("confirm")} errors={fieldErrors("confirmPassword")}>
        {(control) => <input {...control} type="password" name="confirmPassword" autoComplete="new-password" required className={inputClassName} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
