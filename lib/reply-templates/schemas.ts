import { z } from "@/lib/zod";

import { positiveInteger, requiredText } from "@/lib/admin/reference-form";

/** The reply template forms. Pure and safe in the browser. */

export const TEMPLATE_TEXT_LIMITS = { title: 120, body: 5000 } as const;

const texts = {
  titleId: requiredText(TEMPLATE_TEXT_LIMITS.title),
  bodyId: requiredText(TEMPLATE_TEXT_LIMITS.body),
  titleEn: requiredText(TEMPLATE_TEXT_LIMITS.title),
  bodyEn: requiredText(TEMPLATE_TEXT_LIMITS.body),
};

/** An empty office means a national template. */
const officeRef = z.unknown().transform((value, context): number | null => {
  const cleaned = typeof value === "string" ? value.trim() : "";
  if (cleaned === "" || cleaned === "national") return null;
  if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) < 1) {
    context.addIssue({ code: "custom", message: "invalidChoice" });
    return z.NEVER;
  }
  return Number(cleaned);
});

export const templateCreateSchema = z.object({ officeId: officeRef, ...texts });
export const templateUpdateSchema = z.object({ templateId: positiveInteger, version: positiveInteger, ...texts });
export const templateStatusSchema = z.object({ templateId: positiveInteger, version: positiveInteger });

export type TemplateCreateInput = z.infer<typeof templateCreateSchema>;
export type TemplateUpdateInput = z.infer<typeof templateUpdateSchema>;
export type TemplateStatusInput = z.infer<typeof templateStatusSchema>;

export const TEMPLATE_FORM_FIELDS = {
  create: ["officeId", "titleId", "bodyId", "titleEn", "bodyEn"],
  update: ["templateId", "version", "titleId", "bodyId", "titleEn", "bodyEn"],
  status: ["templateId", "version"],
} as const;
