import "server-only";

import { randomUUID } from "node:crypto";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { lockAndLoadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import { getEnvironment } from "@/lib/env";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import { getObjectionWindow, isObjectableStatus, objectionReviewDueAt } from "./window";

/**
 * The reporter objects (keberatan) to the office's decision on their case. One transaction:
 * the case row is locked, the window checked (./window.ts), the objection stored, the case
 * reopened and escalated, and the audit event written last, so either all of it happens or none.
 *
 * What the objection does, as a service designer would have it: the decision goes back to the
 * office, but no longer to the officer who made it. The case returns to IN_PROGRESS with no
 * assignee, flagged escalated so it surfaces in the supervisors' queue of its scope (office head,
 * regional office, nation), with a review deadline of its own (OBJECTION_REVIEW_WORKING_DAYS).
 * The rejection reason and the earlier rating stay as history. A case rejected straight from NEW
 * gets the decision's instant as verifiedAt, so its verification figures do not change (the
 * statistics count the first decision, COALESCE(verifiedAt, closedAt), which stays the same).
 * Status changes flow through the triggers on "Case" into the queue counts and the rollups.
 *
 * Only the case id of the caller's tracking session is accepted: ./actions.ts reads it from the
 * signed cookie; nothing a form carries names the case.
 *
 * Idempotent: the form's submission id is stored with the objection; the same form sent twice
 * (a double tap, a retry after a lost answer) finds its own objection and reports success, while
 * a second, different objection to the same case is refused (one per case, a unique index).
 */

export type ObjectionResult =
  | { status: "filed"; objectionId: string; reviewDueAt: Date }
  | { status: "rejected"; error: Extract<ReportErrorCode, "trackingSessionExpired" | "objectionNotAvailable" | "objectionWindowClosed" | "alreadyObjected"> };

class ObjectionRejected extends Error {
  constructor(readonly code: Extract<ObjectionResult, { status: "rejected" }>["error"]) {
    super(code);
  }
}

type LockedCase = {
  status: CaseStatus;
  officeId: number;
  closedAt: Date | null;
  verifiedAt: Date | null;
  assigneeId: string | null;
  isEscalated: boolean;
  resolutionDueAt: Date | null;
};

export async function fileObjection(input: {
  caseId: string;
  reason: string;
  submissionId: string;
  now?: Date;
  /** Overrides OBJECTION_WINDOW_WORKING_DAYS (tests). */
  windowWorkingDays?: number;
}): Promise<ObjectionResult> {
  const now = input.now ?? new Date();
  const windowWorkingDays = input.windowWorkingDays ?? getEnvironment().OBJECTION_WINDOW_WORKING_DAYS;
  try {
    return await db.$transaction(
      async (tx) => {
        const office = await tx.case.findUnique({ where: { id: input.caseId }, select: { officeId: true } });
        if (!office) throw new ObjectionRejected("trackingSessionExpired");
        // The holiday lock comes before any other (lib/deadlines/holidays.ts): the review deadline is computed from them.
        const holidays = await lockAndLoadHolidayKeysForOffice(tx, office.officeId);
        const [current] = await tx.$queryRaw<LockedCase[]>`
          SELECT "status", "officeId", "closedAt", "verifiedAt", "assigneeId", "isEscalated", "resolutionDueAt"
          FROM "Case" WHERE "id" = ${input.caseId}::uuid FOR UPDATE`;
        if (!current) throw new ObjectionRejected("trackingSessionExpired");

        const existing = await tx.caseObjection.findUnique({ where: { caseId: input.caseId }, select: { id: true, submissionId: true, reviewDueAt: true } });
        if (existing) {
          if (existing.submissionId === input.submissionId) return { status: "filed" as const, objectionId: existing.id, reviewDueAt: existing.reviewDueAt };
          throw new ObjectionRejected("alreadyObjected");
        }
        const window = getObjectionWindow({ status: current.status, decidedAt: current.closedAt, hasObjection: false, now, windowWorkingDays, holidays });
        if (window.status === "closed") throw new ObjectionRejected("objectionWindowClosed");
        if (window.status !== "open" || !current.closedAt || !isObjectableStatus(current.status)) throw new ObjectionRejected("objectionNotAvailable");

        // Who made the decision objected to: they may not review it (./review-rules.ts).
        const [decision] = await tx.$queryRaw<{ actorId: string | null }[]>`
          SELECT "actorId"::text AS "actorId" FROM "CaseEvent"
          WHERE "caseId" = ${input.caseId}::uuid AND "action" = ${AUDIT_ACTIONS.STATUS_CHANGED} AND "actorKind" = 'STAFF'
          ORDER BY "id" DESC LIMIT 1`;
        const objectionId = randomUUID();
        const reviewDueAt = objectionReviewDueAt(now, holidays);
        await tx.caseObjection.create({
          data: {
            id: objectionId,
            caseId: input.caseId,
            reason: input.reason,
            decidedStatus: current.status,
            decidedAt: current.closedAt,
            decidedById: decision?.actorId ?? null,
            reviewDueAt,
            submissionId: input.submissionId,
            createdAt: now,
          },
          select: { id: true },
        });
        const reopened = await tx.case.updateMany({
          where: { id: input.caseId, status: current.status },
          data: {
            status: "IN_PROGRESS",
            verifiedAt: current.verifiedAt ?? current.closedAt,
            closedAt: null,
            resolutionWorkingDays: null,
            resolutionDueAt: reviewDueAt,
            clockPausedAt: null,
            assigneeId: null,
            isEscalated: true,
            escalatedAt: now,
            version: { increment: 1 },
          },
        });
        if (reopened.count !== 1) throw new Error(`Case ${input.caseId} changed while locked`);

        await recordEvent(tx, {
          caseId: input.caseId,
          actorKind: "REPORTER",
          action: AUDIT_ACTIONS.OBJECTED,
          isPublic: true,
          before: {
            status: current.status,
            closedAt: current.closedAt.toISOString(),
            assigneeId: current.assigneeId,
            isEscalated: current.isEscalated,
            resolutionDueAt: current.resolutionDueAt?.toISOString() ?? null,
          },
          after: { status: "IN_PROGRESS", objectionId, resolutionDueAt: reviewDueAt.toISOString(), isEscalated: true, assigneeId: null },
          createdAt: now,
        });
        return { status: "filed" as const, objectionId, reviewDueAt };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (error instanceof ObjectionRejected) return { status: "rejected", error: error.code };
    // Two different objections at the same moment: the unique index lets one through. (The same
    // form twice at once waits on the case lock above and then finds its own objection.)
    if (isUniqueViolation(error, { index: "CaseObjection_caseId_key", fields: ["caseId"] })) return { status: "rejected", error: "alreadyObjected" };
    throw error;
  }
}
