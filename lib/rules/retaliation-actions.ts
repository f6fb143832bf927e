"use server";

import { refresh } from "next/cache";

import { db } from "@/lib/db";
import { describeError } from "@/lib/logging";
import { readTrackingSession, renewTrackingSession, startTrackingSession } from "@/lib/reports/tracking-session";

import { isRetaliationRound } from "./retaliation-check";
import { answerRetaliationCheck, RETALIATION_MESSAGE_LIMITS } from "./retaliation-report";

/**
 * The retaliation question's Server Actions on /lacak: public endpoints. They act only on the case
 * of the signed tracking cookie (a session row in Postgres), never on a case the form names, and
 * log nothing the reporter wrote.
 */

export type RetaliationErrorCode = "answerRequired" | "messageRequired" | "messageTooLong" | "noOpenCheck" | "trackingSessionExpired" | "unexpected";

export type RetaliationAnswerState =
  | { status: "idle" }
  | { status: "invalid"; errors: RetaliationErrorCode[]; values: { answer: string; message: string } }
  | { status: "recordedNo" }
  /** The key is shown once: null when the same form was sent again after the report was filed. */
  | { status: "reported"; trackingCode: string; secretKey: string | null };

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Reads the form: the round it was shown for, "NO" or "YES", and the message "YES" needs. */
export async function answerRetaliationQuestion(_previous: RetaliationAnswerState, formData: FormData): Promise<RetaliationAnswerState> {
  // The session's expiry runs on the machine's time; which round is open, on lib/clock's.
  const now = new Date();
  const values = { answer: textOf(formData, "answer"), message: textOf(formData, "message").slice(0, RETALIATION_MESSAGE_LIMITS.max * 2) };
  const invalid = (errors: RetaliationErrorCode[]): RetaliationAnswerState => ({ status: "invalid", errors, values });
  try {
    const session = await readTrackingSession(now);
    if (!session) return invalid(["trackingSessionExpired"]);
    const round = Number(textOf(formData, "round"));
    if (!isRetaliationRound(round)) return invalid(["noOpenCheck"]);
    if (values.answer !== "NO" && values.answer !== "YES") return invalid(["answerRequired"]);
    const message = values.message.trim();
    if (values.answer === "YES" && message.length < RETALIATION_MESSAGE_LIMITS.min) return invalid(["messageRequired"]);
    if (values.answer === "YES" && message.length > RETALIATION_MESSAGE_LIMITS.max) return invalid(["messageTooLong"]);

    const result = await answerRetaliationCheck({ caseId: session.caseId, round, answer: values.answer, message });
    if (result.status === "rejected") return invalid([result.error]);
    await renewTrackingSession(session, now);
    refresh();
    return result;
  } catch (error) {
    console.error("answerRetaliationQuestion failed", describeError(error));
    return invalid(["unexpected"]);
  }
}

/**
 * Opens a retaliation report filed from the tracked case in place of it: the reporter proved the
 * original's receipt, which is what filed the report. A plain form action (works without JS).
 */
export async function openRetaliationReport(formData: FormData): Promise<void> {
  const now = new Date();
  const session = await readTrackingSession(now);
  if (!session) return;
  const reportCode = textOf(formData, "reportCode");
  const report = await db.case.findFirst({ where: { retaliationOfCaseId: session.caseId, kind: "RETALIATION", trackingCode: reportCode }, select: { id: true } });
  if (!report) return;
  await startTrackingSession(report.id, now);
  refresh();
}
