"use server";

import { redirect } from "next/navigation";

import { firstFieldErrors } from "@/lib/auth/schemas";
import { describeError } from "@/lib/logging";

import type { SetPasswordState } from "./action-state";
import { SET_PASSWORD_PATH } from "./password-token";
import { setPasswordSchema } from "./schemas";
import { setPasswordWithLink } from "./set-password";

/**
 * The public form of a one-time link (/atur-sandi). Anyone can post it, so it trusts only the
 * token: no session is read, nothing typed is logged, and the passwords are never sent back.
 * Success leaves the link's address for a page without the token, so a reload cannot resend it.
 */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const parsed = setPasswordSchema.safeParse({
    token: formData.get("token") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { status: "error", message: null, fieldErrors: firstFieldErrors(parsed.error) };

  let outcome: Awaited<ReturnType<typeof setPasswordWithLink>>;
  try {
    outcome = await setPasswordWithLink({ token: parsed.data.token, newPassword: parsed.data.newPassword });
  } catch (error) {
    console.error("Setting a password through a one-time link failed", describeError(error));
    return { status: "error", message: "unexpected", fieldErrors: {} };
  }
  if (outcome !== "done") return { status: "error", message: `link.${outcome}`, fieldErrors: {} };
  redirect(`${SET_PASSWORD_PATH}?status=done`);
}
