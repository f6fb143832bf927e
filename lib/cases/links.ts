import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";
import { normalizeTrackingCode } from "@/lib/reports/receipt";

import { caseAccessWhere } from "./access";
import { updateCaseAtVersion, withCaseForUpdate, type CaseVersionRef } from "./case-update";
import { CaseRuleError } from "./errors";

/**
 * Links a case to another by its tracking code: a duplicate (the same events reported twice) or
 * a related case (the same broker, the same counter). The other case must be one the actor can
 * see, so a link can never reveal a case outside their scope; a code outside it answers like an
 * unknown code.
 */
export async function linkCase(
  actor: StaffActor,
  input: CaseVersionRef & { targetTrackingCode: string; kind: LinkKind },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const code = normalizeTrackingCode(input.targetTrackingCode);
  if (!code) throw new CaseRuleError("linkTargetNotFound");
  try {
    await withCaseForUpdate(actor, input, "workCase", async (tx, current) => {
      const target = await tx.case.findFirst({ where: { AND: [caseAccessWhere(actor), { trackingCode: code }] }, select: { id: true, trackingCode: true } });
      if (!target) throw new CaseRuleError("linkTargetNotFound");
      if (target.id === current.id) throw new CaseRuleError("linkToItself");
      const reverse = await tx.caseLink.findUnique({ where: { fromCaseId_toCaseId: { fromCaseId: target.id, toCaseId: current.id } }, select: { id: true } });
      if (reverse) throw new CaseRuleError("alreadyLinked");

      await tx.caseLink.create({ data: { fromCaseId: current.id, toCaseId: target.id, kind: input.kind, createdById: actor.id, createdAt: now }, select: { id: true } });
      await updateCaseAtVersion(tx, actor, input, {});
      await recordEvent(tx, {
        caseId: current.id,
        actorKind: "STAFF",
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_LINKED,
        isPublic: false,
        after: { linkedCaseId: target.id, linkedTrackingCode: target.trackingCode, kind: input.kind },
        createdAt: now,
      });
    });
  } catch (error) {
    // The unique (fromCaseId, toCaseId) pair: the same link exists, perhaps saved a moment ago by a colleague.
    if (isUniqueViolation(error, { index: "CaseLink_fromCaseId_toCaseId_key", fields: ["fromCaseId", "toCaseId"] })) throw new CaseRuleError("alreadyLinked");
    throw error;
  }
}
