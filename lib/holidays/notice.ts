import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findYearNeedingHolidays } from "@/lib/deadlines/holiday-notice";
import { NATIONAL_SCOPE_KEY } from "@/lib/deadlines/holiday-scope";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";

import { yearRange } from "./calendar";

/**
 * The dashboard's reminder that next year's holidays are missing (the rule and its reason:
 * lib/deadlines/holiday-notice.ts). Shown to admins, who can enter them, and supervisors, who
 * answer for the deadlines; officers see the per-case warning instead.
 */

export type HolidayNotice = { year: number; canEnterHolidays: boolean };

export async function findHolidayNotice(actor: StaffActor, options: { now?: Date } = {}): Promise<HolidayNotice | null> {
  if (actor.role !== "ADMIN" && actor.role !== "SUPERVISOR") return null;
  const now = options.now ?? new Date();
  const nextYear = Number(toJakartaDateKey(now).slice(0, 4)) + 1;
  const found = await db.holiday.findFirst({ where: { scopeKey: NATIONAL_SCOPE_KEY, date: yearRange(nextYear) }, select: { id: true } });
  const year = findYearNeedingHolidays(now, new Set(found ? [nextYear] : []));
  return year === null ? null : { year, canEnterHolidays: actor.role === "ADMIN" };
}
