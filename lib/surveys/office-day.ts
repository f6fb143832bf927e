/**
 * An office's calendar day. Indonesia has three time zones: an invitation code expires at the end
 * of the office's own day, and an answer is dated by it. The zone follows from the office's
 * province (Office.province, spelled as lib/offices/provinces.ts): WITA for Bali, Nusa Tenggara,
 * Kalimantan Selatan, Timur and Utara and all of Sulawesi; WIT for Maluku and Papua; WIB
 * elsewhere. None of the three observes daylight saving time, so a fixed offset is exact. Pure.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type OfficeTimeZone = { name: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura"; offsetHours: 7 | 8 | 9 };

const WIB: OfficeTimeZone = { name: "Asia/Jakarta", offsetHours: 7 };
const WITA: OfficeTimeZone = { name: "Asia/Makassar", offsetHours: 8 };
const WIT: OfficeTimeZone = { name: "Asia/Jayapura", offsetHours: 9 };

const WITA_PROVINCES = new Set(["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara"]);

export function officeTimeZone(province: string): OfficeTimeZone {
  if (province.startsWith("Papua") || province.startsWith("Maluku")) return WIT;
  if (province.startsWith("Sulawesi") || province === "Gorontalo" || WITA_PROVINCES.has(province)) return WITA;
  return WIB;
}

/** "YYYY-MM-DD" of the office's day at `instant`. */
export function officeDayKey(instant: Date, zone: OfficeTimeZone): string {
  return new Date(instant.getTime() + zone.offsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** The first instant after the office's day `dayKey` ("YYYY-MM-DD"): when that day's codes stop working. */
export function endOfOfficeDay(dayKey: string, zone: OfficeTimeZone): Date {
  return new Date(Date.parse(`${dayKey}T00:00:00Z`) + DAY_MS - zone.offsetHours * HOUR_MS);
}

/** The day as a Date at UTC midnight, how Prisma reads and writes a `@db.Date` column. */
export function dayKeyToDate(dayKey: string): Date {
  return new Date(`${dayKey}T00:00:00Z`);
}
