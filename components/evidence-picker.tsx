"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { StagedEvidence } from "@/lib/attachments/evidence-token";
import { REPORT_LIMITS } from "@/lib/reports/limits";

import type { useEvidenceUploads } from "./evidence-uploads";
import { formatFileSize } from "./file-size";
import { describedBy, errorIdOf, FieldError, hintIdOf } from "./form-controls";
import { FileChooseInput } from "./file-choose-input";
import { useErrorMessage } from "./use-error-message";

/** What the file picker offers; the server decides from the content, this only helps phones show the right files. */
const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,audio/*,video/mp4,video/webm,video/quicktime";

type EvidencePickerProps = {
  /** The file input's id, which the error summary links to. */
  inputId: string;
  label: string;
  hint: ReactNode;
  /** Translated errors of the evidence field (from the server or the summary). */
  errors: readonly string[];
  isHydrated: boolean;
  /** Files the server already holds for this form, from its last answer (used without JavaScript). */
  stagedFromServer: readonly StagedEvidence[];
  uploads: ReturnType<typeof useEvidenceUploads>;
};

/**
 * Up to five evidence files. Without JavaScript: a plain multiple file input named "evidence"
 * (the form sends the files themselves) and, after a failed submission, the files the server
 * already kept, each with a checkbox to keep or drop it. With JavaScript: each chosen file is
 * uploaded at once with a progress bar, and the form sends only the tokens of accepted files.
 */
export function EvidencePicker({ inputId, label, hint, errors, isHydrated, stagedFromServer, uploads }: EvidencePickerProps) {
  const t = useTranslations("EvidencePicker");
  const errorMessage = useErrorMessage();
  const allErrors = [...errors, ...(isHydrated && uploads.selectionError ? [errorMessage(uploads.selectionError)] : [])];
  const hasErrors = allErrors.length > 0;
  const staged = isHydrated ? uploads.staged : stagedFromServer;
  const remainingSlots = REPORT_LIMITS.files - (isHydrated ? uploads.items.filter((item) => item.state !== "failed").length : staged.length);

  return (
    <div className={hasErrors ? "space-y-3 border-l-4 border-red-700 pl-3" : "space-y-3"}>
      <label htmlFor={inputId} className="block font-semibold text-slate-900">
        {label}
      </label>
      <div id={hintIdOf(inputId)} className="space-y-2 text-slate-700">
        {hint}
      </div>
      <FieldError id={errorIdOf(inputId)} messages={allErrors} />
      {isHydrated ? (
        <UploadList uploads={uploads} />
      ) : (
        <KeptFilesWithoutJavaScript staged={stagedFromServer} />
      )}
      <p id={`${inputId}-slots`} className="text-sm text-slate-700">
        {t("remainingSlots", { count: Math.max(remainingSlots, 0), max: REPORT_LIMITS.files })}
      </p>
      {/* The files chosen are listed above: with JavaScript as they upload, without it once the form came back. */}
      <div>
        <FileChooseInput
          id={inputId}
          name={isHydrated ? undefined : "evidence"}
          multiple
          accept={ACCEPTED_TYPES}
          aria-describedby={describedBy(hintIdOf(inputId), hasErrors && errorIdOf(inputId), `${inputId}-slots`)}
          aria-invalid={hasErrors ? true : undefined}
          onChange={(event) => {
            uploads.addFiles(Array.from(event.target.files ?? []));
            // Chosen files live in the list now; the input must not send them a second time.
            event.target.value = "";
          }}
          buttonText={staged.length > 0 || (isHydrated && uploads.items.length > 0) ? t("chooseMoreFiles") : t("chooseFiles")}
        />
        {isHydrated ? null : <p className="mt-2 text-sm text-slate-700">{t("chosenWithoutJavaScript")}</p>}
      </div>
    </div>
  );
}

function useFileSize() {
  const format = useFormatter();
  return (bytes: number) => formatFileSize(format, bytes);
}

function KeptFilesWithoutJavaScript({ staged }: { staged: readonly StagedEvidence[] }) {
  const t = useTranslations("EvidencePicker");
  const fileSize = useFileSize();
  if (staged.length === 0) return null;

  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold text-slate-900">{t("keptTitle")}</legend>
      <p className="text-sm text-slate-700">{t("keptHint")}</p>
      <ul className="space-y-2 rounded-lg bg-slate-100 p-3">
        {staged.map((evidence, index) => {
          const checkboxId = `kept-evidence-${index}`;
          return (
            <li key={evidence.token} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={checkboxId}
                name="evidenceToken"
                value={evidence.token}
                defaultChecked
                className="mt-1 size-5 shrink-0 accent-brand-800"
              />
              <label htmlFor={checkboxId} className="min-w-0 break-words">
                <span className="font-medium text-slate-900">{evidence.fileName}</span>{" "}
                <span className="text-slate-700">({fileSize(evidence.sizeBytes)})</span>
                <span className="block text-sm text-slate-700">{t("keepLabel")}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function UploadList({ uploads }: { uploads: ReturnType<typeof useEvidenceUploads> }) {
  const t = useTranslations("EvidencePicker");
  const errorMessage = useErrorMessage();
  const fileSize = useFileSize();

  return (
    <ul aria-live="polite" aria-label={t("listLabel")} className="space-y-2 empty:hidden">
      {uploads.items.map((item) => {
        const fileName = item.state === "staged" ? item.evidence.fileName : item.fileName;
        const sizeBytes = item.state === "staged" ? item.evidence.sizeBytes : item.sizeBytes;
        return (
          <li
            key={item.id}
            className={`rounded-lg border-2 p-3 ${item.state === "failed" ? "border-red-700 bg-white" : "border-slate-300 bg-white"}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="min-w-0 break-words">
                <span className="font-medium text-slate-900">{fileName}</span>{" "}
                <span className="text-slate-700">({fileSize(sizeBytes)})</span>
              </p>
              {item.state === "staged" || item.state === "failed" ? (
                <button
                  type="button"
                  onClick={() => uploads.remove(item.id)}
                  aria-label={t("removeLabel", { fileName })}
                  className="rounded-md px-2 py-1 font-semibold text-brand-800 underline underline-offset-2 hover:bg-brand-50"
                >
                  {t("remove")}
                </button>
              ) : null}
            </div>
            {item.state === "staged" ? (
              <>
                <p className="mt-1 text-sm font-medium text-accent-800">{t("ready")}</p>
                <input type="hidden" name="evidenceToken" value={item.evidence.token} />
              </>
            ) : null}
            {item.state === "waiting" ? <p className="mt-1 text-sm text-slate-700">{t("waiting")}</p> : null}
            {item.state === "uploading" ? (
              <div className="mt-2 flex items-center gap-3">
                <progress
                  value={item.progress}
                  max={1}
                  aria-label={t("progressLabel", { fileName })}
                  className="h-3 w-full overflow-hidden rounded-full accent-accent-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-accent-700"
                />
                <span aria-hidden="true" className="w-12 shrink-0 text-right text-sm text-slate-700 tabular-nums">
                  {Math.round(item.progress * 100)}%
                </span>
              </div>
            ) : null}
            {item.state === "uploading" ? <p className="sr-only">{t("uploading")}</p> : null}
            {item.state === "failed" ? (
              <p className="mt-1 font-semibold text-red-700">{errorMessage(item.error)}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
