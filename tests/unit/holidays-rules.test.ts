import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { findYearNeedingHolidays } from "@/lib/deadlines/holiday-notice";
import { doesScopeApplyToOffice, holidayKeysForOffice, parseScopeKey, scopeKeyOf } from "@/lib/deadlines/holiday-scope";
import { parseHolidayCsv, readCsvRecords, type HolidayCsvContext, type ImportedHoliday } from "@/lib/holidays/csv-import";
import { daysOffChangedBy, planHolidayImport, type StoredHoliday } from "@/lib/holidays/import-plan";

const jakarta = (local: string) => new Date(`${local}+07:00`);

const context = (year: number): HolidayCsvContext => ({
  year,
  provinces: new Set(["Bali", "Kepulauan Riau"]),
  officeIdsByCode: new Map([["batam", 7]]),
});

const HEADER = "date,name_id,name_en,kind,source,province,office_code";

describe("which offices a holiday applies to", () => {
  const denpasar = { officeId: 3, province: "Bali" };

  it("national days apply to every office, province days to that province's offices, office days to that office", () => {
    expect(doesScopeApplyToOffice("national", denpasar)).toBe(true);
    expect(doesScopeApplyToOffice("province:Bali", denpasar)).toBe(true);
    expect(doesScopeApplyToOffice("province:Kepulauan Riau", denpasar)).toBe(false);
    expect(doesScopeApplyToOffice("office:3", denpasar)).toBe(true);
    expect(doesScopeApplyToOffice("office:30", denpasar)).toBe(false);
  });

  it("builds an office's days off from rows of every place", () => {
    const rows = [
      { dateKey: "2027-01-01", scopeKey: "national" },
      { dateKey: "2027-03-09", scopeKey: "province:Bali" },
      { dateKey: "2027-03-10", scopeKey: "province:Kepulauan Riau" },
      { dateKey: "2027-04-01", scopeKey: "office:3" },
      { dateKey: "2027-04-02", scopeKey: "office:4" },
    ];
    expect([...holidayKeysForOffice(rows, denpasar)].sort()).toEqual(["2027-01-01", "2027-03-09", "2027-04-01"]);
  });

  it("writes and reads place keys both ways, and rejects malformed ones", () => {
    for (const place of [{ kind: "national" }, { kind: "province", province: "Bali" }, { kind: "office", officeId: 12 }] as const) {
      expect(parseScopeKey(scopeKeyOf(place))).toEqual(place);
    }
    expect(parseScopeKey("office:abc")).toBeNull();
    expect(parseScopeKey("province:")).toBeNull();
    expect(parseScopeKey("region:1")).toBeNull();
  });
});

describe("the notice for next year's holidays", () => {
  it("stays hidden before 1 October in Jakarta", () => {
    expect(findYearNeedingHolidays(jakarta("2026-09-30T23:59:59"), new Set())).toBeNull();
  });

  it("shows from 1 October in Jakarta (still 30 September in UTC) while next year has no national days", () => {
    expect(findYearNeedingHolidays(jakarta("2026-10-01T00:30:00"), new Set())).toBe(2027);
    expect(findYearNeedingHolidays(jakarta("2026-12-31T23:00:00"), new Set([2026]))).toBe(2027);
  });

  it("goes away once next year has national days", () => {
    expect(findYearNeedingHolidays(jakarta("2026-11-15T10:00:00"), new Set([2027]))).toBeNull();
  });

  it("asks for the year after once the new year has begun", () => {
    expect(findYearNeedingHolidays(jakarta("2027-01-01T00:10:00"), new Set([2027]))).toBeNull();
    expect(findYearNeedingHolidays(jakarta("2027-10-02T09:00:00"), new Set([2027]))).toBe(2028);
  });
});

