import "server-only";

import { getEvidenceStorage } from "@/lib/attachments/evidence-storage";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

import { caseAccessWhere, isUuid } from "./access";
import { CaseNotFoundError, CaseRuleError } from "./errors";

export type EvidenceDownload = { fileName: string; mediaType: string; bytes: Buffer };

/**
 * Evidence for staff who can see its case (any role: supervisors read everything in scope). A
 * file outside the actor's scope answers as not found. Each download is written to the audit
 * trail, after the bytes were read, so the trail records only downloads that happened.
 */
export async function openEvidenceForStaff(actor: StaffActor, attachmentId: string, options: { now?: Date } = {}): Promise<EvidenceDownload> {
  const now = options.now ?? new Date();
  if (!isUuid(attachmentId)) throw new CaseNotFoundError();
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, case: caseAccessWhere(actor) },
    select: { id: true, caseId: true, fileName: true, mediaType: true, storageKey: true, sha256: true },
  });
  if (!attachment) throw new CaseNotFoundError();

  const bytes = await getEvidenceStorage().get(attachment.storageKey);
  if (!bytes) {
    console.error(`Evidence ${attachment.id} of case ${attachment.caseId} is missing from storage (key ${attachment.storageKey})`);
    throw new CaseRuleError("evidenceMissing");
  }

  await db.$transaction(async (tx) => {
    await recordEvent(tx, {
      caseId: attachment.caseId,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.EVIDENCE_DOWNLOADED,
      isPublic: false,
      after: { attachmentId: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256 },
      createdAt: now,
    });
  });
  return { fileName: attachment.fileName, mediaType: attachment.mediaType, bytes };
}
