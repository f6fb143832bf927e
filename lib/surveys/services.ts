import "server-only";

import { db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The services a visitor can say they used, in the visitor's language. */
export async function listSurveyServices(locale: Locale): Promise<{ code: string; name: string }[]> {
  const services = await db.service.findMany({
    where: { isActive: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameId: true, nameEn: true },
  });
  return services.map((service) => ({ code: service.code, name: locale === "en" ? service.nameEn : service.nameId }));
}
