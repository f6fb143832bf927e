import type { Role, ScopeLevel } from "@/lib/generated/prisma/enums";

/**
 * The rules of staff administration as pure functions, tested without a database:
 *
 * - Scope coherence. An officer works the cases of one office, so their scope is always that
 *   office. A supervisor oversees one office, one regional office (Kanwil) or the whole country,
 *   and the scope must name the office or regional office it is about. An admin sees every case
 *   whatever their scope (lib/cases/access.ts), so an admin's scope is always national: any
 *   other would only mislead whoever reads the account. A surveyor (external visitor-survey
 *   interviewer) may have any scope, like a supervisor: it names the offices they interview at.
 * - The last active admin. Someone must always be able to administer the installation, so no
 *   change may leave it without an active admin (data functions count under a lock, see
 *   staff-changes.ts).
 * - One-time links. A set-password link works once, for PASSWORD_LINK_LIFETIME_HOURS.
 */

export const PASSWORD_LINK_LIFETIME_HOURS = 72;

export const STAFF_ROLES = ["OFFICER", "SUPERVISOR", "ADMIN", "SURVEYOR"] as const satisfies readonly Role[];
export const SCOPE_LEVELS = ["OFFICE", "REGIONAL", "NATIONAL"] as const satisfies readonly ScopeLevel[];

export type StaffScope = { scopeLevel: ScopeLevel; officeId: number | null; regionalOfficeId: number | null };

export type ScopeRequest = { role: Role; scopeLevel: ScopeLevel; officeId: number | null; regionalOfficeId: number | null };

export type ScopeProblem = { field: "scopeLevel" | "officeId" | "regionalOfficeId"; code: "officerOfficeOnly" | "officeRequired" | "regionalOfficeRequired" };

/**
 * The scope to store for a role and what the form asked, or the problem with it. Ids the chosen
 * level does not use are dropped, so a row never names an office its scope ignores.
 */
export function resolveStaffScope(request: ScopeRequest): { ok: true; scope: StaffScope } | { ok: false; problem: ScopeProblem } {
  if (request.role === "ADMIN") return { ok: true, scope: { scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null } };
  if (request.role === "OFFICER" && request.scopeLevel !== "OFFICE") return { ok: false, problem: { field: "scopeLevel", code: "officerOfficeOnly" } };
  switch (request.scopeLevel) {
    case "OFFICE":
      if (request.officeId === null) return { ok: false, problem: { field: "officeId", code: "officeRequired" } };
      return { ok: true, scope: { scopeLevel: "OFFICE", officeId: request.officeId, regionalOfficeId: null } };
    case "REGIONAL":
      if (request.regionalOfficeId === null) return { ok: false, problem: { field: "regionalOfficeId", code: "regionalOfficeRequired" } };
      return { ok: true, scope: { scopeLevel: "REGIONAL", officeId: null, regionalOfficeId: request.regionalOfficeId } };
    case "NATIONAL":
      return { ok: true, scope: { scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null } };
  }
}

type AdminStanding = { role: Role; isActive: boolean };

export function isActiveAdmin(account: AdminStanding): boolean {
  return account.role === "ADMIN" && account.isActive;
}

/**
 * Whether changing an account from `before` to `after` would leave no active admin, given how
 * many OTHER active admins there are (counted in the same transaction, under the lock).
 */
export function wouldRemoveLastActiveAdmin(before: AdminStanding, after: AdminStanding, otherActiveAdmins: number): boolean {
  return isActiveAdmin(before) && !isActiveAdmin(after) && otherActiveAdmins === 0;
}

export type PasswordLinkState = "usable" | "used" | "expired";

/** A link is used once it set a password; expired after its time (or when a newer link replaced it: its expiry is moved to then). */
export function passwordLinkStateOf(link: { usedAt: Date | null; expiresAt: Date }, now: Date): PasswordLinkState {
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}

export function passwordLinkExpiryFrom(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + PASSWORD_LINK_LIFETIME_HOURS * 60 * 60 * 1000);
}
