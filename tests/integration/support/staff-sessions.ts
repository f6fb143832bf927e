import { startSessionClaims, type SessionClaims } from "@/lib/auth/session-policy";
import { mintSignInGrant, redeemSignInGrant } from "@/lib/auth/sign-in-grant";

/**
 * Signs a user in the way Auth.js does after the sign-in form (a grant redeemed: the session's
 * StaffSession row is opened) and gives the claims its cookie would carry.
 */
export async function openStaffSession(user: { id: string; sessionVersion: number }, now: Date): Promise<SessionClaims> {
  const redeemed = await redeemSignInGrant(mintSignInGrant(user, "reissue", now), now);
  if (!redeemed) throw new Error(`no session could be opened for ${user.id}`);
  return startSessionClaims(redeemed, now);
}
