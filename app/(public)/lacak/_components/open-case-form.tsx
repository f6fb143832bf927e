"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { useErrorMessage } from "@/components/use-error-message";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { openTrackedCase, type OpenTrackedCaseState } from "@/lib/reports/tracking-actions";
import { parseTrackingCredentials, type FieldErrors, type TrackingField } from "@/lib/reports/schemas";

const idle: OpenTrackedCaseState = { status: "idle" };

/**
 * The tracking code a receipt's QR code or printed address brings in the query (?kode=LI-…),
 * when it has a tracking code's shape. Only the code ever comes this way, never the key.
 */
function readLinkedTrackingCode(value: string | null): string {
  const code = value?.trim().toUpperCase() ?? "";
  return /^LI-[2-9A-HJ-NP-TV-Z]{4}-[2-9A-HJ-NP-TV-Z]{4}$/.test(code) ? code : "";
}

/** Errors found in the browser, valid as long as the server's state they were found on. */
type BrowserCheck = { basedOn: OpenTrackedCaseState; fieldErrors: FieldErrors<TrackingField>; summaryKey: object };

/**
 * The tracking code and secret key. A wrong pair gets one message that does not say which of
 * the two is wrong. The key is never filled in again after a failed attempt.
 */
export function OpenCaseForm() {
  const t = useTranslations("TrackPage.form");
  const errorMessage = useErrorMessage();
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(openTrackedCase, idle);
  const linkedTrackingCode = readLinkedTrackingCode(useSearchParams().get("kode"));
  const [storedCheck, setCheck] = useState<BrowserCheck | null>(null);
  // The key typed belongs to one attempt: whatever the server answers, the field starts empty again.
  const [typedKey, setTypedKey] = useState({ basedOn: state, value: "" });
  const secretKey = typedKey.basedOn === state ? typedKey.value : "";
  const check = storedCheck?.basedOn === state ? storedCheck : null;
  const fieldErrors = check?.fieldErrors ?? (state.status === "invalid" ? state.fieldErrors : {});
  const formErrors = check ? [] : [...(state.status === "invalid" ? state.formErrors : []), ...(unreachable ? ["submitFailed"] : [])];
  const errorsOf = (field: TrackingField) => (fieldErrors[field] ?? []).map((code) => errorMessage(code, field));

  const summaryItems: ErrorSummaryItem[] = [
    ...formErrors.map((code) => ({ message: errorMessage(code) })),
    ...(["trackingCode", "secretKey"] as const).flatMap((field) => errorsOf(field).map((message) => ({ message, controlId: field }))),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const formData = new FormData(event.currentTarget);
    const result = parseTrackingCredentials(formData);
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
      <Field id="trackingCode" label={t("trackingCode.label")} hint={t("trackingCode.hint")} errors={errorsOf("trackingCode")}>
        {(control) => (
          <input
            {...control}
            type="text"
            name="trackingCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={state.status === "invalid" ? state.values.trackingCode : linkedTrackingCode}
            className={`${inputClassName} font-mono text-lg tracking-wider sm:max-w-xs`}
          />
        )}
      </Field>
      <Field id="secretKey" label={t("secretKey.label")} hint={t("secretKey.hint")} errors={errorsOf("secretKey")}>
        {(control) => (
          <input
            {...control}
            type="text"
            name="secretKey"
            value={secretKey}
            onChange={(event) => setTypedKey({ basedOn: state, value: event.target.value })}
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
            className={`${inputClassName} font-mono text-lg sm:max-w-md`}
          />
        )}
      </Field>
      <button type="submit" disabled={isPending} className={`${buttonClassName} w-full sm:w-auto`}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
