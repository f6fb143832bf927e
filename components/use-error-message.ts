"use client";

import { useTranslations } from "next-intl";

import { REPORT_ERROR_CODES, type ReportErrorCode } from "@/lib/reports/error-codes";
import { REPORT_LIMITS } from "@/lib/reports/limits";

/**
 * Problems only the browser sees: the server never answered (a form, an upload), or a file it
 * refused is still in the list when the form is sent.
 */
export const BROWSER_ERROR_CODES = ["submitFailed", "uploadFailed", "removeFailedFiles"] as const;

export type ErrorCode = ReportErrorCode | (typeof BROWSER_ERROR_CODES)[number];

/** Fields whose "required" error gets its own sentence ("Choose an office", not "Required"). */
const FIELDS_WITH_OWN_REQUIRED_MESSAGE = [
  "kind",
  "officeCode",
  "categoryCode",
  "incidentDate",
  "description",
  "amountDemanded",
  "paymentMethod",
  "brokerInvolved",
  "receiptGiven",
  "reporterMode",
  "reporterName",
  "trackingCode",
  "secretKey",
  "body",
  "score",
  "reason",
] as const;

type FieldWithOwnRequiredMessage = (typeof FIELDS_WITH_OWN_REQUIRED_MESSAGE)[number];

/** The length limits the "tooShort" and "tooLong" messages quote, per field. */
const LENGTH_LIMITS: Record<string, { min?: number; max: number }> = {
  description: { min: REPORT_LIMITS.descriptionMin, max: REPORT_LIMITS.descriptionMax },
  incidentPlace: { max: REPORT_LIMITS.placeMax },
  accusedDescription: { max: REPORT_LIMITS.accusedMax },
  reporterName: { max: REPORT_LIMITS.nameMax },
  reporterEmail: { max: REPORT_LIMITS.emailMax },
  reporterPhone: { max: REPORT_LIMITS.phoneMax },
  noticeEmail: { max: REPORT_LIMITS.emailMax },
  body: { max: REPORT_LIMITS.messageMax },
  comment: { max: REPORT_LIMITS.commentMax },
  reason: { min: REPORT_LIMITS.objectionReasonMin, max: REPORT_LIMITS.objectionReasonMax },
};

const MEBIBYTE = 1024 * 1024;

export function isErrorCode(code: string): code is ErrorCode {
  return (REPORT_ERROR_CODES as readonly string[]).includes(code) || (BROWSER_ERROR_CODES as readonly string[]).includes(code);
}

function hasOwnRequiredMessage(field: string | undefined): field is FieldWithOwnRequiredMessage {
  return (FIELDS_WITH_OWN_REQUIRED_MESSAGE as readonly string[]).includes(field ?? "");
}

/**
 * Turns an error code from the server or the shared schema into a sentence in the visitor's
 * language. `field` picks a field's own wording and limits. A code this build does not know
 * (a newer server) reads as the generic "unexpected" message rather than as a raw code.
 */
export function useErrorMessage(): (code: string, field?: string) => string {
  const t = useTranslations("ReportErrors");

  return (code, field) => {
    if (code === "required" && hasOwnRequiredMessage(field)) return t(`requiredField.${field}`);
    const known: ErrorCode = isErrorCode(code) ? code : "unexpected";
    const limits = (field && LENGTH_LIMITS[field]) || { min: 0, max: 0 };
    return t(known, {
      min: limits.min ?? 0,
      max: limits.max,
      maxFiles: REPORT_LIMITS.files,
      maxMegabytes: REPORT_LIMITS.fileBytes / MEBIBYTE,
    });
  };
}
