import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What each role may do with a case it can see. Which cases it can see is the other half of the
 * rule, in ./access.ts. Pure, so pages can hide what an actor may not do, while the data
 * functions enforce the same table.
 *
 * - OFFICER works the cases of their office: content, status, tier, links, replies, notes,
 *   assignment to themselves or a colleague, and walk-in intake. On conflicts of interest an
 *   officer may only declare themselves involved, or report a colleague (./involvement.ts).
 * - SUPERVISOR oversees: reads everything in scope, reassigns and escalates, decides who is
 *   involved in a case (marks, unmarks, confirms or dismisses reports), and is the only one who
 *   may open a reporter's identity (deliberately, with a reason). Never edits content or status.
 * - ADMIN may do everything.
 * - SURVEYOR (an external visitor-survey interviewer, lib/surveys) does nothing with cases.
 */
export type CasePermission =
  /** Status, deadline tier, links, replies, internal notes. */
  | "workCase"
  /** Declare oneself involved in a case, or report that a colleague is. */
  | "declareInvolvement"
  /** Mark and unmark anyone involved, confirm or dismiss reports of involvement. */
  | "manageInvolvement"
  | "assign"
  | "escalate"
  | "viewIdentity"
  | "intake"
  /** /dasbor/statistik and its exports, over the actor's scope (supervisors and admins). */
  | "viewStatistics";

const PERMISSIONS: Readonly<Record<Role, readonly CasePermission[]>> = {
  OFFICER: ["workCase", "declareInvolvement", "assign", "intake"],
  SUPERVISOR: ["manageInvolvement", "assign", "escalate", "viewIdentity", "viewStatistics"],
  ADMIN: ["workCase", "declareInvolvement", "manageInvolvement", "assign", "escalate", "viewIdentity", "intake", "viewStatistics"],
  SURVEYOR: [],
};

export function hasCasePermission(actor: { role: Role }, permission: CasePermission): boolean {
  return PERMISSIONS[actor.role].includes(permission);
}

export type CasePermissions = Readonly<Record<CasePermission, boolean>>;

export function getCasePermissions(actor: { role: Role }): CasePermissions {
  return {
    workCase: hasCasePermission(actor, "workCase"),
    declareInvolvement: hasCasePermission(actor, "declareInvolvement"),
    manageInvolvement: hasCasePermission(actor, "manageInvolvement"),
    assign: hasCasePermission(actor, "assign"),
    escalate: hasCasePermission(actor, "escalate"),
    viewIdentity: hasCasePermission(actor, "viewIdentity"),
    intake: hasCasePermission(actor, "intake"),
    viewStatistics: hasCasePermission(actor, "viewStatistics"),
  };
}
