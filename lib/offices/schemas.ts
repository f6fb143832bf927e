import { z } from "@/lib/zod";

import { choice, codeText, optionalText, positiveInteger, requiredText } from "@/lib/admin/reference-form";

import { OFFICE_CLASSES, PROVINCES } from "./provinces";
import { toSearchText } from "@/lib/search-text";

/**
 * The office administration's forms and list filters. Pure and safe in the browser. The code, the
 * regional office, the city and the province are set when an office is added and not edited
 * afterwards: they place the office in staff scopes and regional holidays.
 */

export const OFFICE_TEXT_LIMITS = { name: 200, address: 500, phone: 50, openingHours: 200, city: 100, code: 60 } as const;

/** kanim-bekasi: lower-case letters and digits in words joined by hyphens. */
export const OFFICE_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An empty class means "not known". */
const officeClass = z.unknown().transform((value, context): string | null => {
  const cleaned = typeof value === "string" ? value.trim() : "";
  if (cleaned === "") return null;
  if (!(OFFICE_CLASSES as readonly string[]).includes(cleaned)) {
    context.addIssue({ code: "custom", message: "invalidChoice" });
    return z.NEVER;
  }
  return cleaned;
});

const officeDetails = {
  name: requiredText(OFFICE_TEXT_LIMITS.name),
  officeClass,
  address: optionalText(OFFICE_TEXT_LIMITS.address),
  phone: optionalText(OFFICE_TEXT_LIMITS.phone),
  openingHours: optionalText(OFFICE_TEXT_LIMITS.openingHours),
};

export const officeUpdateSchema = z.object({ officeId: positiveInteger, version: positiveInteger, ...officeDetails });
export const officeCreateSchema = z.object({
  code: codeText(OFFICE_CODE_PATTERN, OFFICE_TEXT_LIMITS.code, (text) => text.toLowerCase()),
  regionalOfficeId: positiveInteger,
  province: choice(PROVINCES),
  city: requiredText(OFFICE_TEXT_LIMITS.city),
  ...officeDetails,
});
export const officeStatusSchema = z.object({ officeId: positiveInteger, version: positiveInteger });

export type OfficeUpdateInput = z.infer<typeof officeUpdateSchema>;
export type OfficeCreateInput = z.infer<typeof officeCreateSchema>;
export type OfficeStatusInput = z.infer<typeof officeStatusSchema>;

export const OFFICE_FORM_FIELDS = {
  update: ["officeId", "version", "name", "officeClass", "address", "phone", "openingHours"],
  create: ["code", "regionalOfficeId", "province", "city", "name", "officeClass", "address", "phone", "openingHours"],
  status: ["officeId", "version"],
} as const;

export const OFFICE_STATUS_FILTERS = ["all", "open", "closed"] as const;
export type OfficeStatusFilter = (typeof OFFICE_STATUS_FILTERS)[number];

export type OfficeListFilters = { q: string; regionalOfficeId: number | null; status: OfficeStatusFilter };

/** The list's filters from the URL; anything unreadable falls back to "no filter". */
export function parseOfficeListFilters(params: Record<string, string | string[] | undefined>): OfficeListFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  const q = toSearchText(first(params.q), 100);
  const region = first(params.region);
  const status = first(params.status);
  return {
    q,
    regionalOfficeId: /^\d{1,9}$/.test(region) && Number(region) > 0 ? Number(region) : null,
    status: (OFFICE_STATUS_FILTERS as readonly string[]).includes(status) ? (status as OfficeStatusFilter) : "all",
  };
}
