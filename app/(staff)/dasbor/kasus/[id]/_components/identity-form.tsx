"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { revealIdentityAction } from "@/lib/cases/actions";
import { CASE_TEXT_LIMITS } from "@/lib/cases/schemas";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

/**
 * Opens the reporter's identity, for supervisors, on a stated reason. The identity travels only
 * in this form's answer: it is never part of the page's data, so it is gone on the next visit.
 */
export function IdentityForm({ caseId }: { caseId: string }) {
  const t = useTranslations("CaseActions.identity");
  const form = useCaseForm(revealIdentityAction);
  const identity = form.state.status === "success" ? form.state.identity : undefined;
  const minimum = CASE_TEXT_LIMITS.identityReasonMin;
  // "Required" or "too short" alike: say how long a reason must be.
  const reasonCodes = form.state.status === "error" ? (form.state.fieldErrors.reason ?? []) : [];
  const isReasonShort = reasonCodes.includes("required") || reasonCodes.includes("tooShort");
  const reasonErrors = isReasonShort ? [t("reasonTooShort", { minimum })] : form.errorsOf("reason");

  if (identity) {
    return (
      <div className="space-y-3">
        <ActionFeedback state={form.state} form="identity" />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="font-semibold">{t("name")}</dt>
          <dd className="break-words">{identity.name}</dd>
          <dt className="font-semibold">{t("email")}</dt>
          <dd className="break-all">{identity.email ?? t("none")}</dd>
          <dt className="font-semibold">{t("phone")}</dt>
          <dd>{identity.phone ?? t("none")}</dd>
        </dl>
      </div>
    );
  }
  return (
    <form action={form.formAction} noValidate className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="identity" />
      <Field id="identity-reason" label={t("reason")} hint={t("reasonHint", { minimum })} errors={reasonErrors}>
        {(control) => <textarea {...control} name="reason" rows={3} defaultValue={form.valueOf("reason")} className={inputClassName} />}
      </Field>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {t("submit")}
      </button>
    </form>
  );
}
