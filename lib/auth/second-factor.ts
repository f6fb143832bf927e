import "server-only";

import { db } from "@/lib/db";

import { decodeBase32, findMatchingTotpStep } from "./totp";
import { decryptTotpSecret } from "./totp-secret";

/**
 * Checks a one-time code and uses it up in one statement: the step is stored only if it is
 * later than the last one used, so the same code (or an older one) works once, even when two
 * requests race with it.
 */
export async function consumeTotpCode(userId: string, code: string, now: Date = new Date()): Promise<boolean> {
  const user = await db.staffUser.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const step = findTotpStep(user.totpSecret, userId, code, now);
  if (step === null) return false;
  const { count } = await db.staffUser.updateMany({
    where: { id: userId, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
    data: { totpLastUsedStep: step },
  });
  return count === 1;
}

/** The time step a code matches under a stored (encrypted) secret, or null. */
export function findTotpStep(encryptedSecret: string, userId: string, code: string, now: Date): number | null {
  const secret = decryptTotpSecret(encryptedSecret, userId);
  const key = secret === null ? null : decodeBase32(secret);
  return key ? findMatchingTotpStep(key, normalizeTotpCode(code), now) : null;
}

/** People type codes with spaces ("123 456"); authenticator apps show them that way. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/\s/g, "");
}
