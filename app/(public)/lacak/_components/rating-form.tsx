"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { ChoiceGroup, Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { useErrorMessage } from "@/components/use-error-message";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { parseRating, REPORT_LIMITS, type FieldErrors, type RatingField } from "@/lib/reports/schemas";
import { rateCase, type RatingState } from "@/lib/reports/tracking-actions";

import { RATING_SCORES } from "./rating-scores";

const idle: RatingState = { status: "idle" };

type BrowserCheck = { basedOn: RatingState; fieldErrors: FieldErrors<RatingField>; summaryKey: object };

/** A 1 to 5 rating with an optional comment, offered once the case is closed. Radio buttons work without JavaScript. */
export function RatingForm() {
  const t = useTranslations("TrackedCase.rating");
  const errorMessage = useErrorMessage();
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(rateCase, idle);
  const [storedCheck, setCheck] = useState<BrowserCheck | null>(null);
  const invalid = state.status === "invalid" ? state : null;
  const check = storedCheck?.basedOn === state ? storedCheck : null;
  const fieldErrors = check?.fieldErrors ?? invalid?.fieldErrors ?? {};
  const formErrors = check ? [] : [...(invalid?.formErrors ?? []), ...(unreachable ? ["submitFailed"] : [])];
  const errorsOf = (field: RatingField) => (fieldErrors[field] ?? []).map((code) => errorMessage(code, field));
  const summaryItems: ErrorSummaryItem[] = [
    ...formErrors.map((code) => ({ message: errorMessage(code) })),
    ...errorsOf("score").map((message) => ({ message, controlId: "score-1" })),
    ...errorsOf("comment").map((message) => ({ message, controlId: "rating-comment" })),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const formData = new FormData(event.currentTarget);
    const result = parseRating(formData);
    if (!result.success) {
      setCheck({ basedOn: state, fieldErrors: result.fieldErrors, summaryKey: {} });
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
      <ChoiceGroup
        idPrefix="score"
        name="score"
        legend={t("legend")}
        options={RATING_SCORES.map((score) => ({ value: String(score), label: t("scoreOption", { score, label: t(`scores.${score}`) }) }))}
        defaultValue={invalid?.values.score}
        errors={errorsOf("score")}
      />
      <Field
        id="rating-comment"
        label={t("comment.label")}
        labelNote={t("comment.optional")}
        hint={t("comment.hint", { max: REPORT_LIMITS.commentMax })}
        errors={errorsOf("comment")}
      >
        {(control) => (
          <textarea {...control} name="comment" rows={3} defaultValue={invalid?.values.comment ?? ""} className={inputClassName} />
        )}
      </Field>
      <button type="submit" disabled={isPending} className={`${buttonClassName} w-full sm:w-auto`}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
