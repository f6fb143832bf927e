import type { StaffFormField } from "./errors";

/**
 * What the staff administration's Server Actions answer (kept out of the "use server" module,
 * which may export async functions only). Messages are codes: "conflict", "unexpected" and
 * "invalid" are AdminErrors (messages/admin), every other code is AdminStaff.errors.
 */

export type StaffFormName = "create" | "roleScope" | "deactivate" | "reactivate" | "resetTotp" | "issueLink" | "clearLock";

export type StaffNotice = "created" | "roleScopeSaved" | "deactivated" | "reactivated" | "totpReset" | "linkIssued" | "lockCleared" | "noLock";

/** A set-password link to show the admin once: it is stored nowhere in readable form. */
export type OneTimeLink = { url: string; expiresAt: string; staffId: string; name: string; email: string };

export type StaffActionState =
  | { status: "idle" }
  | { status: "success"; form: StaffFormName; notice: StaffNotice; link?: OneTimeLink }
  | {
      status: "error";
      form: StaffFormName;
      message: string;
      fieldErrors: Partial<Record<StaffFormField, string>>;
      /** What the admin typed, to put back in the form. */
      values: Record<string, string>;
    };

export const IDLE_STAFF_STATE: StaffActionState = { status: "idle" };

/** The codes translated by AdminErrors rather than AdminStaff.errors. */
export const ADMIN_ERROR_CODES = ["conflict", "unexpected", "invalid"] as const;

export function isAdminErrorCode(code: string): code is (typeof ADMIN_ERROR_CODES)[number] {
  return (ADMIN_ERROR_CODES as readonly string[]).includes(code);
}

/** What the public set-password form answers; its codes are SetPassword.errors. */
export type SetPasswordState =
  | { status: "idle" }
  | { status: "error"; message: string | null; fieldErrors: Partial<Record<"newPassword" | "confirmPassword", string>> };
