import "server-only";

import { randomUUID } from "node:crypto";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { now as currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockAndLoadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import { VERIFICATION_WORKING_DAYS } from "@/lib/deadlines/tiers";
import { addWorkingDays } from "@/lib/deadlines/working-days";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";
import { generateSecretKey, generateTrackingCode } from "@/lib/reports/receipt";
import { hashSecret } from "@/lib/security/secret-hash";

import { ensureOversightDesk } from "./oversight-desk";
import { findOpenRetaliationCheck, type RetaliationRound } from "./retaliation-check";

/**
 * The reporter's answer to the retaliation check (./retaliation-check.ts), from the tracking page
 * of the original case (the caller proved the receipt: a tracking session).
 *
 * - "No" is recorded on the check (and as a public RETALIATION_CHECK_ANSWERED event).
 * - "Yes", with a short message, files a new case of kind RETALIATION: at the oversight desk of
 *   the original office's regional office (./oversight-desk.ts), so the region's and national
 *   supervisors see it and the office's own staff never do; linked to the original (CaseLink,
 *   RELATED, made by the system, and Case.retaliationOfCaseId with the round); the message is its
 *   description, the reporter's first message. The original case gets the public
 *   RETALIATION_REPORTED event (its `after.retaliationCaseId` lets the staff timeline hide it from
 *   whoever cannot see the new case). The new case has its own receipt: a tracking code and a
 *   secret key shown once to the reporter, who can also open it from the original's tracking page.
 *   It is filed anonymous: the identity, if any, stays on the original case, which every
 *   supervisor who sees the new case can also open.
 * - One answer per round: the answer is written only while the check is still unanswered (and
 *   still the open one), and (retaliationOfCaseId, retaliationRound) is unique, so a form sent
 *   twice files one case; the second send gets the first answer back without its key.
 */

export const RETALIATION_MESSAGE_LIMITS = { min: 10, max: 2000 } as const;

export type RetaliationAnswerResult =
  | { status: "recordedNo" }
  | { status: "reported"; trackingCode: string; secretKey: string | null }
  | { status: "rejected"; error: "noOpenCheck" };

export async function answerRetaliationCheck(input: {
  caseId: string;
  round: RetaliationRound;
  answer: "NO" | "YES";
  /** Required for "YES" (checked by the caller's schema). */
  message?: string | null;
  now?: Date;
}): Promise<RetaliationAnswerResult> {
  const now = input.now ?? currentTime();
  if (input.answer === "NO") return recordNo(input.caseId, input.round, now);

  const message = input.message?.trim() ?? "";
  if (message.length < RETALIATION_MESSAGE_LIMITS.min) throw new RangeError("A retaliation report needs its message");
  // The argon2id hash is CPU work: before the transaction, as filing does.
  const secretKey = generateSecretKey();
  const receiptSecretHash = await hashSecret(secretKey);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fileRetaliationReport({ caseId: input.caseId, round: input.round, message, now, secretKey, receiptSecretHash, trackingCode: generateTrackingCode() });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, { index: "Case_trackingCode_key", fields: ["trackingCode"] })) continue;
      if (isUniqueViolation(error, { index: "Case_retaliationOfCaseId_retaliationRound_key", fields: ["retaliationOfCaseId", "retaliationRound"] })) {
        return findFiledReport(input.caseId, input.round);
      }
      throw error;
    }
  }
}

async function recordNo(caseId: string, round: RetaliationRound, now: Date): Promise<RetaliationAnswerResult> {
  return db.$transaction(async (tx) => {
    const open = await findOpenRetaliationCheck(tx, caseId);
    if (!open || open.round !== round) return { status: "rejected", error: "noOpenCheck" } as const;
    const answered = await tx.retaliationCheck.updateMany({ where: { caseId, round, answer: null }, data: { answer: "NO", answeredAt: now } });
    if (answered.count !== 1) return { status: "rejected", error: "noOpenCheck" } as const;
    await recordEvent(tx, { caseId, actorKind: "REPORTER", action: AUDIT_ACTIONS.RETALIATION_CHECK_ANSWERED, isPublic: true, after: { round, answer: "NO" }, createdAt: now });
    return { status: "recordedNo" } as const;
  });
}

