import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseCsv } from "@/prisma/seed/csv";
import {
  addWorkingDays,
  countWorkingDaysBetween,
  endOfJakartaDay,
  findYearsWithoutHolidays,
  isWorkingDay,
  toJakartaDateKey,
} from "@/lib/deadlines/working-days";

const holidays = new Set(
  parseCsv(readFileSync(path.join(process.cwd(), "data", "indonesia-holidays.csv"), "utf8")).map((row) => row.date!),
);

/** An instant given as Jakarta wall-clock time. */
function jakarta(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}

describe("Jakarta calendar days", () => {
  it("takes the date in Jakarta, not in UTC", () => {
    expect(toJakartaDateKey(new Date("2026-03-16T16:59:00Z"))).toBe("2026-03-16");
    expect(toJakartaDateKey(new Date("2026-03-16T17:00:00Z"))).toBe("2026-03-17");
  });

  it("ends a day at 23:59:59.999 Jakarta time", () => {
    expect(endOfJakartaDay("2026-03-27").toISOString()).toBe("2026-03-27T16:59:59.999Z");
  });

  it("treats weekends, national holidays and cuti bersama as non-working days", () => {
    expect(isWorkingDay("2026-03-28", holidays)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-19", holidays)).toBe(false); // Nyepi
    expect(isWorkingDay("2026-03-23", holidays)).toBe(false); // cuti bersama Idulfitri
    expect(isWorkingDay("2026-03-25", holidays)).toBe(true);
  });
});

describe("addWorkingDays", () => {
  it("skips Nyepi and Idul Fitri 2026 with their cuti bersama", () => {
    // Received Tuesday 17 March 2026. 18-24 March are holidays, cuti bersama or the weekend.
    expect(addWorkingDays(jakarta("2026-03-17T10:00:00"), 3, holidays).toISOString()).toBe(endOfJakartaDay("2026-03-27").toISOString());
  });

  it("skips Christmas, its cuti bersama and New Year across the year end", () => {
    expect(toJakartaDateKey(addWorkingDays(jakarta("2025-12-24T09:00:00"), 3, holidays))).toBe("2025-12-31");
    expect(toJakartaDateKey(addWorkingDays(jakarta("2025-12-24T09:00:00"), 4, holidays))).toBe("2026-01-02");
  });

  it("counts from the Jakarta day of receipt, even late at night UTC", () => {
    // 23:59 on Monday 16 March in Jakarta: the next working day is Tuesday 17 March.
    expect(toJakartaDateKey(addWorkingDays(new Date("2026-03-16T16:59:00Z"), 1, holidays))).toBe("2026-03-17");
    // 00:30 on Tuesday 17 March in Jakarta: the next working day is after the Idul Fitri break.
    expect(toJakartaDateKey(addWorkingDays(new Date("2026-03-16T17:30:00Z"), 1, holidays))).toBe("2026-03-25");
  });

  it("returns the end of the same day for zero working days", () => {
    expect(addWorkingDays(jakarta("2026-05-04T08:00:00"), 0, holidays).toISOString()).toBe(endOfJakartaDay("2026-05-04").toISOString());
  });

  it("refuses negative or fractional day counts", () => {
    expect(() => addWorkingDays(new Date(), -1, holidays)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, holidays)).toThrow(RangeError);
  });
});

describe("countWorkingDaysBetween", () => {
  it("counts the working days after the first day up to and including the last", () => {
    expect(countWorkingDaysBetween(jakarta("2026-03-17T10:00:00"), jakarta("2026-03-27T09:00:00"), holidays)).toBe(3);
    expect(countWorkingDaysBetween(jakarta("2026-03-17T10:00:00"), jakarta("2026-03-17T15:00:00"), holidays)).toBe(0);
  });

  it("is the inverse of addWorkingDays", () => {
    const start = jakarta("2026-01-05T10:00:00");
    for (const days of [1, 2, 5, 14, 60]) {
      expect(countWorkingDaysBetween(start, addWorkingDays(start, days, holidays), holidays)).toBe(days);
    }
  });
});

describe("findYearsWithoutHolidays", () => {
  it("names the years the holiday table does not cover", () => {
    expect(findYearsWithoutHolidays(jakarta("2026-11-01T00:00:00"), jakarta("2027-02-01T00:00:00"), holidays)).toEqual([2027]);
    expect(findYearsWithoutHolidays(jakarta("2025-01-01T00:00:00"), jakarta("2026-12-31T00:00:00"), holidays)).toEqual([]);
  });
});
