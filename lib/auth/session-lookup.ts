import "server-only";

import { db } from "@/lib/db";

import { evaluateStaffSession, type SessionClaims, type SessionUserRow, type StaffSessionState } from "./session-policy";

/**
 * The database half of a session check: the user's row as it is now, judged by
 * evaluateStaffSession. Kept apart from session.ts (which reads the cookie through Auth.js and
 * needs a Next request) so it can be tested on its own.
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
  const user: SessionUserRow | null = await db.staffUser.findUnique({ where: { id: claims.staffId }, select: sessionUserSelect });
  return evaluateStaffSession(claims, user, now);
}
