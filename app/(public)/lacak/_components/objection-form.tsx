"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { useErrorMessage } from "@/components/use-error-message";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { objectToDecision, type ObjectionState } from "@/lib/objections/actions";
import { parseObjection, REPORT_LIMITS, type FieldErrors, type ObjectionField } from "@/lib/reports/schemas";

const idle: ObjectionState = { status: "idle" };

type BrowserCheck = { basedOn: ObjectionState; fieldErrors: FieldErrors<ObjectionField>; summaryKey: object };

/**
 * The reporter's objection to the office's decision: a required reason. Works without JavaScript
 * (a plain form post to the Server Action); the text typed comes back on any error. The hidden
 * submission id makes a double submit one objection.
 */
export function ObjectionForm({ idempotencyKey }: { idempotencyKey: string }) {
  const t = useTranslations("Objection.form");
  const errorMessage = useErrorMessage();
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(objectToDecision, idle);
  const [storedCheck, setCheck] = useState<BrowserCheck | null>(null);
  const invalid = state.status === "invalid" ? state : null;
  const check = storedCheck?.basedOn === state ? storedCheck : null;
  const fieldErrors = check?.fieldErrors ?? invalid?.fieldErrors ?? {};
  const formErrors = check ? [] : [...(invalid?.formErrors ?? []), ...(unreachable ? ["submitFailed"] : [])];
  const reasonErrors = (fieldErrors.reason ?? []).map((code) => errorMessage(code, "reason"));
  const summaryItems: ErrorSummaryItem[] = [
    ...formErrors.map((code) => ({ message: errorMessage(code) })),
    ...reasonErrors.map((message) => ({ message, controlId: "objection-reason" })),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const formData = new FormData(event.currentTarget);
    const result = parseObjection(formData);
    if (!result.success && result.fieldErrors.reason) {
      setCheck({ basedOn: state, fieldErrors: { reason: result.fieldErrors.reason }, summaryKey: {} });
      return;
    }
    setCheck(null);
    submit(formData);
  }

  return (
    <form action={formAction} onSubmit={handleSubmit} noValidate className="space-y-5">
      {summaryItems.length > 0 ? (
        <ErrorSummary title={t("errorSummaryTitle")} items={summaryItems} focusKey={check?.summaryKey ?? unreachable ?? state} />
      ) : null}
      <input type="hidden" name="idempotencyKey" value={invalid?.values.idempotencyKey || idempotencyKey} />
      <Field id="objection-reason" label={t("reason.label")} hint={t("reason.hint", { min: REPORT_LIMITS.objectionReasonMin })} errors={reasonErrors}>
        {(control) => (
          <textarea
            {...control}
            name="reason"
            rows={5}
            maxLength={REPORT_LIMITS.objectionReasonMax}
            defaultValue={invalid?.values.reason ?? ""}
            className={inputClassName}
          />
        )}
      </Field>
      <button type="submit" disabled={isPending} className={`${buttonClassName} w-full sm:w-auto`}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
