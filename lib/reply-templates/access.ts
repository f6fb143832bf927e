import type { StaffActor } from "@/lib/auth/session-policy";

/**
 * Who edits reply templates. National templates (no office) are the agency's voice: admins only.
 * An office's templates are that office's own: admins, and the supervisors whose scope is that one
 * office (the office head). Regional and national supervisors do not edit them: they oversee many
 * offices and do not answer reporters themselves, and an office's wording should have one owner
 * on site. Everyone else (officers included) gets a 404 on the templates pages, not a 403.
 * Pure, so the rule is tested alone.
 */

export function canEditTemplatesOf(actor: Pick<StaffActor, "role" | "scopeLevel" | "officeId">, officeId: number | null): boolean {
  if (actor.role === "ADMIN") return true;
  return officeId !== null && actor.role === "SUPERVISOR" && actor.scopeLevel === "OFFICE" && actor.officeId === officeId;
}

/** Whether the templates page is for this actor at all: admins and office supervisors with an office. */
export function canManageTemplates(actor: Pick<StaffActor, "role" | "scopeLevel" | "officeId">): boolean {
  return actor.role === "ADMIN" || (actor.officeId !== null && canEditTemplatesOf(actor, actor.officeId));
}
