import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { planTierChange } from "@/lib/deadlines/case-clock";
import { lockAndLoadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import type { DeadlineTier } from "@/lib/generated/prisma/enums";

import { updateCaseAtVersion, withCaseForUpdate, type CaseVersionRef } from "./case-update";
import { CaseRuleError } from "./errors";
import { isClosedStatus } from "./workflow";

/** Sets the resolution tier; once verified, the resolution deadline is recomputed from verification (with paused days). */
export async function setDeadlineTier(actor: StaffActor, input: CaseVersionRef & { tier: DeadlineTier }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await withCaseForUpdate(actor, input, "workCase", async (tx, current) => {
    if (isClosedStatus(current.status)) throw new CaseRuleError("caseClosed");
    const holidays = await lockAndLoadHolidayKeysForOffice(tx, current.officeId);
    const update = planTierChange(current, input.tier, holidays);
    await updateCaseAtVersion(tx, actor, input, update);
    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.DEADLINE_TIER_CHANGED,
      // The reporter sees the due date itself on /lacak; the tier is the office's internal classification.
      isPublic: false,
      before: { deadlineTier: current.deadlineTier, resolutionDueAt: current.resolutionDueAt?.toISOString() ?? null },
      after: { deadlineTier: input.tier, resolutionDueAt: update.resolutionDueAt?.toISOString() ?? null },
      createdAt: now,
    });
  });
}
