"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";

import { signIn, signOut } from "@/auth";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";

import { toDashboardReturnPath } from "./return-path";
import { firstFieldErrors, passwordStepSchema, signInCodeSchema } from "./schemas";
import { ACCOUNT_SECURITY_PATH, endCurrentStaffSession, getClientAddress, getStaffSession } from "./session";
import { clearSignInChallenge, readSignInChallenge, setSignInChallenge } from "./sign-in-challenge";
import { attemptCodeStep, attemptPasswordStep } from "./sign-in-flow";

/**
 * The sign-in form's Server Action (a public POST endpoint like every Server Action: it trusts
 * nothing from the form but what it checks). One action serves both steps, so the form keeps
 * working without JavaScript: the page re-renders with the returned state.
 */

export type SignInFormError = "invalidCredentials" | "invalidCode" | "rateLimited" | "challengeExpired" | "unexpected";

export type SignInFormState = {
  step: "password" | "code";
  error?: SignInFormError;
  fieldErrors?: { email?: string; password?: string; code?: string };
  /** Typed back into the email field after a failed attempt (never the password). */
  email?: string;
  returnPath: string;
};

export async function submitSignIn(previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const returnPath = toDashboardReturnPath(formData.get("returnPath"));
  const result = formData.get("step") === "code" ? await runCodeStep(formData, returnPath) : await runPasswordStep(formData, returnPath);
  if ("step" in result) return result;

  try {
    await signIn("credentials", { grant: result.grant, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // Only a race (deactivated between the check and here) leads here; say nothing more.
    console.error("Sign-in grant refused by Auth.js", error.type);
    return { step: "password", error: "unexpected", returnPath };
  }
  await clearSignInChallenge();
  redirect(result.mustEnrollTotp ? ACCOUNT_SECURITY_PATH : returnPath);
}

/** Both steps passed: the grant that starts the session, and where to go first. */
type PassedSignIn = { grant: string; mustEnrollTotp: boolean };

async function runPasswordStep(formData: FormData, returnPath: string): Promise<SignInFormState | PassedSignIn> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = passwordStepSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { step: "password", fieldErrors: firstFieldErrors(parsed.error), email, returnPath };

  const result = await attemptPasswordStep({ ...parsed.data, clientAddress: await getClientAddress() });
  switch (result.outcome) {
    case "rateLimited":
      return { step: "password", error: "rateLimited", email, returnPath };
    case "invalid":
      return { step: "password", error: "invalidCredentials", email, returnPath };
    case "codeRequired":
      await setSignInChallenge({ userId: result.userId, sessionVersion: result.sessionVersion });
      return { step: "code", returnPath };
    case "signedIn":
      return { grant: result.grant, mustEnrollTotp: result.mustEnrollTotp };
  }
}

async function runCodeStep(formData: FormData, returnPath: string): Promise<SignInFormState | PassedSignIn> {
  const challenge = await readSignInChallenge();
  if (!challenge) return { step: "password", error: "challengeExpired", returnPath };

  const parsed = signInCodeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { step: "code", fieldErrors: firstFieldErrors(parsed.error), returnPath };

  const result = await attemptCodeStep({ challenge, code: parsed.data.code, clientAddress: await getClientAddress() });
  switch (result.outcome) {
    case "rateLimited":
      return { step: "code", error: "rateLimited", returnPath };
    case "invalidCode":
      return { step: "code", error: "invalidCode", returnPath };
    case "expired":
      await clearSignInChallenge();
      return { step: "password", error: "challengeExpired", returnPath };
    case "signedIn":
      return { grant: result.grant, mustEnrollTotp: false };
  }
}

/**
 * Ends this browser's session: on the server first (a copy of the cookie stops working), then the
 * cookie is cleared and the sign-out written to the audit trail.
 */
export async function signOutStaff(): Promise<void> {
  const state = await getStaffSession();
  await endCurrentStaffSession();
  if (state.status !== "signedOut") {
    await db.$transaction((tx) =>
      recordEvent(tx, { caseId: null, actorKind: "STAFF", actorId: state.actor.id, action: AUDIT_ACTIONS.STAFF_SIGNED_OUT, isPublic: false }),
    );
  }
  await signOut({ redirect: false });
  redirect("/masuk?status=signed-out");
}
