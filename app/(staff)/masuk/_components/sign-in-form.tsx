"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";

import { buttonClassName, Field, inputClassName } from "@/components/form-controls";
import { submitSignIn, type SignInFormState } from "@/lib/auth/sign-in-actions";

type SignInFormProps = { returnPath: string };

/**
 * Both steps of signing in on one page. A plain form posting to a Server Action: without
 * JavaScript the server renders the page again with the step's result, so the form works
 * either way. The code step appears only after the password was right.
 */
export function SignInForm({ returnPath }: SignInFormProps) {
  const [state, formAction, isPending] = useActionState(submitSignIn, { step: "password", returnPath } satisfies SignInFormState);
  return state.step === "code" ? (
    <CodeStep state={state} formAction={formAction} isPending={isPending} />
  ) : (
    <PasswordStep state={state} formAction={formAction} isPending={isPending} />
  );
}

type StepProps = { state: SignInFormState; formAction: (formData: FormData) => void; isPending: boolean };

function FormError({ state }: { state: SignInFormState }) {
  const t = useTranslations("SignIn.errors");
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => alertRef.current?.focus(), [state]);
  if (!state.error) return null;
  return (
    <div ref={alertRef} role="alert" tabIndex={-1} autoFocus className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
      {t(state.error)}
    </div>
  );
}

/** The messages lib/auth/schemas.ts may name for this form's fields. */
const FIELD_ERROR_KEYS = ["emailRequired", "emailInvalid", "passwordRequired", "codeFormat"] as const;
type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];
const isFieldErrorKey = (key: string | undefined): key is FieldErrorKey => FIELD_ERROR_KEYS.includes(key as FieldErrorKey);

function useFieldErrors(state: SignInFormState) {
  const t = useTranslations("SignIn.errors");
  return (field: "email" | "password" | "code") => {
    const key = state.fieldErrors?.[field];
    return isFieldErrorKey(key) ? [t(key)] : undefined;
  };
}

function PasswordStep({ state, formAction, isPending }: StepProps) {
  const t = useTranslations("SignIn");
  const errorsOf = useFieldErrors(state);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormError state={state} />
      <input type="hidden" name="step" value="password" />
      <input type="hidden" name="returnPath" value={state.returnPath} />
      <Field id="sign-in-email" label={t("email")} errors={errorsOf("email")}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            defaultValue={state.email}
            key={`email-${state.email ?? ""}`}
            className={inputClassName}
          />
        )}
      </Field>
      <Field id="sign-in-password" label={t("password")} errors={errorsOf("password")}>
        {(control) => <input {...control} type="password" name="password" autoComplete="current-password" required className={inputClassName} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

function CodeStep({ state, formAction, isPending }: StepProps) {
  const t = useTranslations("SignIn");
  const errorsOf = useFieldErrors(state);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h2 className="text-xl font-semibold text-brand-900">{t("code.title")}</h2>
        <p className="text-slate-700">{t("code.lead")}</p>
      </div>
      <form action={formAction} noValidate className="space-y-5">
        <FormError state={state} />
        <input type="hidden" name="step" value="code" />
        <input type="hidden" name="returnPath" value={state.returnPath} />
        <Field
          id="sign-in-code"
          label={t("code.label")}
          hint={
            <>
              <p>{t("code.hint")}</p>
              <p>{t("code.recoveryHint")}</p>
            </>
          }
          errors={errorsOf("code")}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              maxLength={16}
              required
              autoFocus
              className={`${inputClassName} max-w-48 font-mono text-lg tracking-widest`}
            />
          )}
        </Field>
        <button type="submit" disabled={isPending} className={buttonClassName}>
          {isPending ? t("submitting") : t("code.submit")}
        </button>
      </form>
      <p>
        <a href="/masuk" className="font-semibold text-brand-800 underline underline-offset-2">
          {t("code.startOver")}
        </a>
      </p>
    </div>
  );
}
