import { z } from "@/lib/zod";

import { newPasswordSchema } from "@/lib/auth/schemas";

import { SCOPE_LEVELS, STAFF_ROLES } from "./rules";
import { toSearchText } from "@/lib/search-text";

/**
 * The staff administration's forms and list filters. Error messages are message keys
 * (AdminStaff.errors in messages/admin-staff), so the forms show them in the page's language.
 * Scope coherence (which role takes which scope) is rules.ts's, checked after parsing.
 */

/** Stored lower-cased, as sign-in looks it up. */
export const staffEmailSchema = z
  .string()
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"))
  .transform((email) => email.toLowerCase());

/** Without NUL, which PostgreSQL text cannot store: a pasted one would otherwise fail the write. */
export const staffNameSchema = z
  .string()
  .transform((name) => name.replaceAll("\u0000", ""))
  .pipe(z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong"));

/** A select's value: "" (nothing chosen) is null. */
const optionalIdSchema = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : Number(value)))
  .pipe(z.number().int().positive().max(2_147_483_647).nullable());

const scopeFields = {
  role: z.enum(STAFF_ROLES, "roleRequired"),
  scopeLevel: z.enum(SCOPE_LEVELS, "scopeRequired"),
  officeId: optionalIdSchema.default(null),
  regionalOfficeId: optionalIdSchema.default(null),
};

const staffRef = {
  // Lower-cased: Postgres matches an upper-case UUID to the same row, and the rules that compare
  // it with the actor's own id (nobody changes their own role) must see the same value.
  staffId: z.uuid("invalid").transform((id) => id.toLowerCase()),
  version: z.coerce.number().int().positive().max(2_147_483_647),
};

/** The role and scope fields alone: read even when other fields fail, so every error shows at once. */
export const scopeRequestSchema = z.object(scopeFields);

export const createStaffSchema = z.object({ name: staffNameSchema, email: staffEmailSchema, ...scopeFields });
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

export const roleScopeSchema = z.object({ ...staffRef, ...scopeFields });
export type RoleScopeInput = z.infer<typeof roleScopeSchema>;

export const staffVersionSchema = z.object(staffRef);
export type StaffVersionRef = z.infer<typeof staffVersionSchema>;

export const staffIdSchema = z.object({ staffId: staffRef.staffId });

export const setPasswordSchema = z
  .object({
    token: z.string().min(1),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });

// --- The list's filters, in the URL ------------------------------------------------------------

export const STAFF_STATUS_FILTERS = ["all", "active", "inactive"] as const;
export type StaffStatusFilter = (typeof STAFF_STATUS_FILTERS)[number];

export type StaffListFilters = {
  q: string | null;
  role: (typeof STAFF_ROLES)[number] | null;
  officeId: number | null;
  status: StaffStatusFilter;
  page: number;
};

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Whatever the URL holds, a valid set of filters: unknown values fall back to "no filter". */
export function parseStaffListFilters(params: Record<string, string | string[] | undefined>): StaffListFilters {
  const q = toSearchText(firstOf(params.q), 200) || null;
  const role = z.enum(STAFF_ROLES).safeParse(firstOf(params.role));
  const officeId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(firstOf(params.office));
  const status = z.enum(STAFF_STATUS_FILTERS).safeParse(firstOf(params.status));
  const page = z.coerce.number().int().min(1).max(10_000).safeParse(firstOf(params.page));
  return {
    q,
    role: role.success ? role.data : null,
    officeId: officeId.success ? officeId.data : null,
    status: status.success ? status.data : "all",
    page: page.success ? page.data : 1,
  };
}

/** The query string of a list view ("" for the default view), for links and paging. */
export function toStaffListSearch(filters: Partial<StaffListFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.officeId) params.set("office", String(filters.officeId));
  if (filters.status && filters.status !== "all") params.set("status", filters.status);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
