"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";

import { beginTotpEnrollment, changeStaffPassword, confirmTotpEnrollment } from "./account";
import { verifyPasswordOf } from "./credentials";
import { changePasswordSchema, firstFieldErrors, totpCodeSchema } from "./schemas";
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

  const sessionVersion = await confirmTotpEnrollment(actor, parsed.data.code);
  if (sessionVersion === null) return { error: "invalidCode" };
  return reissueSessionAndReturn(actor, sessionVersion, "totp-enabled");
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

/** Every session of the user just ended; this one goes on with a fresh cookie. */
async function reissueSessionAndReturn(actor: StaffActor, sessionVersion: number, status: string): Promise<AccountFormState> {
  try {
    await signIn("credentials", { grant: mintSignInGrant({ id: actor.id, sessionVersion }, "reissue"), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    console.error("Session reissue refused by Auth.js", error.type);
    return { error: "unexpected" };
  }
  redirect(`${ACCOUNT_SECURITY_PATH}?status=${status}`);
}
