import "server-only";

import { db } from "@/lib/db";

import { evaluateStaffSession, type SessionClaims, type SessionUserRow, type StaffSessionState } from "./session-policy";

/**
 * The database half of a session check: the session's StaffSession row and the user's row as
 * they are now, judged by evaluateStaffSession. Kept apart from session.ts (which reads the
 * cookie through Auth.js and needs a Next request) so it can be tested on its own.
 *
 * A session lives while its row does: sign-out deletes it (endStaffSession), so a copy of the
 * cookie taken before is worthless afterwards, on every instance.
 */

const sessionUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  scopeLevel: true,
  officeId: true,
  regionalOfficeId: true,
  isActive: true,
  sessionVersion: true,
  totpEnabledAt: true,
} as const;

export async function resolveStaffSession(claims: SessionClaims | null, now: Date): Promise<StaffSessionState> {
  if (!claims) return { status: "signedOut" };
  const session = await db.staffSession.findUnique({ where: { id: claims.sessionId }, select: { staffUser: { select: sessionUserSelect } } });
  const user: SessionUserRow | null = session?.staffUser ?? null;
  return evaluateStaffSession(claims, user, now);
}

/** Ends one session for good (sign-out). Unknown or already ended: nothing to do. */
export async function endStaffSession(sessionId: string): Promise<void> {
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}

/** Deletes the rows of sessions past their absolute limit (they can no longer be used anyway). */
export async function sweepExpiredStaffSessions(now: Date = new Date()): Promise<number> {
  const { count } = await db.staffSession.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
