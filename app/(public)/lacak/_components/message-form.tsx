"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { EvidencePicker } from "@/components/evidence-picker";
import { useEvidenceUploads } from "@/components/evidence-uploads";
import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { useErrorMessage } from "@/components/use-error-message";
import { useIsHydrated } from "@/components/use-is-hydrated";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { parseReporterMessage, REPORT_LIMITS, type FieldErrors, type MessageField } from "@/lib/reports/schemas";
import { postReporterMessage, type ReporterMessageState } from "@/lib/reports/tracking-actions";

const idle: ReporterMessageState = { status: "idle" };
const MEBIBYTE = 1024 * 1024;

type BrowserCheck = { basedOn: ReporterMessageState; fieldErrors: FieldErrors<MessageField>; summaryKey: object };

type MessageFormProps = {
  /** New on every render of the page, so after a message is sent the next one gets its own. */
  idempotencyKey: string;
};

/** A message to the office, with evidence (same rules as the report), with or without JavaScript. */
export function MessageForm({ idempotencyKey }: MessageFormProps) {
  const t = useTranslations("TrackedCase.messageForm");
  const action = useProgressiveAction(postReporterMessage, idle);

  return (
    <div className="space-y-4">
      {action.state.status === "posted" ? (
        <p role="status" className="rounded-lg border-l-4 border-accent-700 bg-accent-50 p-4 font-semibold text-accent-800">
          {t("posted")}
        </p>
      ) : null}
      {/* A sent message refreshes the page with a new submission id: a new, empty form. */}
      <MessageFields key={idempotencyKey} idempotencyKey={idempotencyKey} action={action} />
    </div>
  );
}

function MessageFields({ idempotencyKey, action }: MessageFormProps & { action: ReturnType<typeof useProgressiveAction<ReporterMessageState>> }) {
  const t = useTranslations("TrackedCase.messageForm");
  const errorMessage = useErrorMessage();
  const isHydrated = useIsHydrated();
  const { state, unreachable, formAction, submit, isPending } = action;
  const invalid = state.status === "invalid" ? state : null;
  const uploads = useEvidenceUploads(invalid?.stagedEvidence ?? []);
  const [storedCheck, setCheck] = useState<BrowserCheck | null>(null);

  const check = storedCheck?.basedOn === state ? storedCheck : null;
  const fieldErrors = check?.fieldErrors ?? invalid?.fieldErrors ?? {};
  const formErrors = check ? [] : [...(invalid?.formErrors ?? []), ...(unreachable ? ["submitFailed"] : [])];
  const errorsOf = (field: MessageField) => (fieldErrors[field] ?? []).map((code) => errorMessage(code, field));
  const summaryItems: ErrorSummaryItem[] = [
    ...formErrors.map((code) => ({ message: errorMessage(code) })),
    ...errorsOf("body").map((message) => ({ message, controlId: "message-body" })),
    ...errorsOf("evidence").map((message) => ({ message, controlId: "message-evidence" })),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending || uploads.isUploading) return;
    // Files chosen before the page finished loading are still in the input: upload them first.
    const fileInput = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]');
    if (fileInput?.files?.length) {
      uploads.addFiles(Array.from(fileInput.files));
      fileInput.value = "";
      return;
    }
    const formData = new FormData(event.currentTarget);
    formData.delete("evidence");
    const result = parseReporterMessage(formData);
    const errors: FieldErrors<MessageField> = result.success ? {} : { ...result.fieldErrors };
    delete errors.idempotencyKey;
    if (uploads.items.some((item) => item.state === "failed")) errors.evidence = ["removeFailedFiles"];
    if (Object.values(errors).some((codes) => codes && codes.length > 0)) {
      setCheck({ basedOn: state, fieldErrors: errors, summaryKey: {} });
      return;
    }
    setCheck(null);
    submit(formData);
  }

  return (
    <form action={formAction} onSubmit={handleSubmit} noValidate className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={invalid?.values.idempotencyKey || idempotencyKey} />
      {summaryItems.length > 0 ? (
        <ErrorSummary title={t("errorSummaryTitle")} items={summaryItems} focusKey={check?.summaryKey ?? unreachable ?? state} />
      ) : null}
      <Field
        id="message-body"
        label={t("body.label")}
        hint={t("body.hint", { max: REPORT_LIMITS.messageMax })}
        errors={errorsOf("body")}
      >
        {(control) => (
          <textarea {...control} name="body" rows={5} defaultValue={invalid?.values.body ?? ""} className={inputClassName} />
        )}
      </Field>
      <EvidencePicker
        inputId="message-evidence"
        label={t("evidence.label")}
        hint={<p>{t("evidence.hint", { maxFiles: REPORT_LIMITS.files, maxMegabytes: REPORT_LIMITS.fileBytes / MEBIBYTE })}</p>}
        errors={errorsOf("evidence")}
        isHydrated={isHydrated}
        stagedFromServer={invalid?.stagedEvidence ?? []}
        uploads={uploads}
      />
      <button type="submit" disabled={isPending || uploads.isUploading} className={`${buttonClassName} w-full sm:w-auto`}>
        {isPending ? t("pending") : uploads.isUploading ? t("waitingForUploads") : t("submit")}
      </button>
    </form>
  );
}
