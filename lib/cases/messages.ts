import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";

import { updateCaseAtVersion, withCaseForUpdate, type CaseTransaction, type CaseVersionRef } from "./case-update";

/** What staff write on a case: a public reply (the reporter reads it on /lacak) or an internal note (never shown to the reporter). */
export type StaffMessageKind = "PUBLIC_REPLY" | "INTERNAL_NOTE";

export type PostCaseMessageInput = CaseVersionRef & {
  kind: StaffMessageKind;
  body: string;
  /** Public replies only: show the officer's name to the reporter. */
  isSigned: boolean;
};

/**
 * Adds a reply or a note. It bumps the case version like any other change, so an officer who
 * answers a case someone else has just answered is told, instead of sending a second answer.
 */
export async function postCaseMessage(actor: StaffActor, input: PostCaseMessageInput, options: { now?: Date } = {}): Promise<{ messageId: string }> {
  const now = options.now ?? new Date();
  return withCaseForUpdate(actor, input, "workCase", async (tx, current) => {
    await updateCaseAtVersion(tx, actor, input, {});
    return addCaseMessage(tx, actor, { caseId: current.id, kind: input.kind, body: input.body, isSigned: input.isSigned, now });
  });
}

/** Writes the message and its event inside the caller's transaction (the caller has checked access). */
export async function addCaseMessage(
  tx: CaseTransaction,
  actor: StaffActor,
  message: { caseId: string; kind: StaffMessageKind; body: string; isSigned: boolean; now: Date },
): Promise<{ messageId: string }> {
  const isPublic = message.kind === "PUBLIC_REPLY";
  const created = await tx.caseMessage.create({
    data: {
      caseId: message.caseId,
      kind: message.kind,
      body: message.body,
      authorId: actor.id,
      isSigned: isPublic && message.isSigned,
      createdAt: message.now,
    },
    select: { id: true },
  });
  await recordEvent(tx, {
    caseId: message.caseId,
    actorKind: "STAFF",
    actorId: actor.id,
    action: isPublic ? AUDIT_ACTIONS.PUBLIC_REPLY_POSTED : AUDIT_ACTIONS.INTERNAL_NOTE_ADDED,
    isPublic,
    after: { messageId: created.id, ...(isPublic ? { isSigned: message.isSigned } : {}) },
    createdAt: message.now,
  });
  return { messageId: created.id };
}
