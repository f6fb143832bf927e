import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashSecret } from "@/lib/security/secret-hash";

import { expireUnusedPasswordLinks } from "./password-links";
import { hashPasswordToken, isPasswordTokenShaped } from "./password-token";
import { passwordLinkStateOf } from "./rules";

/**
 * The public side of a one-time link (/atur-sandi): whoever holds the token may set the account's
 * password, once, before it expires. The token is consumed in the same transaction that stores the
 * password, by a conditional update that only one request can win, so two tabs submitting the same
 * link set one password. Setting it ends every session of the account, as a password change does.
 */

/** What a link can be, as the page tells it. "invalid": never issued, mistyped, or the account was deactivated. */
export type PasswordLinkStatus = { state: "usable"; name: string; email: string } | { state: "used" | "expired" | "invalid" };

export async function inspectPasswordLink(token: unknown, now: Date = new Date()): Promise<PasswordLinkStatus> {
  if (!isPasswordTokenShaped(token)) return { state: "invalid" };
  const link = await db.staffPasswordToken.findUnique({
    where: { tokenHash: hashPasswordToken(token) },
    select: { usedAt: true, expiresAt: true, staffUser: { select: { name: true, email: true, isActive: true } } },
  });
  if (!link || !link.staffUser.isActive) return { state: "invalid" };
  const state = passwordLinkStateOf(link, now);
  return state === "usable" ? { state, name: link.staffUser.name, email: link.staffUser.email } : { state };
}

export type SetPasswordOutcome = "done" | "used" | "expired" | "invalid";

export async function setPasswordWithLink(input: { token: string; newPassword: string }, now: Date = new Date()): Promise<SetPasswordOutcome> {
  // Checked before hashing, so a stream of made-up tokens costs no argon2 work.
  const status = await inspectPasswordLink(input.token, now);
  if (status.state !== "usable") return status.state;
  const passwordHash = await hashSecret(input.newPassword);
  const tokenHash = hashPasswordToken(input.token);

  return db.$transaction(async (tx) => {
    const consumed = await tx.staffPasswordToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, staffUser: { isActive: true } },
      data: { usedAt: now },
    });
    // Another request used it, or it expired, between the check and now.
    if (consumed.count !== 1) return "used";
    const link = await tx.staffPasswordToken.findUniqueOrThrow({ where: { tokenHash }, select: { staffUserId: true } });
    await tx.staffUser.update({
      where: { id: link.staffUserId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await expireUnusedPasswordLinks(tx, link.staffUserId, now);
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: link.staffUserId,
      action: AUDIT_ACTIONS.STAFF_PASSWORD_SET_BY_LINK,
      isPublic: false,
      after: { staffUserId: link.staffUserId },
      createdAt: now,
    });
    return "done";
  });
}
