import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

import { updateCaseAtVersion, withCaseForUpdate, type CaseVersionRef } from "./case-update";
import { isObjectedDecider } from "@/lib/objections/review-rules";

import { CaseRuleError } from "./errors";

/**
 * Who may handle a case: an active officer of the case's own office who is not involved in it.
 * Officers assign to themselves or a colleague; supervisors reassign; nobody assigns a case to
 * another office's officer (it would be forwarded instead).
 */
export function assignableStaffWhere(caseRef: { id: string; officeId: number }): Prisma.StaffUserWhereInput {
  return {
    isActive: true,
    role: "OFFICER",
    officeId: caseRef.officeId,
    involvements: { none: { caseId: caseRef.id } },
  };
}

/** Assigns the case to an eligible officer, or leaves it unassigned (`assigneeId: null`). */
export async function assignCase(actor: StaffActor, input: CaseVersionRef & { assigneeId: string | null }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await withCaseForUpdate(actor, input, "assign", async (tx, current) => {
    if (current.assigneeId === input.assigneeId) return;
    const assignee = input.assigneeId
      ? await tx.staffUser.findFirst({ where: { AND: [assignableStaffWhere(current), { id: input.assigneeId }] }, select: { id: true, name: true } })
      : null;
    if (input.assigneeId && !assignee) throw new CaseRuleError("assigneeNotEligible");
    if (assignee && (await isObjectedDecider(tx, current.id, assignee.id))) throw new CaseRuleError("objectionReviewByAnother");
    const previous = current.assigneeId ? await tx.staffUser.findUnique({ where: { id: current.assigneeId }, select: { name: true } }) : null;

    await updateCaseAtVersion(tx, actor, input, { assigneeId: assignee?.id ?? null });
    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.ASSIGNED,
      isPublic: false,
      before: { assigneeId: current.assigneeId, assigneeName: previous?.name ?? null },
      after: { assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null },
      createdAt: now,
    });
  });
}