async function findFiledReport(caseId: string, round: RetaliationRound, client: Pick<Prisma.TransactionClient, "case"> = db): Promise<RetaliationAnswerResult> {
  // Inside a transaction, through it: waiting for a second connection while holding one can
  // starve the pool.
  const filed = await client.case.findFirst({ where: { retaliationOfCaseId: caseId, retaliationRound: round }, select: { trackingCode: true } });
  return filed ? { status: "reported", trackingCode: filed.trackingCode, secretKey: null } : { status: "rejected", error: "noOpenCheck" };
}

async function fileRetaliationReport(input: {
  caseId: string;
  round: RetaliationRound;
  message: string;
  now: Date;
  secretKey: string;
  receiptSecretHash: string;
  trackingCode: string;
}): Promise<RetaliationAnswerResult> {
  const { caseId, round, now } = input;
  return db.$transaction(
    async (tx) => {
      const open = await findOpenRetaliationCheck(tx, caseId);
      if (!open || open.round !== round) {
        const answered = await tx.retaliationCheck.findUnique({ where: { caseId_round: { caseId, round } }, select: { answer: true } });
        if (answered?.answer === "YES") return findFiledReport(caseId, round, tx);
        return { status: "rejected", error: "noOpenCheck" } as const;
      }
      const answered = await tx.retaliationCheck.updateMany({ where: { caseId, round, answer: null }, data: { answer: "YES", answeredAt: now } });
      if (answered.count !== 1) return findFiledReport(caseId, round, tx);

      const original = await tx.case.findUniqueOrThrow({
        where: { id: caseId },
        select: { id: true, trackingCode: true, categoryId: true, serviceId: true, locale: true, office: { select: { regionalOfficeId: true, city: true, province: true } } },
      });
      const deskId = await ensureOversightDesk(tx, original.office.regionalOfficeId, original.office);
      const holidays = await lockAndLoadHolidayKeysForOffice(tx, deskId);
      const retaliationCaseId = randomUUID();
      await tx.case.create({
        data: {
          id: retaliationCaseId,
          trackingCode: input.trackingCode,
          receiptSecretHash: input.receiptSecretHash,
          kind: "RETALIATION",
          channel: "ONLINE",
          locale: original.locale,
          officeId: deskId,
          serviceId: original.serviceId,
          categoryId: original.categoryId,
          description: input.message,
          reporterMode: "ANONYMOUS",
          status: "NEW",
          receivedAt: now,
          verificationDueAt: addWorkingDays(now, VERIFICATION_WORKING_DAYS, holidays),
          retaliationOfCaseId: original.id,
          retaliationRound: round,
        },
        select: { id: true },
      });
      await tx.caseLink.create({ data: { fromCaseId: original.id, toCaseId: retaliationCaseId, kind: "RELATED", createdById: null, createdAt: now }, select: { id: true } });
      await recordEvent(tx, {
        caseId: retaliationCaseId,
        actorKind: "REPORTER",
        action: AUDIT_ACTIONS.CASE_FILED,
        isPublic: true,
        after: { status: "NEW", channel: "ONLINE", kind: "RETALIATION", retaliationOfTrackingCode: original.trackingCode, round },
        createdAt: now,
      });
      await recordEvent(tx, {
        caseId: original.id,
        actorKind: "REPORTER",
        action: AUDIT_ACTIONS.RETALIATION_REPORTED,
        isPublic: true,
        after: { round, retaliationCaseId },
        createdAt: now,
      });
      return { status: "reported", trackingCode: input.trackingCode, secretKey: input.secretKey } as const;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

export type TrackedRetaliationReport = { id: string; trackingCode: string; status: string; round: number | null; filedAt: Date };

/** The retaliation reports filed from a case's tracking page, for that page (the reporter proved the original's receipt). */
export async function listRetaliationReportsOf(caseId: string): Promise<TrackedRetaliationReport[]> {
  const reports = await db.case.findMany({
    where: { retaliationOfCaseId: caseId, kind: "RETALIATION" },
    orderBy: { receivedAt: "asc" },
    select: { id: true, trackingCode: true, status: true, retaliationRound: true, receivedAt: true },
  });
  return reports.map((report) => ({ id: report.id, trackingCode: report.trackingCode, status: report.status, round: report.retaliationRound, filedAt: report.receivedAt }));
}
