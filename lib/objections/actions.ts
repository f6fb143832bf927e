"use server";

import { refresh } from "next/cache";

import { describeError } from "@/lib/logging";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { OBJECTION_FIELDS, parseObjection, readTextFields, type FieldErrors, type ObjectionField } from "@/lib/reports/schemas";
import { readTrackingSession, renewTrackingSession } from "@/lib/reports/tracking-session";

import { fileObjection } from "./file-objection";

/**
 * The objection form's Server Action on /lacak: a public endpoint. It acts only on the case of
 * the signed tracking cookie (a session row in Postgres), never on anything the form names, and
 * logs nothing the reporter wrote.
 */

export type ObjectionState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors<ObjectionField>; formErrors: ReportErrorCode[]; values: Record<string, string> }
  | { status: "filed" };

export async function objectToDecision(_previous: ObjectionState, formData: FormData): Promise<ObjectionState> {
  const now = new Date();
  const values = readTextFields(formData, OBJECTION_FIELDS) as Record<string, string>;
  const invalid = (fieldErrors: FieldErrors<ObjectionField>, formErrors: ReportErrorCode[]): ObjectionState => ({ status: "invalid", fieldErrors, formErrors, values });
  try {
    const session = await readTrackingSession(now);
    if (!session) return invalid({}, ["trackingSessionExpired"]);
    const parsed = parseObjection(formData);
    if (!parsed.success) {
      const { idempotencyKey, ...fieldErrors } = parsed.fieldErrors;
      return invalid(fieldErrors, idempotencyKey ? ["formOutdated"] : []);
    }
    const result = await fileObjection({ caseId: session.caseId, reason: parsed.data.reason, submissionId: parsed.data.idempotencyKey, now });
    if (result.status === "rejected") return invalid({}, [result.error]);
    await renewTrackingSession(session, now);
    refresh();
    return { status: "filed" };
  } catch (error) {
    console.error("objectToDecision failed", describeError(error));
    return invalid({}, ["unexpected"]);
  }
}
