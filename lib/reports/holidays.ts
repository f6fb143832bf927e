import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/** Holidays (national and cuti bersama) from the Jakarta day of `from` on, as "YYYY-MM-DD" keys for lib/deadlines. */
export async function loadHolidayKeysFrom(client: Pick<Prisma.TransactionClient, "holiday">, from: Date): Promise<Set<string>> {
  const dayBefore = new Date(from.getTime() - 24 * 60 * 60 * 1000);
  const holidays = await client.holiday.findMany({ where: { date: { gte: dayBefore } }, select: { date: true } });
  return new Set(holidays.map((holiday) => holiday.date.toISOString().slice(0, 10)));
}
