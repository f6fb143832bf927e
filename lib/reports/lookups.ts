import "server-only";

import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { dateKeyOf, pickFeeInForce } from "@/lib/fees/fee-history";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The report form's choices: active reference data only, named in the visitor's language. */

export type OfficeOption = { code: string; name: string; city: string; province: string };
/**
 * feeRupiah: the fee in force today. fees: the whole history, so the form can show the fee in
 * force on the incident date the reporter enters (pickFeeInForce), as filing will compare it.
 */
export type ServiceOption = { code: string; name: string; feeRupiah: number; fees: { feeRupiah: number; effectiveFrom: string }[] };
export type CategoryOption = { code: string; name: string; problemCode: string };

/** Sorted by province, then name, so the list can be grouped by province. */
export async function listOfficesForForm(): Promise<OfficeOption[]> {
  return db.office.findMany({
    where: { isActive: true },
    orderBy: [{ province: "asc" }, { name: "asc" }],
    select: { code: true, name: true, city: true, province: true },
  });
}

/** With the official fee (tarif PNBP) history, shown next to the amount a pungli reporter was asked for. */
export async function listServicesForForm(locale: Locale, now: Date = new Date()): Promise<ServiceOption[]> {
  const services = await db.service.findMany({
    where: { isActive: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameId: true, nameEn: true, fees: { orderBy: { effectiveFrom: "asc" }, select: { feeRupiah: true, effectiveFrom: true } } },
  });
  const today = toJakartaDateKey(now);
  return services.flatMap((service) => {
    const feeRupiah = pickFeeInForce(service.fees, today);
    if (feeRupiah === null) return [];
    const fees = service.fees.map((fee) => ({ feeRupiah: fee.feeRupiah, effectiveFrom: dateKeyOf(fee.effectiveFrom) }));
    return [{ code: service.code, name: locale === "en" ? service.nameEn : service.nameId, feeRupiah, fees }];
  });
}

export async function listCategoriesForForm(locale: Locale): Promise<CategoryOption[]> {
  const categories = await db.category.findMany({
    where: { isActive: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameId: true, nameEn: true, problemCode: true },
  });
  return categories.map((category) => ({ code: category.code, name: locale === "en" ? category.nameEn : category.nameId, problemCode: category.problemCode }));
}
