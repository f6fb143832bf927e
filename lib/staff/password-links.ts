import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import { generatePasswordToken, hashPasswordToken } from "./password-token";
import { passwordLinkExpiryFrom } from "./rules";

/**
 * Issues a one-time set-password link inside the caller's transaction. Every earlier link of the
 * person that was not used yet stops working at once (its expiry is moved to now), so only the
 * newest link an admin handed out can set a password. The token itself is returned to be shown
 * once and is stored nowhere; the table keeps its SHA-256.
 */
export async function issuePasswordLinkInTransaction(
  tx: Prisma.TransactionClient,
  input: { staffUserId: string; createdById: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  await expireUnusedPasswordLinks(tx, input.staffUserId, input.now);
  const token = generatePasswordToken();
  const expiresAt = passwordLinkExpiryFrom(input.now);
  await tx.staffPasswordToken.create({
    data: { staffUserId: input.staffUserId, tokenHash: hashPasswordToken(token), expiresAt, createdById: input.createdById, createdAt: input.now },
  });
  return { token, expiresAt };
}

/** Ends every unused link of a person (a newer link, a deactivation, a password just set). */
export async function expireUnusedPasswordLinks(tx: Prisma.TransactionClient, staffUserId: string, now: Date): Promise<void> {
  await tx.staffPasswordToken.updateMany({ where: { staffUserId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}
