import { z } from "@/lib/zod";

import { isRealDateKey } from "@/lib/deadlines/working-days";

/**
 * The forms of the reference data (offices, services and fees, categories, reply templates):
 * what a Server Action answers, and the zod pieces their schemas are built from. Every field
 * arrives as a string (FormData); every problem is a code the form translates
 * (AdminReferenceErrors.fields, AdminReferenceErrors.rules, AdminErrors). Safe in the browser.
 */

export type ReferenceFieldErrorCode = "required" | "tooLong" | "invalidFormat" | "invalidChoice" | "invalidDate" | "invalidAmount";

/** Refusals a user can cause, translated under AdminReferenceErrors.rules. */
export type ReferenceRuleCode =
  | "duplicateCode"
  | "regionalOfficeUnknown"
  | "feeDateTaken"
  | "feeAlreadyInForce"
  | "lastFeeNotDeletable"
  | "officeUnknown"
  | "oversightDeskStaysClosed";

/** AdminErrors (messages/admin) for the general ones, AdminReferenceErrors.rules for the rest. */
export type ReferenceMessageCode = "invalid" | "conflict" | "unexpected" | ReferenceRuleCode;

export type ReferenceFormState =
  | { status: "idle" }
  | {
      status: "error";
      message: ReferenceMessageCode;
      fieldErrors: Partial<Record<string, ReferenceFieldErrorCode[]>>;
      /** What was submitted, so the form shows it again and nothing typed is lost. */
      values: Record<string, string>;
    };

export const IDLE_REFERENCE_FORM_STATE: ReferenceFormState = { status: "idle" };

const GENERAL_MESSAGES: ReadonlySet<string> = new Set(["invalid", "conflict", "unexpected"]);

/** Whether a message code is one of AdminErrors' (else it is one of AdminReferenceErrors.rules). */
export function isGeneralMessage(code: ReferenceMessageCode): code is "invalid" | "conflict" | "unexpected" {
  return GENERAL_MESSAGES.has(code);
}

function cleanText(value: unknown): string {
  return typeof value === "string" ? value.replace(/\u0000/g, "").trim() : "";
}

function fail(context: z.RefinementCtx, code: ReferenceFieldErrorCode): never {
  context.addIssue({ code: "custom", message: code });
  return z.NEVER;
}

export const requiredText = (max: number) =>
  z.unknown().transform((value, context) => {
    const cleaned = cleanText(value);
    if (cleaned === "") return fail(context, "required");
    if (cleaned.length > max) return fail(context, "tooLong");
    return cleaned;
  });

/** Empty becomes null, so a cleared field clears the column. */
export const optionalText = (max: number) =>
  z.unknown().transform((value, context) => {
    const cleaned = cleanText(value);
    if (cleaned.length > max) return fail(context, "tooLong");
    return cleaned || null;
  });

export const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.unknown().transform((value, context): Values[number] => {
    const cleaned = cleanText(value);
    if (cleaned === "") return fail(context, "required");
    if (!values.includes(cleaned)) return fail(context, "invalidChoice");
    return cleaned as Values[number];
  });

/** A code typed by an admin: trimmed, then checked against the concept's own pattern. */
export const codeText = (pattern: RegExp, max: number, normalise: (text: string) => string) =>
  z.unknown().transform((value, context) => {
    const cleaned = normalise(cleanText(value));
    if (cleaned === "") return fail(context, "required");
    if (cleaned.length > max) return fail(context, "tooLong");
    if (!pattern.test(cleaned)) return fail(context, "invalidFormat");
    return cleaned;
  });

/** A record's id or version (a hidden input, or a choice from a list): a positive integer. */
export const positiveInteger = z.unknown().transform((value, context) => {
  const cleaned = cleanText(value);
  if (cleaned === "") return fail(context, "required");
  if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) < 1) return fail(context, "invalidFormat");
  return Number(cleaned);
});

/** "YYYY-MM-DD", a day that exists. */
export const dateKey = z.unknown().transform((value, context) => {
  const cleaned = cleanText(value);
  if (cleaned === "") return fail(context, "required");
  if (!isRealDateKey(cleaned)) return fail(context, "invalidDate");
  return cleaned;
});

/** The largest fee an admin may enter: ServiceFee.feeRupiah is an INT4 column, far above any tarif PNBP. */
export const MAX_FEE_RUPIAH = 2_147_483_647;

/** Whole rupiah, typed as 950000, 950.000 or Rp 950.000. Zero is a real fee (free services). */
export const rupiahAmount = z.unknown().transform((value, context) => {
  const compact = cleanText(value)
    .replace(/^(?:rp|idr)\.?/i, "")
    .replace(/\s+/g, "");
  if (compact === "") return fail(context, "required");
  const isPlain = /^\d+$/.test(compact);
  const isGrouped = /^\d{1,3}(?:\.\d{3})+$/.test(compact);
  if (!isPlain && !isGrouped) return fail(context, "invalidAmount");
  const amount = Number(compact.replace(/\./g, ""));
  if (!Number.isSafeInteger(amount) || amount > MAX_FEE_RUPIAH) return fail(context, "invalidAmount");
  return amount;
});

/** The submitted strings of the named fields. */
export function readFormValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

export function toReferenceFieldErrors(error: z.ZodError): Partial<Record<string, ReferenceFieldErrorCode[]>> {
  const fieldErrors: Partial<Record<string, ReferenceFieldErrorCode[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const codes = (fieldErrors[field] ??= []);
    const code = issue.message as ReferenceFieldErrorCode;
    if (!codes.includes(code)) codes.push(code);
  }
  return fieldErrors;
}
