import "server-only";

import { randomBytes } from "node:crypto";

import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret, verifySecret } from "@/lib/security/secret-hash";

/**
 * The password step. Every failure (unknown email, wrong password, deactivated account) gives
 * the same answer after the same work: an unknown email is checked against a throwaway hash,
 * so neither the result nor the response time tells whether an account exists.
 */

export type PasswordCheck =
  | { ok: true; user: { id: string; role: Role; sessionVersion: number; hasTotp: boolean } }
  | { ok: false };

let throwawayHash: Promise<string> | undefined;

function getThrowawayHash(): Promise<string> {
  throwawayHash ??= hashSecret(randomBytes(32).toString("base64url"));
  return throwawayHash;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifyStaffPassword(email: string, password: string): Promise<PasswordCheck> {
  const user = await db.staffUser.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, role: true, isActive: true, sessionVersion: true, totpEnabledAt: true, passwordHash: true },
  });
  const isPasswordRight = await verifySecret(user?.passwordHash ?? (await getThrowawayHash()), password);
  if (!user || !isPasswordRight || !user.isActive) return { ok: false };
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion, hasTotp: user.totpEnabledAt !== null } };
}

/** For a signed-in user re-entering their password (changing it): same checks, by id. */
export async function verifyPasswordOf(userId: string, password: string): Promise<boolean> {
  const user = await db.staffUser.findUnique({ where: { id: userId }, select: { isActive: true, passwordHash: true } });
  return Boolean(user?.isActive) && (await verifySecret(user?.passwordHash ?? (await getThrowawayHash()), password));
}
