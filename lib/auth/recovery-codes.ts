import "server-only";

import { createHmac, randomInt } from "node:crypto";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { deriveAppKey } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

import { RECOVERY_CODE_COUNT, normalizeRecoveryCode } from "./recovery-code-format";

/**
 * One-time recovery codes: a staff user who has lost the phone with the authenticator signs in
 * with one of them instead of a TOTP code. Ten are made when TOTP is turned on, shown once (only
 * an HMAC under a key derived from APP_SECRET is stored: a database dump alone yields no code,
 * and 50 random bits per code leave nothing to guess offline without the key), and each works
 * once. A new set replaces the old one entirely. Making a set and using a code are audited.
 */

/** Crockford's base32: no I, L, O or U, so a code read off paper cannot be mistyped into another. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;

function hashRecoveryCode(userId: string, normalized: string): string {
  return createHmac("sha256", deriveAppKey("recovery-code")).update(`${userId}:${normalized}`).digest("base64url");
}

function generateRecoveryCode(): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Replaces the user's recovery codes with a new set inside the caller's transaction and returns
 * the codes in clear: the only time they exist outside the person's own copy.
 */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: userId } });
  await tx.staffRecoveryCode.createMany({
    data: codes.map((code) => ({ staffUserId: userId, codeHash: hashRecoveryCode(userId, code.replace("-", "")), createdAt: now })),
  });
  return codes;
}

/** A new set for a user who has TOTP on (from /dasbor/akun, after a current TOTP code). Null when TOTP is off. */
export async function regenerateRecoveryCodes(userId: string, now: Date = new Date()): Promise<string[] | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user?.totpEnabledAt) return null;
    const codes = await replaceRecoveryCodes(tx, userId, now);
    await recordEvent(tx, { caseId: null, actorKind: "STAFF", actorId: userId, action: AUDIT_ACTIONS.STAFF_RECOVERY_CODES_REGENERATED, isPublic: false, createdAt: now });
    return codes;
  });
}

/**
 * Uses up a recovery code in one statement (two requests racing with the same code: one wins).
 * True when the code was one of the user's unused ones.
 */
export async function consumeRecoveryCode(userId: string, typed: string, now: Date = new Date()): Promise<boolean> {
  const normalized = normalizeRecoveryCode(typed);
  if (normalized === null) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.staffRecoveryCode.updateMany({
      where: { staffUserId: userId, codeHash: hashRecoveryCode(userId, normalized), usedAt: null, staffUser: { totpEnabledAt: { not: null } } },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    const remaining = await tx.staffRecoveryCode.count({ where: { staffUserId: userId, usedAt: null } });
    await recordEvent(tx, { caseId: null, actorKind: "STAFF", actorId: userId, action: AUDIT_ACTIONS.STAFF_RECOVERY_CODE_USED, isPublic: false, after: { remaining }, createdAt: now });
    return true;
  });
}

/** How many unused codes the user has left (shown on /dasbor/akun). */
export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return db.staffRecoveryCode.count({ where: { staffUserId: userId, usedAt: null } });
}
