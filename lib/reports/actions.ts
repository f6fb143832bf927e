"use server";

import { after } from "next/server";

import { toStagedEvidence, type StagedEvidence } from "@/lib/attachments/evidence-token";
import { readStagedEvidenceTokens } from "@/lib/attachments/staging";
import { checkRateLimit } from "@/lib/rate-limit/limits";

import type { ReportErrorCode } from "./error-codes";
import { fileReport, findFiledReport } from "./file-report";
import { acceptFormEvidence, readEvidenceTokens } from "./form-evidence";
import { runHousekeepingIfDue } from "./housekeeping";
import type { Receipt } from "./receipt-details";
import { getClientAddress, getReporterLocale } from "./request-context";
import { parseReportForm, readTextFields, REPORT_TEXT_FIELDS, type FieldErrors, type ReportField } from "./schemas";
import { describeError } from "@/lib/logging";

/**
 * The report form's Server Action, for `useActionState`; works as a plain form post without
 * JavaScript. A public endpoint: everything it receives is checked here or below.
 */

export type SubmitReportState =
  | { status: "idle" }
  | {
      status: "invalid";
      fieldErrors: FieldErrors<ReportField>;
      formErrors: ReportErrorCode[];
      /** Everything typed, to refill the form (never files). */
      values: Record<string, string>;
      /** Files accepted so far, with their tokens, so they need not be chosen again. */
      stagedEvidence: StagedEvidence[];
    }
  | { status: "filed"; receipt: Receipt };

export type { Receipt, StagedEvidence };

export async function submitReport(_previous: SubmitReportState, formData: FormData): Promise<SubmitReportState> {
  const now = new Date();
  const values = readTextFields(formData, REPORT_TEXT_FIELDS) as Record<string, string>;
  let stagedEvidence: StagedEvidence[] = [];
  const answerInvalid = (fieldErrors: FieldErrors<ReportField>, formErrors: ReportErrorCode[]): SubmitReportState => ({
    status: "invalid",
    fieldErrors,
    formErrors,
    values,
    stagedEvidence,
  });

  try {
    after(() => runHousekeepingIfDue());
    stagedEvidence = readStagedEvidenceTokens(readEvidenceTokens(formData), now).valid.map(toStagedEvidence);
    const parsed = parseReportForm(formData, { now });

    // A retry of a filed submission answers at once, before its files are processed again.
    if (parsed.success) {
      const earlier = await findFiledReport(parsed.data.idempotencyKey, now);
      if (earlier) return earlier.status === "filed" ? earlier : answerInvalid(earlier.fieldErrors, earlier.formErrors);
    }

    const clientAddress = await getClientAddress();
    // Refused filings stage no new files.
    if (parsed.success && !(await checkRateLimit("filing", clientAddress, { now })).allowed) return answerInvalid({}, ["rateLimited"]);

    const evidence = await acceptFormEvidence(formData, { clientAddress, now });
    stagedEvidence = evidence.staged;
    const fieldErrors: FieldErrors<ReportField> = parsed.success ? {} : { ...parsed.fieldErrors };
    const formErrors: ReportErrorCode[] = [...evidence.formErrors];
    if (evidence.fieldErrors.length > 0) fieldErrors.evidence = evidence.fieldErrors;
    // The hidden submission id is no field the reporter can fix.
    if (fieldErrors.idempotencyKey) {
      delete fieldErrors.idempotencyKey;
      formErrors.push("formOutdated");
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0 || formErrors.length > 0) return answerInvalid(fieldErrors, formErrors);

    const result = await fileReport({
      form: parsed.data,
      evidenceTokens: evidence.staged.map((file) => file.token),
      locale: await getReporterLocale(),
      now,
    });
    return result.status === "filed" ? result : answerInvalid(result.fieldErrors, result.formErrors);
  } catch (error) {
    // Never log the form (it may hold the reporter's identity) nor the idempotency key (a retry
    // with it shows the receipt's secret key for an hour).
    console.error("submitReport failed", { kind: values.kind, officeCode: values.officeCode, error: describeError(error) });
    return answerInvalid({}, ["unexpected"]);
  }
}
