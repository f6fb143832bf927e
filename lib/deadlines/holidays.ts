import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Loads the Holiday table (national holidays and cuti bersama) as "YYYY-MM-DD" keys for the
 * pure deadline functions. The table is small (a few dozen rows a year) and changes only when an
 * admin enters a new year, so every year is loaded: the "no holidays for this year" warning
 * needs to see all of them. Kept for a minute per instance so a busy queue does not read it on
 * every request, yet an admin's edit shows up soon.
 */

const CACHE_MS = 60_000;
let cached: { keys: ReadonlySet<string>; loadedAt: number } | undefined;

export async function loadHolidayKeys(client: Pick<Prisma.TransactionClient, "holiday"> = db, now: Date = new Date()): Promise<ReadonlySet<string>> {
  if (client === db && cached && now.getTime() - cached.loadedAt < CACHE_MS) return cached.keys;
  const rows = await client.holiday.findMany({ where: { scopeKey: "national" }, select: { date: true } });
  const keys: ReadonlySet<string> = new Set(rows.map((row) => row.date.toISOString().slice(0, 10)));
  if (client === db) cached = { keys, loadedAt: now.getTime() };
  return keys;
}

/** Drops the cached keys, so the next load reads the table (after an admin edits holidays, and in tests). */
export function forgetLoadedHolidays(): void {
  cached = undefined;
}
