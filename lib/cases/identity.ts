import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { decryptContact } from "@/lib/contacts/encryption";
import { db } from "@/lib/db";

import { assertCasePermission, findAccessibleCase } from "./access";
import { CaseRuleError } from "./errors";
import { CASE_TEXT_LIMITS } from "./schemas";

export type ReporterIdentity = { name: string; email: string | null; phone: string | null };

/**
 * Opens the identity of an identified reporter, for a supervisor (or admin) who states why. It is
 * the only function that reads ReporterContact for staff: no case DTO carries it, so an officer
 * never receives it, not even in page data. Every opening is written to the audit trail with the
 * reason, in the same transaction as the read. The contact is stored encrypted
 * (lib/contacts/encryption.ts) and decrypted only here; after the retention period of a closed
 * case it is erased (lib/contacts/retention.ts) and this answers identityErased.
 */
export async function revealReporterIdentity(actor: StaffActor, input: { caseId: string; reason: string }, options: { now?: Date } = {}): Promise<ReporterIdentity> {
  const now = options.now ?? new Date();
  const reason = input.reason.trim();
  return db.$transaction(async (tx) => {
    const found = await findAccessibleCase(tx, actor, input.caseId, {
      id: true,
      reporterMode: true,
      reporterContact: { select: { name: true, email: true, phone: true } },
    });
    assertCasePermission(actor, "viewIdentity");
    if (found.reporterMode !== "IDENTIFIED") throw new CaseRuleError("noIdentity");
    if (!found.reporterContact) throw new CaseRuleError("identityErased");
    if (reason.length < CASE_TEXT_LIMITS.identityReasonMin || reason.length > CASE_TEXT_LIMITS.identityReasonMax) throw new CaseRuleError("reasonRequired");

    await recordEvent(tx, {
      caseId: found.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.IDENTITY_VIEWED,
      isPublic: false,
      after: { reason },
      createdAt: now,
    });
    return decryptContact(found.reporterContact, found.id);
  });
}