describe("reading CSV records with their lines", () => {
  it("gives each record the line it starts on, across quoted line breaks, CRLF and blank lines", () => {
    const { records } = readCsvRecords('a,b\r\n1,"x\ny"\r\n\r\n2,z\n');
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x\ny"] },
      { line: 5, cells: ["2", "z"] },
    ]);
  });

  it("reports a quote left open with the line it opened on", () => {
    expect(readCsvRecords('a,b\n1,"open\n2,3\n').unclosedQuoteLine).toBe(2);
  });
});

describe("parsing a holiday file", () => {
  it("reads the seed's own file format (data/indonesia-holidays.csv) for a year", () => {
    const text = readFileSync(path.join(process.cwd(), "data", "indonesia-holidays.csv"), "utf8");
    const header = text.split("\n")[0]!;
    const rows2026 = text.split("\n").filter((line, index) => index > 0 && line.startsWith("2026-"));
    const result = parseHolidayCsv([header, ...rows2026].join("\n"), context(2026));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(rows2026.length);
    expect(result.rows.every((row) => row.scopeKey === "national")).toBe(true);
    expect(result.rows.some((row) => row.kind === "CUTI_BERSAMA")).toBe(true);
  });

  it("refuses a file that is not UTF-8 (a spreadsheet's Windows-1252 export) or holds a NUL byte, naming the line", () => {
    const latin1 = new TextDecoder("utf-8").decode(Buffer.from(`${HEADER}\n2027-01-01,Tahun Baru,New Year,libur_nasional,,,\n2027-08-17,Kemerdekaan RI \xe9,Independence,libur_nasional,,,`, "latin1"));
    expect(parseHolidayCsv(latin1, context(2027))).toEqual({ ok: false, errors: [{ line: 3, code: "notUtf8" }] });
    expect(parseHolidayCsv(`${HEADER}\n2027-01-01,Tahun\u0000Baru,New Year,libur_nasional,,,`, context(2027))).toEqual({ ok: false, errors: [{ line: 2, code: "notUtf8" }] });
  });

  it("reads regional rows for a province or an office", () => {
    const result = parseHolidayCsv(
      [HEADER, "2027-03-09,Hari Raya Nyepi daerah,Regional Nyepi,libur_daerah,Pergub,Bali,", "2027-06-10,Hari Jadi Batam,Batam Day,libur_daerah,,,batam"].join("\n"),
      context(2027),
    );
    expect(result.ok && result.rows.map((row) => [row.line, row.scopeKey, row.kind])).toEqual([
      [2, "province:Bali", "REGIONAL_HOLIDAY"],
      [3, "office:7", "REGIONAL_HOLIDAY"],
    ]);
  });

  it("names the line and reason of every bad row, and returns no rows at all", () => {
    const result = parseHolidayCsv(
      [
        HEADER,
        "2027-01-01,Tahun Baru,New Year,libur_nasional,,,",
        "2027-02-30,Tanggal salah,Bad date,libur_nasional,,,",
        "2026-12-25,Natal,Christmas,libur_nasional,,,",
        "2027-05-01,,Labour Day,libur_nasional,,,",
        "2027-05-02,Libur,Day off,libur_lain,,,",
        "2027-05-03,Libur,Day off,libur_daerah,,,",
        "2027-05-04,Libur,Day off,libur_daerah,,Atlantis,",
        "2027-05-05,Libur,Day off,libur_daerah,,,nowhere",
        "2027-05-06,Libur,Day off,libur_nasional,,Bali,",
        "2027-01-01,Tahun Baru lagi,New Year again,cuti_bersama,,,",
      ].join("\n"),
      context(2027),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, code: "dateInvalid", value: "2027-02-30" },
        { line: 4, code: "dateOutsideYear", value: "2026-12-25" },
        { line: 5, code: "nameIdMissing" },
        { line: 6, code: "kindUnknown", value: "libur_lain" },
        { line: 7, code: "placeMissing" },
        { line: 8, code: "provinceUnknown", value: "Atlantis" },
        { line: 9, code: "officeUnknown", value: "nowhere" },
        { line: 10, code: "placeNotRegional" },
        { line: 11, code: "duplicateDay", value: "2027-01-01", otherLine: 2 },
      ],
    });
  });

  it("refuses a file without the required columns, or with an unknown one, on line 1", () => {
    expect(parseHolidayCsv("date,name_id,kind\n2027-01-01,a,libur_nasional", context(2027))).toEqual({ ok: false, errors: [{ line: 1, code: "missingColumns", value: "name_en" }] });
    expect(parseHolidayCsv("date,name_id,name_en,kind,colour\n2027-01-01,a,b,libur_nasional,red", context(2027))).toEqual({ ok: false, errors: [{ line: 1, code: "unknownColumn", value: "colour" }] });
    expect(parseHolidayCsv(`${HEADER}\n`, context(2027))).toEqual({ ok: false, errors: [{ line: 1, code: "empty" }] });
  });
});

