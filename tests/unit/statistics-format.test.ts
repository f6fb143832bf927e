import { describe, expect, it } from "vitest";

import {
  formatCount,
  formatDecimal,
  formatGeneratedAt,
  formatInstantDate,
  formatMonth,
  formatPercent,
  formatPeriod,
  formatRupiah,
  formatShare,
  MISSING_VALUE,
  monthWithinPeriod,
  describeScope,
  formatExportName,
} from "@/app/(staff)/dasbor/statistik/_components/statistics-format";

// Intl uses no-break and thin spaces (after "Rp", around a range's dash); the reader sees spaces.
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

describe("numbers on the statistics page", () => {
  it("groups thousands with a dot in Indonesian and a comma in English", () => {
    expect(formatCount(1234567, "id")).toBe("1.234.567");
    expect(formatCount(1234567, "en")).toBe("1,234,567");
  });

  it("writes shares as percentages with one decimal and the locale's decimal mark", () => {
    expect(formatPercent(0.567, "id")).toBe("56,7%");
    expect(formatPercent(0.567, "en")).toBe("56.7%");
    expect(formatPercent(1, "id")).toBe("100%");
  });

  it("shows a dash, never NaN, for a share with nothing to divide by", () => {
    expect(formatShare({ numerator: 0, denominator: 0, value: null }, "id")).toBe(MISSING_VALUE);
    expect(formatShare({ numerator: 0, denominator: 0, value: Number.NaN }, "en")).toBe(MISSING_VALUE);
    expect(formatPercent(Number.NaN, "id")).toBe(MISSING_VALUE);
    expect(formatDecimal(null, "id")).toBe(MISSING_VALUE);
  });

  it("writes a share that has a denominator", () => {
    expect(formatShare({ numerator: 3, denominator: 4, value: 0.75 }, "id")).toBe("75%");
  });

  it("writes working days and averages with at most one decimal", () => {
    expect(formatDecimal(2.54, "id")).toBe("2,5");
    expect(formatDecimal(4, "en")).toBe("4");
  });

  it("writes rupiah without cents, in both languages", () => {
    expect(plain(formatRupiah(1_500_000, "id"))).toBe("Rp 1.500.000");
    expect(plain(formatRupiah(1_500_000, "en"))).toBe("Rp 1,500,000");
    expect(formatRupiah(null, "id")).toBe(MISSING_VALUE);
  });
});

describe("dates on the statistics page", () => {
  it("writes a period within one month compactly", () => {
    expect(formatPeriod({ from: "2026-11-01", to: "2026-11-28" }, "id")).toBe("1–28 November 2026");
  });

  it("writes a period across years in full", () => {
    expect(plain(formatPeriod({ from: "2025-12-01", to: "2026-01-31" }, "id"))).toBe("1 Desember 2025 – 31 Januari 2026");
  });

  it("writes a one-day period as one date", () => {
    expect(formatPeriod({ from: "2026-11-01", to: "2026-11-01" }, "en")).toBe("November 1, 2026");
  });

  it("names months long, medium for narrow tables, and short for chart axes", () => {
    expect(formatMonth("2026-02", "id")).toBe("Februari 2026");
    expect(formatMonth("2026-02", "en", "short")).toBe("Feb 26");
    expect(formatMonth("2026-08", "id", "medium")).toBe("Agu 2026");
  });

  it("writes an instant as its Jakarta day, which may be the next UTC day", () => {
    expect(formatInstantDate("2026-03-31T18:30:00.000Z", "id")).toBe("1 April 2026");
  });

  it("writes the generation time in Jakarta time with its zone", () => {
    expect(plain(formatGeneratedAt("2026-11-28T03:55:00.000Z", "id"))).toBe("28 November 2026 pukul 10.55 WIB");
  });

  it("names the zone WIB in English too, not GMT+7", () => {
    expect(plain(formatGeneratedAt("2026-11-28T03:55:00.000Z", "en"))).toBe("November 28, 2026 at 10:55 AM WIB");
  });
});

describe("monthWithinPeriod", () => {
  const period = { from: "2026-01-15", to: "2026-03-10" };

  it("clips the first and last month to the period", () => {
    expect(monthWithinPeriod("2026-01", period)).toEqual({ from: "2026-01-15", to: "2026-01-31" });
    expect(monthWithinPeriod("2026-03", period)).toEqual({ from: "2026-03-01", to: "2026-03-10" });
  });

  it("keeps a whole month inside the period, leap days included", () => {
    expect(monthWithinPeriod("2028-02", { from: "2028-01-01", to: "2028-12-31" })).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("the scope in the statistics header", () => {
  const words = { all: "Nasional", none: "Tidak ada kantor" };

  it("names a regional office once, as stored, without putting \"Kantor Wilayah\" before its full name", () => {
    expect(describeScope({ kind: "region", name: "Kantor Wilayah Ditjen Imigrasi Jawa Barat" }, words)).toBe("Kantor Wilayah Ditjen Imigrasi Jawa Barat");
  });

  it("names the national scope and an empty scope in words", () => {
    expect(describeScope({ kind: "all" }, words)).toBe("Nasional");
    expect(describeScope({ kind: "none" }, words)).toBe("Tidak ada kantor");
  });
});

describe("an export in the list of recent exports", () => {
  it("writes its period in words in the user's language, not as ISO dates", () => {
    const job = { format: "xlsx", period: { from: "2026-03-01", to: "2026-03-31" } };
    expect(plain(formatExportName(job, "id"))).toBe("XLSX · 1–31 Maret 2026");
    expect(plain(formatExportName(job, "en"))).toBe("XLSX · March 1 – 31, 2026");
    expect(formatExportName(job, "id")).not.toContain("2026-03-01");
  });
});
