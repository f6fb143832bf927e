"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { requireAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { describeError } from "@/lib/logging";

import type { OneTimeLink, StaffActionState, StaffFormName, StaffNotice } from "./action-state";
import { StaffFieldError, type StaffFormField } from "./errors";
import { buildSetPasswordUrl } from "./password-token";
import { STAFF_LIST_PATH } from "./paths";
import { resolveStaffScope } from "./rules";
import { createStaffSchema, roleScopeSchema, scopeRequestSchema, staffIdSchema, staffVersionSchema } from "./schemas";
import {
  clearStaffSignInLock,
  createStaffAccount,
  deactivateStaff,
  issueStaffPasswordLink,
  reactivateStaff,
  resetStaffTotp,
  updateStaffRoleScope,
  type IssuedLink,
} from "./staff-changes";

/**
 * The Server Actions of /dasbor/admin/petugas. Each is a public POST endpoint: requireAdmin
 * re-reads the session (a non-admin gets a 404, a signed-out caller goes to /masuk), zod checks
 * the form, and the data function checks the role again and applies the rules. Refusals come
 * back as codes with what was typed; nothing is logged but unexpected failures (without values).
 */

const FORM_FIELDS: Record<StaffFormName, readonly string[]> = {
  create: ["name", "email", "role", "scopeLevel", "officeId", "regionalOfficeId"],
  roleScope: ["staffId", "version", "role", "scopeLevel", "officeId", "regionalOfficeId"],
  deactivate: ["staffId", "version"],
  reactivate: ["staffId", "version"],
  resetTotp: ["staffId", "version"],
  issueLink: ["staffId", "version"],
  clearLock: ["staffId"],
};

const STAFF_FIELDS = new Set<string>(["name", "email", "role", "scopeLevel", "officeId", "regionalOfficeId"]);

function readValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

function toFieldErrors(error: z.ZodError): Partial<Record<StaffFormField, string>> {
  const fieldErrors: Partial<Record<StaffFormField, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (STAFF_FIELDS.has(field)) fieldErrors[field as StaffFormField] ??= issue.message;
  }
  return fieldErrors;
}

/**
 * The address the admin's browser used (the Origin of its POST, which Next has already checked
 * against the Host), so the link works wherever the admin reached the app.
 */
async function currentOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const origin = requestHeaders.get("origin");
  if (origin && URL.canParse(origin)) return origin;
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

async function toOneTimeLink(issued: IssuedLink): Promise<OneTimeLink> {
  return { url: buildSetPasswordUrl(await currentOrigin(), issued.token), expiresAt: issued.expiresAt.toISOString(), staffId: issued.staffId, name: issued.name, email: issued.email };
}

/** The scope problem of what was typed (an officer without an office...), shown with the other fields' errors. */
function scopeErrorsOf(form: StaffFormName, values: Record<string, string>): Partial<Record<StaffFormField, string>> {
  if (!FORM_FIELDS[form].includes("scopeLevel")) return {};
  const request = scopeRequestSchema.safeParse(values);
  if (!request.success) return {};
  const resolved = resolveStaffScope(request.data);
  return resolved.ok ? {} : { [resolved.problem.field]: resolved.problem.code };
}

async function runStaffAction<Data>(
  form: StaffFormName,
  formData: FormData,
  schema: z.ZodType<Data>,
  run: (actor: StaffActor, data: Data) => Promise<{ notice: StaffNotice; link?: OneTimeLink }>,
): Promise<StaffActionState> {
  const actor = await requireAdmin();
  const values = readValues(formData, FORM_FIELDS[form]);
  const failure = (message: string, fieldErrors: Partial<Record<StaffFormField, string>> = {}): StaffActionState => ({ status: "error", form, message, fieldErrors, values });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return failure("invalid", { ...scopeErrorsOf(form, values), ...toFieldErrors(parsed.error) });

  try {
    const result = await run(actor, parsed.data);
    revalidatePath(STAFF_LIST_PATH, "layout");
    return { status: "success", form, notice: result.notice, ...(result.link ? { link: result.link } : {}) };
  } catch (error) {
    if (error instanceof StaffFieldError) return failure("invalid", { [error.field]: error.code });
    if (error instanceof AdminConflictError) {
      revalidatePath(STAFF_LIST_PATH, "layout");
      return failure("conflict");
    }
    if (error instanceof AdminRuleError) return failure(error.code);
    if (error instanceof AdminNotFoundError) return failure("notFound");
    console.error(`Staff action "${form}" failed for admin ${actor.id}`, describeError(error));
    return failure("unexpected");
  }
}

export async function createStaffAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("create", formData, createStaffSchema, async (actor, data) => {
    const issued = await createStaffAccount(actor, data);
    return { notice: "created", link: await toOneTimeLink(issued) };
  });
}

export async function updateRoleScopeAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("roleScope", formData, roleScopeSchema, async (actor, data) => {
    await updateStaffRoleScope(actor, data);
    return { notice: "roleScopeSaved" };
  });
}

export async function deactivateStaffAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("deactivate", formData, staffVersionSchema, async (actor, data) => {
    await deactivateStaff(actor, data);
    return { notice: "deactivated" };
  });
}

export async function reactivateStaffAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("reactivate", formData, staffVersionSchema, async (actor, data) => {
    await reactivateStaff(actor, data);
    return { notice: "reactivated" };
  });
}

export async function resetTotpAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("resetTotp", formData, staffVersionSchema, async (actor, data) => {
    await resetStaffTotp(actor, data);
    return { notice: "totpReset" };
  });
}

export async function issuePasswordLinkAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("issueLink", formData, staffVersionSchema, async (actor, data) => {
    const issued = await issueStaffPasswordLink(actor, data);
    return { notice: "linkIssued", link: await toOneTimeLink(issued) };
  });
}

export async function clearSignInLockAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  return runStaffAction("clearLock", formData, staffIdSchema, async (actor, data) => ({
    notice: (await clearStaffSignInLock(actor, data)) ? "lockCleared" : "noLock",
  }));
}
