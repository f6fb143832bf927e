import "server-only";

import { randomUUID } from "node:crypto";

import { z } from "@/lib/zod";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { deriveAppKey } from "@/lib/env";

import { openExpiringJson, sealExpiringJson } from "./sealed-box";
import { ABSOLUTE_SESSION_SECONDS } from "./session-policy";

/**
 * The hand-over from our sign-in flow to Auth.js: a token sealed with a key only the server
 * holds, minted after every step passed and redeemed by the Credentials provider within the
 * same request. It never reaches a browser; the short life is a second fence.
 */

const GRANT_CONTEXT = "sign-in-grant";
const GRANT_LIFETIME_MS = 60_000;

/** How the user proved who they are; "reissue" renews the session of a user already signed in (after a password change or TOTP enrollment). */
export type SignInMethod = "password" | "passwordAndTotp" | "reissue";

const grantSchema = z.object({
  userId: z.uuid(),
  sessionVersion: z.number().int(),
  method: z.enum(["password", "passwordAndTotp", "reissue"]),
});

export function mintSignInGrant(user: { id: string; sessionVersion: number }, method: SignInMethod, now: Date = new Date()): string {
  return sealExpiringJson(
    { userId: user.id, sessionVersion: user.sessionVersion, method },
    { key: deriveAppKey("sign-in-grant"), context: GRANT_CONTEXT, expiresAt: new Date(now.getTime() + GRANT_LIFETIME_MS) },
  );
}

/**
 * The user to start a session for, or null. Re-checks that the user is still active and that
 * nothing ended their sessions since the grant was minted, then opens the session's StaffSession
 * row (its id goes into the cookie); a real sign-in (not a reissue) is written to the audit trail.
 */
export async function redeemSignInGrant(
  grant: unknown,
  now: Date = new Date(),
): Promise<{ id: string; sessionVersion: number; sessionId: string } | null> {
  if (typeof grant !== "string") return null;
  const parsed = grantSchema.safeParse(openExpiringJson(grant, { key: deriveAppKey("sign-in-grant"), context: GRANT_CONTEXT, now }));
  if (!parsed.success) return null;
  const { userId, sessionVersion, method } = parsed.data;

  const user = await db.staffUser.findUnique({ where: { id: userId }, select: { id: true, isActive: true, sessionVersion: true } });
  if (!user?.isActive || user.sessionVersion !== sessionVersion) return null;

  const sessionId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.staffSession.create({
      data: { id: sessionId, staffUserId: userId, createdAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_SESSION_SECONDS * 1000) },
      select: { id: true },
    });
    if (method === "reissue") return;
    await tx.staffUser.update({ where: { id: userId }, data: { lastSignInAt: now } });
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: userId,
      action: AUDIT_ACTIONS.STAFF_SIGNED_IN,
      isPublic: false,
      after: { method },
      createdAt: now,
    });
  });
  return { id: user.id, sessionVersion: user.sessionVersion, sessionId };
}
