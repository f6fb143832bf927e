import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may see the repeated-accused groups: supervisors (of their scope) and admins. Never
 * officers: the people a group points at work in the office, and may be among its officers.
 * ./groups.ts enforces it on every read; the menu uses it to hide the link. Pure.
 */
export function canSeeAccusedGroups(actor: { role: Role }): boolean {
  return actor.role === "SUPERVISOR" || actor.role === "ADMIN";
}