describe("what an import changes", () => {
  const stored = (id: number, dateKey: string, nameId: string, scopeKey = "national"): StoredHoliday => ({
    id,
    version: 1,
    dateKey,
    nameId,
    nameEn: `${nameId} (en)`,
    kind: scopeKey === "national" ? "NATIONAL_HOLIDAY" : "REGIONAL_HOLIDAY",
    source: null,
    scopeKey,
  });
  const imported = (line: number, dateKey: string, nameId: string): ImportedHoliday => ({
    line,
    dateKey,
    nameId,
    nameEn: `${nameId} (en)`,
    kind: "NATIONAL_HOLIDAY",
    source: null,
    place: { kind: "national" },
    scopeKey: "national",
  });

  it("adds the new days, renames changed ones, removes the national days the file lacks, and leaves other places alone", () => {
    const plan = planHolidayImport(
      [imported(2, "2027-01-01", "Tahun Baru"), imported(3, "2027-03-22", "Idul Fitri 1448 H"), imported(4, "2027-05-01", "Hari Buruh")],
      [stored(1, "2027-01-01", "Tahun Baru"), stored(2, "2027-03-21", "Idul Fitri"), stored(3, "2027-05-01", "Buruh"), stored(4, "2027-03-09", "Nyepi Bali", "province:Bali")],
    );
    expect(plan.coveredScopeKeys).toEqual(["national"]);
    expect(plan.added.map((row) => row.dateKey)).toEqual(["2027-03-22"]);
    expect(plan.changed.map((change) => [change.before.nameId, change.after.nameId])).toEqual([["Buruh", "Hari Buruh"]]);
    expect(plan.removed.map((row) => row.dateKey)).toEqual(["2027-03-21"]);
    expect(plan.unchangedCount).toBe(1);
    // Renaming keeps the day off: only added and removed days can move a deadline.
    expect(daysOffChangedBy(plan)).toEqual([
      { dateKey: "2027-03-22", scopeKey: "national" },
      { dateKey: "2027-03-21", scopeKey: "national" },
    ]);
  });

  it("changes nothing when the same file is imported again", () => {
    const rows = [imported(2, "2027-01-01", "Tahun Baru")];
    const plan = planHolidayImport(rows, [stored(1, "2027-01-01", "Tahun Baru")]);
    expect(plan).toMatchObject({ added: [], changed: [], removed: [], unchangedCount: 1 });
  });
});

describe("the single-day holiday form", () => {
  it("drops NUL bytes from names rather than failing the write", async () => {
    const { addHolidaySchema } = await import("@/lib/holidays/schemas");
    const parsed = addHolidaySchema.parse({ date: "2027-01-01", nameId: "Tahun\u0000 Baru", nameEn: "New Year", kind: "NATIONAL_HOLIDAY", place: "national", source: "\u0000" });
    expect(parsed).toMatchObject({ nameId: "Tahun Baru", source: null });
  });
});
