"use server";

import { refresh } from "next/cache";

import { toStagedEvidence, type StagedEvidence } from "@/lib/attachments/evidence-token";
import { readStagedEvidenceTokens } from "@/lib/attachments/staging";

import type { ReportErrorCode } from "./error-codes";
import { acceptFormEvidence, readEvidenceTokens } from "./form-evidence";
import { getClientAddress } from "./request-context";
import {
  MESSAGE_FIELDS,
  parseRating,
  parseReporterMessage,
  parseTrackingCredentials,
  RATING_FIELDS,
  readTextFields,
  type FieldErrors,
  type MessageField,
  type RatingField,
  type TrackingField,
} from "./schemas";
import { addReporterMessage, rateTrackedCase, verifyReceipt } from "./tracking";
import { forgetReceipt } from "./receipt-session";
import { endTrackingSession, readTrackingSession, renewTrackingSession, startTrackingSession } from "./tracking-session";
import { describeError } from "@/lib/logging";

/**
 * The tracking page's Server Actions. Each is a public endpoint: the ones that touch a case read
 * the signed tracking cookie themselves and act only on the case it names. A successful write
 * renews the session (30 minutes from now) and refreshes the page's data.
 */

type Invalid<Field extends string, Values> = {
  status: "invalid";
  fieldErrors: FieldErrors<Field>;
  formErrors: ReportErrorCode[];
  values: Values;
};

export type OpenTrackedCaseState =
  | { status: "idle" }
  /** The secret key is never sent back. */
  | Invalid<TrackingField, { trackingCode: string }>
  | { status: "opened" };

export async function openTrackedCase(_previous: OpenTrackedCaseState, formData: FormData): Promise<OpenTrackedCaseState> {
  const trackingCodeTyped = typeof formData.get("trackingCode") === "string" ? String(formData.get("trackingCode")) : "";
  const invalid = (fieldErrors: FieldErrors<TrackingField>, formErrors: ReportErrorCode[]): OpenTrackedCaseState => ({
    status: "invalid",
    fieldErrors,
    formErrors,
    values: { trackingCode: trackingCodeTyped },
  });
  try {
    const parsed = parseTrackingCredentials(formData);
    if (!parsed.success) return invalid(parsed.fieldErrors, []);
    const check = await verifyReceipt({ ...parsed.data, clientAddress: await getClientAddress() });
    if (check.status === "rejected") return invalid({}, [check.error]);
    await startTrackingSession(check.caseId);
    refresh();
    return { status: "opened" };
  } catch (error) {
    // Neither the code nor the key is logged: together they open the case.
    console.error("openTrackedCase failed", describeError(error));
    return invalid({}, ["unexpected"]);
  }
}

export type ReporterMessageState =
  | { status: "idle" }
  | (Invalid<MessageField, Record<string, string>> & { stagedEvidence: StagedEvidence[] })
  | { status: "posted" };

export async function postReporterMessage(_previous: ReporterMessageState, formData: FormData): Promise<ReporterMessageState> {
  const now = new Date();
  const values = readTextFields(formData, MESSAGE_FIELDS) as Record<string, string>;
  let stagedEvidence: StagedEvidence[] = [];
  const invalid = (fieldErrors: FieldErrors<MessageField>, formErrors: ReportErrorCode[]): ReporterMessageState => ({
    status: "invalid",
    fieldErrors,
    formErrors,
    values,
    stagedEvidence,
  });
  try {
    stagedEvidence = readStagedEvidenceTokens(readEvidenceTokens(formData), now).valid.map(toStagedEvidence);
    const session = await readTrackingSession(now);
    if (!session) return invalid({}, ["trackingSessionExpired"]);

    const parsed = parseReporterMessage(formData);
    const evidence = await acceptFormEvidence(formData, { clientAddress: await getClientAddress(), now });
    stagedEvidence = evidence.staged;
    const fieldErrors: FieldErrors<MessageField> = parsed.success ? {} : { ...parsed.fieldErrors };
    const formErrors: ReportErrorCode[] = [...evidence.formErrors];
    if (evidence.fieldErrors.length > 0) fieldErrors.evidence = evidence.fieldErrors;
    if (fieldErrors.idempotencyKey) {
      delete fieldErrors.idempotencyKey;
      formErrors.push("formOutdated");
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0 || formErrors.length > 0) return invalid(fieldErrors, formErrors);

    const result = await addReporterMessage({
      caseId: session.caseId,
      body: parsed.data.body,
      idempotencyKey: parsed.data.idempotencyKey,
      evidenceTokens: evidence.staged.map((file) => file.token),
      now,
    });
    if (result.status === "invalid") return invalid(result.fieldErrors, result.formErrors);
    await renewTrackingSession(session, now);
    refresh();
    return { status: "posted" };
  } catch (error) {
    console.error("postReporterMessage failed", describeError(error));
    return invalid({}, ["unexpected"]);
  }
}

export type RatingState = { status: "idle" } | Invalid<RatingField, Record<string, string>> | { status: "rated" };

export async function rateCase(_previous: RatingState, formData: FormData): Promise<RatingState> {
  const now = new Date();
  const values = readTextFields(formData, RATING_FIELDS) as Record<string, string>;
  const invalid = (fieldErrors: FieldErrors<RatingField>, formErrors: ReportErrorCode[]): RatingState => ({ status: "invalid", fieldErrors, formErrors, values });
  try {
    const session = await readTrackingSession(now);
    if (!session) return invalid({}, ["trackingSessionExpired"]);
    const parsed = parseRating(formData);
    if (!parsed.success) return invalid(parsed.fieldErrors, []);

    const result = await rateTrackedCase({ caseId: session.caseId, score: parsed.data.score, comment: parsed.data.comment, now });
    if (result.status === "invalid") return invalid(result.fieldErrors, result.formErrors);
    await renewTrackingSession(session, now);
    refresh();
    return { status: "rated" };
  } catch (error) {
    console.error("rateCase failed", describeError(error));
    return invalid({}, ["unexpected"]);
  }
}

/**
 * Ends the tracking session (the "close" button; also usable as a plain form action): on the
 * server, so a copy of the cookie no longer opens the case. A receipt this browser still keeps
 * from filing is forgotten too: the page promises that only the code and key open the case again,
 * and the next person on a shared phone must not find the key on /lapor/tanda-terima.
 */
export async function closeTrackedCase(): Promise<void> {
  await endTrackingSession();
  await forgetReceipt();
  refresh();
}
