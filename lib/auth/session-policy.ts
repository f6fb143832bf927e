import { z } from "@/lib/zod";

import type { Role, ScopeLevel } from "@/lib/generated/prisma/enums";

/**
 * What makes a staff session valid, as pure functions of the session's claims, the user's row
 * and the clock: the one place the rules live, tested without Next or a database.
 */

/** A session nobody used for this long ends (idle timeout). */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** However active, a session ends this long after sign-in: a shift, not a week. */
export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;

/** Roles that must sign in with a one-time code, and enroll before doing anything else. */
const ROLES_REQUIRING_TOTP: ReadonlySet<Role> = new Set<Role>(["SUPERVISOR", "ADMIN"]);

export function isTotpRequiredFor(role: Role): boolean {
  return ROLES_REQUIRING_TOTP.has(role);
}

/** What the session cookie (an encrypted Auth.js JWT) carries. Times in epoch seconds. */
export const sessionClaimsSchema = z.object({
  /** The StaffSession row this cookie belongs to: deleting it (sign-out) ends the session everywhere. */
  sessionId: z.uuid(),
  staffId: z.uuid(),
  sessionVersion: z.number().int(),
  signedInAt: z.number().int(),
  lastSeenAt: z.number().int(),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

const toEpochSeconds = (time: Date) => Math.floor(time.getTime() / 1000);

export function startSessionClaims(user: { id: string; sessionVersion: number; sessionId: string }, now: Date): SessionClaims {
  const nowSeconds = toEpochSeconds(now);
  return { sessionId: user.sessionId, staffId: user.id, sessionVersion: user.sessionVersion, signedInAt: nowSeconds, lastSeenAt: nowSeconds };
}

/** Why a session is over, or null while it is alive. */
export function findSessionExpiry(claims: SessionClaims, now: Date): "idle" | "tooOld" | null {
  const nowSeconds = toEpochSeconds(now);
  if (nowSeconds - claims.lastSeenAt > IDLE_TIMEOUT_SECONDS) return "idle";
  if (nowSeconds - claims.signedInAt > ABSOLUTE_SESSION_SECONDS) return "tooOld";
  return null;
}

/**
 * Called whenever Auth.js re-issues the cookie (each activity ping, see session-keep-alive.tsx):
 * a live session gets `lastSeenAt = now`, an expired one ends (null).
 */
export function refreshSessionClaims(claims: unknown, now: Date): SessionClaims | null {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success || findSessionExpiry(parsed.data, now)) return null;
  return { ...parsed.data, lastSeenAt: Math.max(parsed.data.lastSeenAt, toEpochSeconds(now)) };
}

export type StaffActor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  scopeLevel: ScopeLevel;
  officeId: number | null;
  regionalOfficeId: number | null;
};

/** The columns a request reads to decide whether its session still stands. */
export type SessionUserRow = StaffActor & { isActive: boolean; sessionVersion: number; totpEnabledAt: Date | null };

export type StaffSessionState =
  | { status: "signedOut" }
  /** A supervisor or admin without TOTP: may only enroll (on /dasbor/akun). */
  | { status: "enrollmentRequired"; actor: StaffActor }
  | { status: "active"; actor: StaffActor };

/** Signed out unless the user still exists, is active, and nothing ended their sessions since. */
export function evaluateStaffSession(claims: SessionClaims | null, user: SessionUserRow | null, now: Date): StaffSessionState {
  if (!claims || !user || user.id !== claims.staffId) return { status: "signedOut" };
  if (!user.isActive || user.sessionVersion !== claims.sessionVersion) return { status: "signedOut" };
  if (findSessionExpiry(claims, now)) return { status: "signedOut" };
  const actor: StaffActor = {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    scopeLevel: user.scopeLevel,
    officeId: user.officeId,
    regionalOfficeId: user.regionalOfficeId,
  };
  if (isTotpRequiredFor(user.role) && !user.totpEnabledAt) return { status: "enrollmentRequired", actor };
  return { status: "active", actor };
}
