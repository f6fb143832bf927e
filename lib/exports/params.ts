import { z } from "@/lib/zod";

import { CaseKind, Channel } from "@/lib/generated/prisma/enums";
import { PERIOD_PRESETS } from "@/lib/statistics/period";

import { CSV_SEPARATORS } from "./csv";

/**
 * What an export job is asked to produce, as stored in ExportJob.params (JSON) and read back by
 * the worker. The worker validates it again: a row written by an older version of the app, or
 * edited by hand, fails the job with a code instead of exporting something unintended.
 */

export const EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1).max(100);

export const exportParamsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(["id", "en"]),
  separator: z.enum(CSV_SEPARATORS),
  includeFreeText: z.boolean(),
  filters: z.object({
    period: z.object({ preset: z.enum(PERIOD_PRESETS), from: dateKey, to: dateKey }),
    office: code.optional(),
    kind: z.enum(CaseKind).optional(),
    channel: z.enum(Channel).optional(),
    category: code.optional(),
    service: code.optional(),
  }),
});

export type ExportParams = z.infer<typeof exportParamsSchema>;

/**
 * What the form sent, made safe to render back as the form's choices (an unknown value becomes
 * the default), so an answer never resets what the supervisor chose.
 */
export const exportFormChoicesSchema = z.object({
  format: z.enum(EXPORT_FORMATS).catch("csv"),
  locale: z.enum(["id", "en"]).optional().catch(undefined),
  separator: z.enum(CSV_SEPARATORS).optional().catch(undefined),
  includeFreeText: z
    .unknown()
    .transform((value) => value === "on" || value === "true")
    .catch(false),
});
export type ExportFormChoices = z.infer<typeof exportFormChoicesSchema>;

/** The fields of the export form besides the statistics filters (which come as the page's URL parameters). */
export const exportRequestFormSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(["id", "en"]),
  separator: z.enum(CSV_SEPARATORS).catch(";"),
  includeFreeText: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});
