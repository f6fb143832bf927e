import { z } from "@/lib/zod";

import { choice, codeText, positiveInteger, requiredText } from "@/lib/admin/reference-form";

/**
 * The category administration's forms. Pure and safe in the browser. A category's code and
 * national problem code are set when it is added: old cases and statistics are grouped by them.
 */

/** National complaint problem codes: 01 abuse of authority, 02 public service, 03 corruption / pungli. */
export const PROBLEM_CODES = ["01", "02", "03"] as const;

export const CATEGORY_TEXT_LIMITS = { code: 40, name: 200 } as const;

/** SLOW_SERVICE: upper-case letters and digits in words joined by underscores. */
export const CATEGORY_CODE_PATTERN = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

const names = { nameId: requiredText(CATEGORY_TEXT_LIMITS.name), nameEn: requiredText(CATEGORY_TEXT_LIMITS.name) };

export const categoryCreateSchema = z.object({
  code: codeText(CATEGORY_CODE_PATTERN, CATEGORY_TEXT_LIMITS.code, (text) => text.toUpperCase()),
  problemCode: choice(PROBLEM_CODES),
  ...names,
});
export const categoryUpdateSchema = z.object({ categoryId: positiveInteger, version: positiveInteger, ...names });
export const categoryStatusSchema = z.object({ categoryId: positiveInteger, version: positiveInteger });

export type CategoryCreateInput = z.infer<typeof categoryCreateSchema>;
export type CategoryUpdateInput = z.infer<typeof categoryUpdateSchema>;
export type CategoryStatusInput = z.infer<typeof categoryStatusSchema>;

export const CATEGORY_FORM_FIELDS = {
  create: ["code", "problemCode", "nameId", "nameEn"],
  update: ["categoryId", "version", "nameId", "nameEn"],
  status: ["categoryId", "version"],
} as const;
