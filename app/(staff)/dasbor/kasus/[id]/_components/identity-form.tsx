"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { revealIdentityAction } from "@/lib/cases/actions";

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
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="identity" />
      <Field id="identity-reason" label={t("reason")} errors={form.errorsOf("reason")}>
        {(control) => <textarea {...control} name="reason" rows={3} required minLength={15} defaultValue={form.valueOf("reason")} className={inputClassName} />}
      </Field>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {t("submit")}
      </button>
    </form>
  );
}
