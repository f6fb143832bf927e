"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";

import { beginTotpEnrollment, changeStaffPassword, confirmTotpEnrollment } from "./account";
import { verifyPasswordOf } from "./credentials";
import { regenerateRecoveryCodes } from "./recovery-codes";
import { clearRecoveryCodesForDisplay, setRecoveryCodesForDisplay } from "./recovery-codes-display";
import { changePasswordSchema, firstFieldErrors, totpCodeSchema } from "./schemas";
import { consumeTotpCode } from "./second-factor";
import { ACCOUNT_SECURITY_PATH, getClientAddress, requireStaff, type StaffActor } from "./session";
import { mintSignInGrant } from "./sign-in-grant";
import { refundSignInAttempt, reserveSignInAttempt } from "./sign-in-limits";

/**
 * Server Actions of /dasbor/akun. Each re-checks the session itself; the enrollment actions are
 * the only work a supervisor or admin without TOTP may do.
 */

export type AccountFormState = {
  error?: "invalidCode" | "wrongCurrentPassword" | "rateLimited" | "unexpected";
  fieldErrors?: Partial<Record<"code" | "currentPassword" | "newPassword" | "confirmPassword", string>>;
  /** A new set of recovery codes, in this answer only: never stored in clear, never shown again. */
  recoveryCodes?: string[];
};

export async function startTotpEnrollment(): Promise<void> {
  const actor = await requireStaff({ allowPendingEnrollment: true });
  await beginTotpEnrollment(actor);
  // The page shows the new secret when rendered again (without JavaScript: the form's own response).
  revalidatePath(ACCOUNT_SECURITY_PATH);
}

export async function submitTotpEnrollment(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const actor = await requireStaff({ allowPendingEnrollment: true });
  const parsed = totpCodeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error) };

  const enrolled = await confirmTotpEnrollment(actor, parsed.data.code);
  if (enrolled === null) return { error: "invalidCode" };
  await setRecoveryCodesForDisplay(actor.id, enrolled.recoveryCodes);
  return reissueSessionAndReturn(actor, enrolled.sessionVersion, "totp-enabled");
}

/** The person has kept their first recovery codes: they are no longer shown, and the dashboard opens. */
export async function finishRecoveryCodesDisplay(): Promise<void> {
  await requireStaff();
  await clearRecoveryCodesForDisplay();
  redirect("/dasbor");
}

/** A new set of recovery codes (the old ones stop working), on a current TOTP code. */
export async function submitRecoveryCodesRegeneration(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const actor = await requireStaff();
  const parsed = totpCodeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error) };

  // Whoever holds a session must still hold the authenticator; guessing is limited like signing in.
  const now = new Date();
  const subject = { email: actor.email, clientAddress: await getClientAddress() };
  if (!(await reserveSignInAttempt(subject, now))) return { error: "rateLimited" };
  if (!(await consumeTotpCode(actor.id, parsed.data.code, now))) return { error: "invalidCode" };
  await refundSignInAttempt(subject, now);

  const recoveryCodes = await regenerateRecoveryCodes(actor.id, now);
  if (!recoveryCodes) return { error: "unexpected" };
  revalidatePath(ACCOUNT_SECURITY_PATH);
  return { recoveryCodes };
}

export async function submitPasswordChange(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const actor = await requireStaff();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error) };

  // Whoever holds a session must still know the password; guessing it is limited like signing in.
  const now = new Date();
  const subject = { email: actor.email, clientAddress: await getClientAddress() };
  if (!(await reserveSignInAttempt(subject, now))) return { error: "rateLimited" };
  if (!(await verifyPasswordOf(actor.id, parsed.data.currentPassword))) return { error: "wrongCurrentPassword" };
  await refundSignInAttempt(subject, now);

  const sessionVersion = await changeStaffPassword(actor, parsed.data.newPassword, now);
  return reissueSessionAndReturn(actor, sessionVersion, "password-changed");
}

/** Every session of the user just ended; this one goes on with a fresh cookie. False when Auth.js refused. */
async function reissueSession(actor: StaffActor, sessionVersion: number): Promise<boolean> {
  try {
    await signIn("credentials", { grant: mintSignInGrant({ id: actor.id, sessionVersion }, "reissue"), redirect: false });
    return true;
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    console.error("Session reissue refused by Auth.js", error.type);
    return false;
  }
}

async function reissueSessionAndReturn(actor: StaffActor, sessionVersion: number, status: string): Promise<AccountFormState> {
  if (!(await reissueSession(actor, sessionVersion))) return { error: "unexpected" };
  redirect(`${ACCOUNT_SECURITY_PATH}?status=${status}`);
}
