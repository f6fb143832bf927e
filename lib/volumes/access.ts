import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who enters service volumes: admins (every office) and supervisors (the offices of their scope,
 * enforced by ./volumes.ts). Officers do not: the volumes are the denominator of their own office's
 * rates. Pure, so the menu can use it.
 */
export function canManageVolumes(actor: { role: Role }): boolean {
  return actor.role === "ADMIN" || actor.role === "SUPERVISOR";
}
