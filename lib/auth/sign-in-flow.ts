import "server-only";

import { db } from "@/lib/db";

import { normalizeEmail, verifyStaffPassword } from "./credentials";
import { isRecoveryCodeShaped } from "./recovery-code-format";
import { consumeRecoveryCode } from "./recovery-codes";
import { consumeTotpCode } from "./second-factor";
import { isTotpRequiredFor } from "./session-policy";
import { mintSignInGrant } from "./sign-in-grant";
import { refundSignInAttempt, reserveSignInAttempt } from "./sign-in-limits";

/**
 * The two steps of signing in, free of Next (the Server Action in sign-in-actions.ts does the
 * cookies and redirects). Outcomes are deliberately coarse: "invalid" covers an unknown email,
 * a wrong password and a deactivated account alike.
 */

export type PasswordStepOutcome =
  | { outcome: "rateLimited" }
  | { outcome: "invalid" }
  /** Password right and no second step: here is the grant for Auth.js. A supervisor or admin without TOTP must enroll before anything else. */
  | { outcome: "signedIn"; grant: string; mustEnrollTotp: boolean }
  /** Password right; the user has TOTP and must now enter a code. */
  | { outcome: "codeRequired"; userId: string; sessionVersion: number };

export async function attemptPasswordStep(input: { email: string; password: string; clientAddress: string; now?: Date }): Promise<PasswordStepOutcome> {
  const now = input.now ?? new Date();
  const subject = { email: normalizeEmail(input.email), clientAddress: input.clientAddress };
  if (!(await reserveSignInAttempt(subject, now))) return { outcome: "rateLimited" };

  const check = await verifyStaffPassword(subject.email, input.password);
  if (!check.ok) return { outcome: "invalid" };
  await refundSignInAttempt(subject, now);

  if (check.user.hasTotp) return { outcome: "codeRequired", userId: check.user.id, sessionVersion: check.user.sessionVersion };
  return { outcome: "signedIn", grant: mintSignInGrant(check.user, "password", now), mustEnrollTotp: isTotpRequiredFor(check.user.role) };
}

export type CodeStepOutcome =
  | { outcome: "rateLimited" }
  | { outcome: "invalidCode" }
  /** The user was deactivated or their sessions ended since the password step: start again. */
  | { outcome: "expired" }
  | { outcome: "signedIn"; grant: string };

export async function attemptCodeStep(input: {
  challenge: { userId: string; sessionVersion: number };
  code: string;
  clientAddress: string;
  now?: Date;
}): Promise<CodeStepOutcome> {
  const now = input.now ?? new Date();
  const user = await db.staffUser.findUnique({
    where: { id: input.challenge.userId },
    select: { id: true, email: true, isActive: true, sessionVersion: true },
  });
  if (!user?.isActive || user.sessionVersion !== input.challenge.sessionVersion) return { outcome: "expired" };

  // Wrong codes count against the same account and client limits as wrong passwords.
  const subject = { email: user.email, clientAddress: input.clientAddress };
  if (!(await reserveSignInAttempt(subject, now))) return { outcome: "rateLimited" };
  // A recovery code (letters and digits, ten of them) stands in for a lost authenticator.
  const isAccepted = isRecoveryCodeShaped(input.code) ? await consumeRecoveryCode(user.id, input.code, now) : await consumeTotpCode(user.id, input.code, now);
  if (!isAccepted) return { outcome: "invalidCode" };
  await refundSignInAttempt(subject, now);

  return { outcome: "signedIn", grant: mintSignInGrant(user, "passwordAndTotp", now) };
}
