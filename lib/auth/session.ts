import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { auth } from "@/auth";
import { getEnvironment } from "@/lib/env";
import { resolveClientAddress } from "@/lib/rate-limit/client-address";

import { endStaffSession, resolveStaffSession } from "./session-lookup";
import { sessionClaimsSchema, type StaffActor, type StaffSessionState } from "./session-policy";

/**
 * The one session helper every staff page, data function, Server Action and route handler
 * calls. The cookie only says who claims to be signed in; each request re-reads the user and
 * decides by the rules of session-policy.ts: sessions signed out (their StaffSession row gone),
 * inactive users, sessions from before a password change or forced sign-out (sessionVersion),
 * idle or too old sessions are signed out;
 * supervisors and admins without TOTP may do nothing but enroll.
 */

export type { StaffActor } from "./session-policy";

export const ACCOUNT_SECURITY_PATH = "/dasbor/akun";

const readSessionClaims = cache(async () => {
  const claims = sessionClaimsSchema.safeParse((await auth())?.staff);
  return claims.success ? claims.data : null;
});

/** The full state of this request's session, once per request. */
export const getStaffSession = cache(async (): Promise<StaffSessionState> => resolveStaffSession(await readSessionClaims(), new Date()));

/**
 * Ends this request's session on the server (sign-out), before its cookie is cleared. Done here
 * and not only in Auth.js's signOut event, which swallows errors: a failed delete must fail the
 * sign-out rather than leave a copy of the cookie working.
 */
export async function endCurrentStaffSession(): Promise<void> {
  const claims = await readSessionClaims();
  if (claims) await endStaffSession(claims.sessionId);
}

/** The signed-in staff user allowed to work, or null (signed out, ended, or TOTP enrollment pending). */
export async function getCurrentStaff(): Promise<StaffActor | null> {
  const state = await getStaffSession();
  return state.status === "active" ? state.actor : null;
}

/**
 * For staff pages: the signed-in user, or a redirect to sign in. A supervisor or admin who has
 * not enrolled TOTP yet is sent to the enrollment page, which alone passes
 * `allowPendingEnrollment`.
 */
export async function requireStaff(options: { allowPendingEnrollment?: boolean } = {}): Promise<StaffActor> {
  const state = await getStaffSession();
  if (state.status === "signedOut") redirect("/masuk");
  if (state.status === "enrollmentRequired" && !options.allowPendingEnrollment) redirect(ACCOUNT_SECURITY_PATH);
  return state.actor;
}

/** The client address abuse limits count by (only ever hashed; see lib/rate-limit/client-address.ts). */
export async function getClientAddress(): Promise<string> {
  return resolveClientAddress(await headers(), getEnvironment().TRUST_PROXY);
}
