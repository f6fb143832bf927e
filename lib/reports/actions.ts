"use server";

import { redirect } from "next/navigation";

import { toStagedEvidence, type StagedEvidence } from "@/lib/attachments/evidence-token";
import { readStagedEvidenceTokens } from "@/lib/attachments/staging";
import { checkRateLimit } from "@/lib/rate-limit/limits";

import type { ReportErrorCode } from "./error-codes";
import { fileReport, findFiledReport } from "./file-report";
import { acceptFormEvidence, readEvidenceTokens } from "./form-evidence";
import type { Receipt } from "./receipt-details";
import { keepReceipt } from "./receipt-session";
import { getClientAddress, getReporterLocale } from "./request-context";
import { parseReportForm, readTextFields, REPORT_TEXT_FIELDS, type FieldErrors, type ReportField } from "./schemas";
import { describeError } from "@/lib/logging";
import { startTrackingSession } from "./tracking-session";

/** The receipt's own page: it reads the receipt from the receipt cookie, never from the URL. */
const RECEIPT_PAGE = "/lapor/tanda-terima";

/**
 * The report form's Server Action, for `useActionState`; works as a plain form post without
 * JavaScript. A public endpoint: everything it receives is checked here or below.
 *
 * Post/redirect/get: a filed report is answered with a redirect to the receipt page, with the
 * receipt kept in the receipt cookie (./receipt-cookie.ts) and a tracking session started on the
 * case, so the receipt survives a reload, a language switch and Back, and its "open the tracking
 * page" button opens the case. The key never enters a URL. A refused filing answers with the
 * form's state, as before.
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
    };

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

  let filed: { caseId: string; receipt: Receipt };
  try {
    stagedEvidence = readStagedEvidenceTokens(readEvidenceTokens(formData), now).valid.map(toStagedEvidence);
    const parsed = parseReportForm(formData, { now });

    // A retry of a filed submission answers at once, before its files are processed again.
    const earlier = parsed.success ? await findFiledReport(parsed.data.idempotencyKey, now) : null;
    if (earlier?.status === "invalid") return answerInvalid(earlier.fieldErrors, earlier.formErrors);
    if (earlier) {
      filed = earlier;
    } else {
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
      if (result.status !== "filed") return answerInvalid(result.fieldErrors, result.formErrors);
      filed = result;
    }
    await keepReceipt({ caseId: filed.caseId, trackingCode: filed.receipt.trackingCode, secretKey: filed.receipt.secretKey }, now);
    await startTrackingSession(filed.caseId, now);
  } catch (error) {
    // Never log the form (it may hold the reporter's identity) nor the idempotency key (a retry
    // with it shows the receipt's secret key for an hour).
    console.error("submitReport failed", { kind: values.kind, officeCode: values.officeCode, error: describeError(error) });
    return answerInvalid({}, ["unexpected"]);
  }
  // Outside the try: redirect() throws to answer. A failure before it came after the case was
  // committed: the form's retry (same submission id) gets this receipt again.
  redirect(RECEIPT_PAGE);
}

