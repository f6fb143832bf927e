import { describe, expect, it } from "vitest";

import { parseCount, parseMonthKey, parseVolumeCsv, type VolumeCsvContext } from "@/lib/volumes/csv";

const context: VolumeCsvContext = {
  officeIdsByCode: new Map([
    ["kanim-a", 1],
    ["kanim-b", 2],
  ]),
  serviceIdsByCode: new Map([
    ["paspor", 10],
    ["visa", 11],
  ]),
};

describe("service volume counts as people type them", () => {
  it("reads plain digits and thousands grouped by dots, commas or spaces", () => {
    expect(parseCount("12450")).toBe(12450);
    expect(parseCount("12.450")).toBe(12450);
    expect(parseCount("12,450")).toBe(12450);
    expect(parseCount("1 234 567")).toBe(1234567);
    expect(parseCount(" 0 ")).toBe(0);
  });

  it("refuses fractions, negatives, mixed separators and words instead of guessing", () => {
    for (const typed of ["1.5", "12,45", "-3", "1.234,567", "12a", "", "1..000", "dua"]) expect(parseCount(typed), typed).toBeNull();
  });

  it("accepts real months only", () => {
    expect(parseMonthKey("2026-11")).toBe("2026-11");
    expect(parseMonthKey("2026-13")).toBeNull();
    expect(parseMonthKey("2026-1")).toBeNull();
    expect(parseMonthKey(42)).toBeNull();
  });
});

describe("a month of volumes from CSV", () => {
  it("reads every row, columns in any order, codes in any case", () => {
    const result = parseVolumeCsv('\uFEFFcount,office_code,service_code\n"12.450",KANIM-A,paspor\n300,kanim-b,visa\n', context);
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, officeId: 1, serviceId: 10, count: 12450 },
        { line: 3, officeId: 2, serviceId: 11, count: 300 },
      ],
    });
  });

  it("names every bad row with its line and reason, and yields no rows at all", () => {
    const result = parseVolumeCsv(
      ["office_code,service_code,count", "kanim-a,paspor,100", "kanim-x,paspor,5", "kanim-a,visum,5", "kanim-b,visa,1.5", "kanim-a,paspor,7", "kanim-b,paspor,"].join("\n"),
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, code: "officeUnknown", value: "kanim-x" },
        { line: 4, code: "serviceUnknown", value: "visum" },
        { line: 5, code: "countInvalid", value: "1.5" },
        { line: 6, code: "duplicateRow", value: "kanim-a / paspor", otherLine: 2 },
        { line: 7, code: "countMissing" },
      ],
    });
  });

  it("refuses a file without the required columns, with an unknown column, or with nothing below the header", () => {
    expect(parseVolumeCsv("office_code,count\nkanim-a,1", context)).toEqual({ ok: false, errors: [{ line: 1, code: "missingColumns", value: "service_code" }] });
    expect(parseVolumeCsv("office_code,service_code,count,note\nkanim-a,paspor,1,x", context)).toEqual({ ok: false, errors: [{ line: 1, code: "unknownColumn", value: "note" }] });
    expect(parseVolumeCsv("office_code,service_code,count\n", context)).toEqual({ ok: false, errors: [{ line: 1, code: "empty" }] });
  });

  it("refuses a file saved in another encoding, naming the line", () => {
    expect(parseVolumeCsv("office_code,service_code,count\nkanim-a,paspor,1\nkanim-b,visa,2\uFFFD", context)).toEqual({ ok: false, errors: [{ line: 3, code: "notUtf8" }] });
  });
});
