import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { planStatusClock } from "@/lib/deadlines/case-clock";
import { lockAndLoadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import type { CaseStatus, ForwardTarget } from "@/lib/generated/prisma/enums";

import { updateCaseAtVersion, withCaseForUpdate, type CaseVersionRef } from "./case-update";
import { isObjectedDecider } from "@/lib/objections/review-rules";

import { CaseRuleError } from "./errors";
import { addCaseMessage } from "./messages";
import { canTransition } from "./workflow";

export type ChangeCaseStatusInput = CaseVersionRef & {
  to: CaseStatus;
  /** Required for REJECTED: the reporter reads it. */
  rejectionReason?: string | null;
  /** Required for FORWARDED. */
  forwardTarget?: ForwardTarget | null;
  /** For FORWARDED: why and to whom; the reporter reads it. */
  forwardNote?: string | null;
  /** An optional public reply sent with the change (e.g. the questions when asking for more information). */
  replyToReporter?: string | null;
  isReplySigned?: boolean;
};

/**
 * Moves a case along the workflow (./workflow.ts) and moves its deadline clock with it
 * (lib/deadlines/case-clock.ts): verification starts the resolution deadline, waiting for the
 * reporter pauses it, leaving the wait resumes it, closing stamps closedAt. The change is a
 * public event: the reporter sees the new status, the rejection reason or the forward target.
 */
export async function changeCaseStatus(actor: StaffActor, input: ChangeCaseStatusInput, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await withCaseForUpdate(actor, input, "workCase", async (tx, current) => {
    if (!canTransition(current.status, input.to)) throw new CaseRuleError("transitionNotAllowed");
    if (await isObjectedDecider(tx, current.id, actor.id)) throw new CaseRuleError("objectionReviewByAnother");
    const rejectionReason = input.to === "REJECTED" ? input.rejectionReason?.trim() || null : null;
    const forwardTarget = input.to === "FORWARDED" ? (input.forwardTarget ?? null) : null;
    const forwardNote = input.to === "FORWARDED" ? input.forwardNote?.trim() || null : null;
    if (input.to === "REJECTED" && !rejectionReason) throw new CaseRuleError("transitionNotAllowed");
    if (input.to === "FORWARDED" && (!forwardTarget || !forwardNote)) throw new CaseRuleError("transitionNotAllowed");

    const holidays = await lockAndLoadHolidayKeysForOffice(tx, current.officeId);
    const clock = planStatusClock(current, input.to, now, holidays);
    await updateCaseAtVersion(tx, actor, input, {
      status: input.to,
      ...clock,
      ...(input.to === "REJECTED" ? { rejectionReason } : {}),
      ...(input.to === "FORWARDED" ? { forwardedTo: forwardTarget, forwardNote } : {}),
    });

    const reply = input.replyToReporter?.trim();
    if (reply) await addCaseMessage(tx, actor, { caseId: current.id, kind: "PUBLIC_REPLY", body: reply, isSigned: input.isReplySigned ?? false, now });

    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.STATUS_CHANGED,
      isPublic: true,
      before: { status: current.status, resolutionDueAt: current.resolutionDueAt?.toISOString() ?? null },
      after: {
        status: input.to,
        resolutionDueAt: (clock.resolutionDueAt !== undefined ? clock.resolutionDueAt : current.resolutionDueAt)?.toISOString() ?? null,
        ...(clock.pausedWorkingDays !== undefined ? { pausedWorkingDays: clock.pausedWorkingDays } : {}),
        ...(rejectionReason ? { rejectionReason } : {}),
        ...(forwardTarget ? { forwardedTo: forwardTarget, forwardNote } : {}),
      },
      createdAt: now,
    });
  });
}
