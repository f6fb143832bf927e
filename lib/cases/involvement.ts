import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";

import { involvementCandidatesWhere } from "./access";
import { updateCaseAtVersion, withCaseForUpdate, type CaseVersionRef } from "./case-update";
import { CaseRuleError } from "./errors";

/**
 * Marks a staff user as involved in a case (conflict of interest: the officer a pungli report
 * describes, a relative...). From then on the access rule hides the case from them entirely: they
 * can neither open nor find it. Only the office's officers can be marked (the actor too, to step
 * aside), never the supervisors and admins who oversee the case; an involved assignee is unassigned in the same change. The reason stays in the
 * audit trail.
 */
export async function markStaffInvolved(
  actor: StaffActor,
  input: CaseVersionRef & { staffUserId: string; reason: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await withCaseForUpdate(actor, input, "workCase", async (tx, current) => {
    const already = await tx.caseInvolvement.findUnique({ where: { caseId_staffUserId: { caseId: current.id, staffUserId: input.staffUserId } }, select: { caseId: true } });
    if (already) throw new CaseRuleError("alreadyInvolved");
    const office = await tx.office.findUniqueOrThrow({ where: { id: current.officeId }, select: { regionalOfficeId: true } });
    const staff = await tx.staffUser.findFirst({
      where: { AND: [involvementCandidatesWhere({ id: current.id, officeId: current.officeId, regionalOfficeId: office.regionalOfficeId }), { id: input.staffUserId }] },
      select: { id: true, name: true },
    });
    if (!staff) throw new CaseRuleError("involvedStaffNotEligible");

    await tx.caseInvolvement.create({ data: { caseId: current.id, staffUserId: staff.id, markedById: actor.id, reason: input.reason, createdAt: now }, select: { caseId: true } });
    const unassigns = current.assigneeId === staff.id;
    await updateCaseAtVersion(tx, actor, input, unassigns ? { assigneeId: null } : {});
    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.INVOLVEMENT_MARKED,
      isPublic: false,
      after: { staffUserId: staff.id, staffName: staff.name, reason: input.reason, ...(unassigns ? { unassigned: true } : {}) },
      createdAt: now,
    });
  });
}
