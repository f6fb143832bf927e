import "server-only";

import { assertAdmin } from "@/lib/admin/guard";
import { AdminNotFoundError } from "@/lib/admin/errors";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NATIONAL_SCOPE_KEY, parseScopeKey } from "@/lib/deadlines/holiday-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HolidayKind } from "@/lib/generated/prisma/enums";

/**
 * What the holiday page of the administration reads: one year's national days and cuti bersama,
 * the regional days of one chosen place, and the places (the offices' provinces and the offices)
 * a regional day can be given to. Admins only; anyone else gets AdminNotFoundError (a 404).
 */

export const holidayEntrySelect = {
  id: true,
  version: true,
  date: true,
  nameId: true,
  nameEn: true,
  kind: true,
  source: true,
  scopeKey: true,
} satisfies Prisma.HolidaySelect;

export type HolidayEntry = {
  id: number;
  version: number;
  dateKey: string;
  nameId: string;
  nameEn: string;
  kind: HolidayKind;
  source: string | null;
  scopeKey: string;
};

export function toHolidayEntry(row: Prisma.HolidayGetPayload<{ select: typeof holidayEntrySelect }>): HolidayEntry {
  const { date, ...rest } = row;
  return { ...rest, dateKey: date.toISOString().slice(0, 10) };
}

export type HolidayPlaces = {
  provinces: string[];
  offices: { id: number; code: string; name: string; province: string; isActive: boolean }[];
};

export type HolidayYear = {
  year: number;
  national: HolidayEntry[];
  /** The chosen place's regional days, or null when no place is chosen. */
  regional: HolidayEntry[] | null;
  /** Every place with regional days this year, with how many. */
  regionalPlaces: { scopeKey: string; count: number }[];
};

/** The first and last day of a year, as the Date values of a @db.Date column. */
export function yearRange(year: number): { gte: Date; lte: Date } {
  return { gte: new Date(`${year}-01-01T00:00:00.000Z`), lte: new Date(`${year}-12-31T00:00:00.000Z`) };
}

export async function findHolidayPlaces(actor: StaffActor): Promise<HolidayPlaces> {
  assertAdmin(actor);
  const offices = await db.office.findMany({ orderBy: [{ name: "asc" }], select: { id: true, code: true, name: true, province: true, isActive: true } });
  const provinces = [...new Set(offices.map((office) => office.province))].sort((a, b) => a.localeCompare(b, "id"));
  return { provinces, offices };
}

/** Whether a place key names a province or office that exists (national always does). */
export function isKnownPlace(places: HolidayPlaces, scopeKey: string): boolean {
  const place = parseScopeKey(scopeKey);
  if (!place) return false;
  if (place.kind === "national") return true;
  if (place.kind === "province") return places.provinces.includes(place.province);
  return places.offices.some((office) => office.id === place.officeId);
}

export async function findHolidayYear(actor: StaffActor, input: { year: number; regionalScopeKey: string | null }): Promise<HolidayYear> {
  assertAdmin(actor);
  const date = yearRange(input.year);
  const [national, regional, regionalPlaces] = await Promise.all([
    db.holiday.findMany({ where: { scopeKey: NATIONAL_SCOPE_KEY, date }, orderBy: { date: "asc" }, select: holidayEntrySelect }),
    input.regionalScopeKey && input.regionalScopeKey !== NATIONAL_SCOPE_KEY
      ? db.holiday.findMany({ where: { scopeKey: input.regionalScopeKey, date }, orderBy: { date: "asc" }, select: holidayEntrySelect })
      : null,
    db.holiday.groupBy({ by: ["scopeKey"], where: { scopeKey: { not: NATIONAL_SCOPE_KEY }, date }, _count: { _all: true }, orderBy: { scopeKey: "asc" } }),
  ]);
  return {
    year: input.year,
    national: national.map(toHolidayEntry),
    regional: regional?.map(toHolidayEntry) ?? null,
    regionalPlaces: regionalPlaces.map((row) => ({ scopeKey: row.scopeKey, count: row._count._all })),
  };
}

export async function findHolidayForEdit(actor: StaffActor, id: number): Promise<HolidayEntry> {
  assertAdmin(actor);
  const found = await db.holiday.findUnique({ where: { id }, select: holidayEntrySelect });
  if (!found) throw new AdminNotFoundError();
  return toHolidayEntry(found);
}
