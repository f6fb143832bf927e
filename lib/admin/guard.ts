import "server-only";

import { notFound } from "next/navigation";

import type { StaffActor } from "@/lib/auth/session";

import { AdminNotFoundError } from "./errors";

/**
 * Who may administer the installation (staff, offices, services and fees, categories, holidays):
 * admins, and nobody else. Every administration data function calls assertAdmin itself; pages and
 * Server Actions call requireAdmin. A non-admin gets the same 404 as a missing page, never a 403,
 * so the administration's addresses reveal nothing.
 */

export function isAdmin(actor: Pick<StaffActor, "role">): boolean {
  return actor.role === "ADMIN";
}

/** For data functions: throws AdminNotFoundError unless the actor is an admin. */
export function assertAdmin(actor: StaffActor): void {
  if (!isAdmin(actor)) throw new AdminNotFoundError();
}

/** For pages and Server Actions: the signed-in admin; a signed-out caller goes to /masuk, anyone else gets a 404. */
export async function requireAdmin(): Promise<StaffActor> {
  // Imported when called: data functions need only assertAdmin, and the session helper brings in
  // Auth.js, which a data function's integration test should not have to load.
  const { requireStaff } = await import("@/lib/auth/session");
  const actor = await requireStaff();
  if (!isAdmin(actor)) notFound();
  return actor;
}
