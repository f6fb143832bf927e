import { z } from "@/lib/zod";

import { codeText, dateKey, optionalText, positiveInteger, requiredText, rupiahAmount } from "@/lib/admin/reference-form";

/**
 * The service and fee administration's forms. Pure and safe in the browser. A fee is never
 * edited: a change is a new fee with the day it takes effect (see lib/fees/fee-history.ts).
 */

export const SERVICE_TEXT_LIMITS = { code: 60, name: 300, feeUnit: 100, legalBasis: 300 } as const;

/** paspor-el-10th: lower-case letters and digits in words joined by hyphens. */
export const SERVICE_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const names = {
  nameId: requiredText(SERVICE_TEXT_LIMITS.name),
  nameEn: requiredText(SERVICE_TEXT_LIMITS.name),
  feeUnit: optionalText(SERVICE_TEXT_LIMITS.feeUnit),
};

const fee = {
  feeRupiah: rupiahAmount,
  effectiveFrom: dateKey,
  legalBasis: optionalText(SERVICE_TEXT_LIMITS.legalBasis),
};

export const serviceUpdateSchema = z.object({ serviceId: positiveInteger, version: positiveInteger, ...names });
export const serviceCreateSchema = z.object({
  code: codeText(SERVICE_CODE_PATTERN, SERVICE_TEXT_LIMITS.code, (text) => text.toLowerCase()),
  ...names,
  ...fee,
});
export const feeAddSchema = z.object({ serviceId: positiveInteger, version: positiveInteger, ...fee });
export const feeDeleteSchema = z.object({ serviceId: positiveInteger, version: positiveInteger, feeId: positiveInteger });

export type ServiceUpdateInput = z.infer<typeof serviceUpdateSchema>;
export type ServiceCreateInput = z.infer<typeof serviceCreateSchema>;
export type FeeAddInput = z.infer<typeof feeAddSchema>;
export type FeeDeleteInput = z.infer<typeof feeDeleteSchema>;

export const SERVICE_FORM_FIELDS = {
  update: ["serviceId", "version", "nameId", "nameEn", "feeUnit"],
  create: ["code", "nameId", "nameEn", "feeUnit", "feeRupiah", "effectiveFrom", "legalBasis"],
  addFee: ["serviceId", "version", "feeRupiah", "effectiveFrom", "legalBasis"],
  deleteFee: ["serviceId", "version", "feeId"],
} as const;
