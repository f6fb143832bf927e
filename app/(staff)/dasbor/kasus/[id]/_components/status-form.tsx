"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { changeCaseStatusAction } from "@/lib/cases/actions";
import { FORWARD_TARGETS } from "@/lib/cases/workflow";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

/**
 * The next status, from the moves the workflow allows. The reason and forward fields are shown
 * only for the choice that needs them, by CSS (:has), so it also works without JavaScript.
 */
export function StatusForm({ caseId, version, allowed }: { caseId: string; version: number; allowed: readonly CaseStatus[] }) {
  const t = useTranslations("CaseActions");
  const labels = useTranslations("CaseLabels");
  const form = useCaseForm(changeCaseStatusAction);
  const chosen = form.valueOf("to");

  if (allowed.length === 0) return <p>{t("status.none")}</p>;
  return (
    <form action={form.formAction} className="group space-y-3">
      <CaseRefInputs caseId={caseId} version={version} />
      <ActionFeedback state={form.state} form="status" />
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">{t("status.to")}</legend>
        {form.errorsOf("to") ? <p className="font-semibold text-red-700">{form.errorsOf("to")?.join(" ")}</p> : null}
        {allowed.map((status) => (
          <div key={status} className="flex items-center gap-3 rounded-lg border-2 border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input type="radio" id={`status-to-${status}`} name="to" value={status} defaultChecked={chosen === status} className="size-5 shrink-0 accent-brand-800" />
            <label htmlFor={`status-to-${status}`} className="flex-1 cursor-pointer font-medium">
              {labels(`status.${status}`)}
            </label>
          </div>
        ))}
      </fieldset>

      {allowed.includes("WAITING_FOR_REPORTER") ? (
        <p className="hidden text-sm text-violet-900 group-has-[#status-to-WAITING_FOR_REPORTER:checked]:block">{t("status.waitingHint")}</p>
      ) : null}

      {allowed.includes("REJECTED") ? (
        <div className={chosen === "REJECTED" ? "block" : "hidden group-has-[#status-to-REJECTED:checked]:block"}>
          <Field id="status-rejectionReason" label={t("status.rejectionReason")} hint={t("status.rejectionReasonHint")} errors={form.errorsOf("rejectionReason")}>
            {(control) => <textarea {...control} name="rejectionReason" rows={3} defaultValue={form.valueOf("rejectionReason")} className={inputClassName} />}
          </Field>
        </div>
      ) : null}

      {allowed.includes("FORWARDED") ? (
        <div className={`space-y-3 ${chosen === "FORWARDED" ? "block" : "hidden group-has-[#status-to-FORWARDED:checked]:block"}`}>
          <Field id="status-forwardTarget" label={t("status.forwardTarget")} errors={form.errorsOf("forwardTarget")}>
            {(control) => (
              <select {...control} name="forwardTarget" defaultValue={form.valueOf("forwardTarget")} className={inputClassName}>
                <option value="">{t("status.choose")}</option>
                {FORWARD_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {labels(`forwardTarget.${target}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="status-forwardNote" label={t("status.forwardNote")} hint={t("status.forwardNoteHint")} errors={form.errorsOf("forwardNote")}>
            {(control) => <textarea {...control} name="forwardNote" rows={3} defaultValue={form.valueOf("forwardNote")} className={inputClassName} />}
          </Field>
        </div>
      ) : null}

      <Field id="status-replyToReporter" label={t("status.reply")} hint={t("status.replyHint")} errors={form.errorsOf("replyToReporter")}>
        {(control) => <textarea {...control} name="replyToReporter" rows={3} defaultValue={form.valueOf("replyToReporter")} className={inputClassName} />}
      </Field>
      <div className="flex items-start gap-3">
        <input type="checkbox" id="status-isReplySigned" name="isReplySigned" defaultChecked={form.valueOf("isReplySigned") === "on"} className="mt-1 size-5 shrink-0 accent-brand-800" />
        <label htmlFor="status-isReplySigned">{t("message.isSigned")}</label>
      </div>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? t("saving") : t("status.submit")}
      </button>
    </form>
  );
}
