import { z } from "@/lib/zod";

import { isRecoveryCodeShaped } from "./recovery-code-format";

/**
 * The sign-in and account forms. Error messages are message keys (messages/auth/*.json), so
 * the forms show them in the user's language.
 */

/** argon2 hashes any length, so cap what a request can make it hash. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_NEW_PASSWORD_LENGTH = 12;

/** The rules for any password a person chooses: here, on /atur-sandi, and in `npm run admin:create`. */
export const newPasswordSchema = z.string().min(MIN_NEW_PASSWORD_LENGTH, "newPasswordTooShort").max(MAX_PASSWORD_LENGTH, "newPasswordTooLong");

export const passwordStepSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(MAX_PASSWORD_LENGTH, "passwordRequired"),
});

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "codeFormat")),
});

/** The sign-in code step: a 6-digit TOTP code or, instead, one of the user's recovery codes. */
export const signInCodeSchema = z.object({
  code: z
    .string()
    .max(64, "codeFormat")
    .refine((code) => /^\d{6}$/.test(code.replace(/\s/g, "")) || isRecoveryCodeShaped(code), "codeFormat")
    .transform((code) => (isRecoveryCodeShaped(code) ? code : code.replace(/\s/g, ""))),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "currentPasswordRequired").max(MAX_PASSWORD_LENGTH, "currentPasswordRequired"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" })
  .refine((values) => values.newPassword !== values.currentPassword, { path: ["newPassword"], message: "newPasswordUnchanged" });

/** The first message key per field, for the forms' per-field error regions. */
export function firstFieldErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
