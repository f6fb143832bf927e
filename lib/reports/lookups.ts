import "server-only";

import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { findFeesInForce } from "@/lib/fees/fees";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The report form's choices: active reference data only, named in the visitor's language. */

export type OfficeOption = { code: string; name: string; city: string; province: string };
export type ServiceOption = { code: string; name: string; feeRupiah: number };
export type CategoryOption = { code: string; name: string; problemCode: string };

/** Sorted by province, then name, so the list can be grouped by province. */
export async function listOfficesForForm(): Promise<OfficeOption[]> {
  return db.office.findMany({
    where: { isActive: true },
    orderBy: [{ province: "asc" }, { name: "asc" }],
    select: { code: true, name: true, city: true, province: true },
  });
}

/** With the official fee (tarif PNBP) in force today, shown next to the amount a pungli reporter was asked for. */
export async function listServicesForForm(locale: Locale, now: Date = new Date()): Promise<ServiceOption[]> {
  const services = await db.service.findMany({
    where: { isActive: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameId: true, nameEn: true },
  });
  const fees = await findFeesInForce(
    services.map((service) => service.id),
    toJakartaDateKey(now),
  );
  return services
    .filter((service) => fees.has(service.id))
    .map((service) => ({ code: service.code, name: locale === "en" ? service.nameEn : service.nameId, feeRupiah: fees.get(service.id)! }));
}

export async function listCategoriesForForm(locale: Locale): Promise<CategoryOption[]> {
  const categories = await db.category.findMany({
    where: { isActive: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameId: true, nameEn: true, problemCode: true },
  });
  return categories.map((category) => ({ code: category.code, name: locale === "en" ? category.nameEn : category.nameId, problemCode: category.problemCode }));
}
