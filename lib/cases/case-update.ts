import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { assertCasePermission, caseAccessWhere, findAccessibleCase } from "./access";
import { CaseConflictError, CaseNotFoundError } from "./errors";
import type { CasePermission } from "./permissions";

/**
 * The one way a staff action changes a case: inside a transaction, load the case through the
 * access rule (404 outside scope), check the role's permission, check the version the actor saw,
 * do the work, and write through updateCaseAtVersion, which only succeeds while the row still
 * has that version. Two officers saving the same version: the database lets exactly one update
 * match, and the other gets CaseConflictError with the version that is there now.
 */

/** The case fields actions read to decide what to write. */
export const caseStateSelect = {
  id: true,
  trackingCode: true,
  officeId: true,
  status: true,
  deadlineTier: true,
  receivedAt: true,
  verificationDueAt: true,
  verifiedAt: true,
  resolutionDueAt: true,
  clockPausedAt: true,
  pausedWorkingDays: true,
  isEscalated: true,
  assigneeId: true,
  version: true,
} satisfies Prisma.CaseSelect;

export type CaseState = Prisma.CaseGetPayload<{ select: typeof caseStateSelect }>;

/** Which case and which version of it the actor's form was showing. */
export type CaseVersionRef = { caseId: string; version: number };

export type CaseTransaction = Prisma.TransactionClient;

export async function withCaseForUpdate<Result>(
  actor: StaffActor,
  ref: CaseVersionRef,
  permission: CasePermission,
  work: (tx: CaseTransaction, current: CaseState) => Promise<Result>,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const current = await findAccessibleCase(tx, actor, ref.caseId, caseStateSelect);
    assertCasePermission(actor, permission);
    if (current.version !== ref.version) throw new CaseConflictError(current.version);
    return work(tx, current);
  });
}

/** Writes `data` and bumps the version, only if the case still has `version` and is still in the actor's scope. */
export async function updateCaseAtVersion(
  tx: CaseTransaction,
  actor: StaffActor,
  ref: CaseVersionRef,
  data: Prisma.CaseUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.case.updateMany({
    where: { AND: [caseAccessWhere(actor), { id: ref.caseId, version: ref.version }] },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 1) return;
  const now = await tx.case.findFirst({ where: { AND: [caseAccessWhere(actor), { id: ref.caseId }] }, select: { version: true } });
  if (!now) throw new CaseNotFoundError();
  throw new CaseConflictError(now.version);
}
