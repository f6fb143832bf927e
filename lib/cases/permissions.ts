import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What each role may do with a case it can see. Which cases it can see is the other half of the
 * rule, in ./access.ts. Pure, so pages can hide what an actor may not do, while the data
 * functions enforce the same table.
 *
 * - OFFICER works the cases of their office: content, status, tier, links, replies, notes,
 *   involvement, assignment to themselves or a colleague, and walk-in intake.
 * - SUPERVISOR oversees: reads everything in scope, reassigns and escalates, and is the only one
 *   who may open a reporter's identity (deliberately, with a reason). Never edits content or status.
 * - ADMIN may do everything.
 */
export type CasePermission =
  /** Status, deadline tier, links, replies, internal notes, involvement. */
  | "workCase"
  | "assign"
  | "escalate"
  | "viewIdentity"
  | "intake"
  /** /dasbor/statistik and its exports, over the actor's scope (supervisors and admins). */
  | "viewStatistics";

const PERMISSIONS: Readonly<Record<Role, readonly CasePermission[]>> = {
  OFFICER: ["workCase", "assign", "intake"],
  SUPERVISOR: ["assign", "escalate", "viewIdentity", "viewStatistics"],
  ADMIN: ["workCase", "assign", "escalate", "viewIdentity", "intake", "viewStatistics"],
};

export function hasCasePermission(actor: { role: Role }, permission: CasePermission): boolean {
  return PERMISSIONS[actor.role].includes(permission);
}

export type CasePermissions = Readonly<Record<CasePermission, boolean>>;

export function getCasePermissions(actor: { role: Role }): CasePermissions {
  return {
    workCase: hasCasePermission(actor, "workCase"),
    assign: hasCasePermission(actor, "assign"),
    escalate: hasCasePermission(actor, "escalate"),
    viewIdentity: hasCasePermission(actor, "viewIdentity"),
    intake: hasCasePermission(actor, "intake"),
    viewStatistics: hasCasePermission(actor, "viewStatistics"),
  };
}
