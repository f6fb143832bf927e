/**
 * Where a holiday applies. Every Holiday row names one place in its scopeKey (the table's unique
 * key is (date, scopeKey), so a day is entered once per place):
 *   "national"           the whole country (national holidays and cuti bersama);
 *   "province:<name>"    the offices whose Office.province is <name> (a regional decree);
 *   "office:<id>"        one office (a local election, a regional head's decision).
 * An office therefore counts as days off: the national days, its province's days and its own.
 *
 * Pure: no Next.js, no Prisma.
 */

export const NATIONAL_SCOPE_KEY = "national";

export type HolidayPlace = { kind: "national" } | { kind: "province"; province: string } | { kind: "office"; officeId: number };

/** The office facts that decide which holidays apply to it. */
export type OfficeLocation = { officeId: number; province: string };

export function scopeKeyOf(place: HolidayPlace): string {
  switch (place.kind) {
    case "national":
      return NATIONAL_SCOPE_KEY;
    case "province":
      return `province:${place.province}`;
    case "office":
      return `office:${place.officeId}`;
  }
}

/** The place a scopeKey names, or null for a key no row should carry. */
export function parseScopeKey(scopeKey: string): HolidayPlace | null {
  if (scopeKey === NATIONAL_SCOPE_KEY) return { kind: "national" };
  if (scopeKey.startsWith("province:") && scopeKey.length > "province:".length) return { kind: "province", province: scopeKey.slice("province:".length) };
  const officeId = /^office:([1-9]\d*)$/.exec(scopeKey)?.[1];
  return officeId ? { kind: "office", officeId: Number(officeId) } : null;
}

/** The scopeKeys whose days an office does not work. */
export function scopeKeysForOffice(office: OfficeLocation): string[] {
  return [NATIONAL_SCOPE_KEY, scopeKeyOf({ kind: "province", province: office.province }), scopeKeyOf({ kind: "office", officeId: office.officeId })];
}

export function doesScopeApplyToOffice(scopeKey: string, office: OfficeLocation): boolean {
  return scopeKeysForOffice(office).includes(scopeKey);
}

/** The "YYYY-MM-DD" days off of one office, from holiday rows of any places. */
export function holidayKeysForOffice(rows: readonly { dateKey: string; scopeKey: string }[], office: OfficeLocation): ReadonlySet<string> {
  const applicable = new Set(scopeKeysForOffice(office));
  return new Set(rows.filter((row) => applicable.has(row.scopeKey)).map((row) => row.dateKey));
}

/** The "YYYY-MM-DD" national days alone: a year counts as entered only when it has some. */
export function nationalHolidayKeys(rows: readonly { dateKey: string; scopeKey: string }[]): ReadonlySet<string> {
  return new Set(rows.filter((row) => row.scopeKey === NATIONAL_SCOPE_KEY).map((row) => row.dateKey));
}
