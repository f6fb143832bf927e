import { scopeKeyOf, type HolidayPlace } from "@/lib/deadlines/holiday-scope";
import { isRealDateKey } from "@/lib/deadlines/working-days";
import type { HolidayKind } from "@/lib/generated/prisma/enums";

/**
 * Reads a holiday CSV for one year, as an admin uploads it on /dasbor/admin/hari-libur. The format
 * is the seed's data/indonesia-holidays.csv, extended for regional days:
 *
 *   date,name_id,name_en,kind,source[,province][,office_code]
 *   2027-01-01,Tahun Baru 2027 Masehi,New Year's Day 2027,libur_nasional,SKB 3 Menteri 2026
 *   2027-06-10,Hari Jadi Kota Batam,Batam City Anniversary,libur_daerah,,,batam
 *
 * - date: YYYY-MM-DD, in the year being imported;
 * - kind: libur_nasional (national holiday), cuti_bersama (collective leave), or libur_daerah
 *   (a regional day off) with either `province` (as the offices' province is written) or
 *   `office_code` (an office's code), never both;
 * - source: optional, where the day was published;
 * - the header row names the columns, in any order; RFC 4180 quoting (commas, quotes and line
 *   breaks inside quotes); a byte-order mark and blank lines are ignored.
 *
 * Every problem is reported with the line it starts on (the header is line 1), and a file with any
 * problem yields no rows at all, so nothing half-imported is ever written.
 *
 * Pure: no Next.js, no Prisma.
 */

export const HOLIDAY_CSV_LIMITS = { bytes: 256 * 1024, rows: 1000, name: 200, source: 1000 } as const;

export const HOLIDAY_CSV_KINDS: Record<string, HolidayKind> = {
  libur_nasional: "NATIONAL_HOLIDAY",
  cuti_bersama: "CUTI_BERSAMA",
  libur_daerah: "REGIONAL_HOLIDAY",
};

const REQUIRED_COLUMNS = ["date", "name_id", "name_en", "kind"] as const;
const KNOWN_COLUMNS = new Set<string>([...REQUIRED_COLUMNS, "source", "province", "office_code"]);

export type HolidayCsvErrorCode =
  | "empty"
  | "tooLarge"
  | "tooManyRows"
  | "notUtf8"
  | "unclosedQuote"
  | "missingColumns"
  | "unknownColumn"
  | "dateInvalid"
  | "dateOutsideYear"
  | "nameIdMissing"
  | "nameEnMissing"
  | "nameTooLong"
  | "sourceTooLong"
  | "kindUnknown"
  | "placeMissing"
  | "placeTwice"
  | "placeNotRegional"
  | "provinceUnknown"
  | "officeUnknown"
  | "duplicateDay";

export type HolidayCsvError = { line: number; code: HolidayCsvErrorCode; value?: string; otherLine?: number };

export type ImportedHoliday = {
  line: number;
  dateKey: string;
  nameId: string;
  nameEn: string;
  kind: HolidayKind;
  source: string | null;
  place: HolidayPlace;
  scopeKey: string;
};

/** What the file may name: the provinces of the offices and the offices by code. */
export type HolidayCsvContext = { year: number; provinces: ReadonlySet<string>; officeIdsByCode: ReadonlyMap<string, number> };

export type HolidayCsvResult = { ok: true; rows: ImportedHoliday[] } | { ok: false; errors: HolidayCsvError[] };

type CsvRecord = { line: number; cells: string[] };

/** RFC 4180 records, each with the line it starts on; quotes left open at the end are reported. */
export function readCsvRecords(text: string): { records: CsvRecord[]; unclosedQuoteLine: number | null } {
  const input = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endRecord = () => {
    cells.push(field);
    if (cells.some((cell) => cell.trim() !== "")) records.push({ line: recordLine, cells });
    cells = [];
    field = "";
  };

  for (let index = 0; index < input.length; index += 1) {
    const character = input[index];
    if (character === "\n" || (character === "\r" && input[index + 1] !== "\n")) line += 1;
    if (inQuotes) {
      if (character === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        inQuotes = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (character === ",") {
      cells.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && input[index + 1] === "\n") {
        index += 1;
        line += 1;
      }
      endRecord();
      recordLine = line;
    } else {
      field += character;
    }
  }
  if (inQuotes) return { records, unclosedQuoteLine: quoteLine };
  if (field !== "" || cells.length > 0) endRecord();
  return { records, unclosedQuoteLine: null };
}

export function parseHolidayCsv(text: string, context: HolidayCsvContext): HolidayCsvResult {
  if (new TextEncoder().encode(text).length > HOLIDAY_CSV_LIMITS.bytes) return { ok: false, errors: [{ line: 1, code: "tooLarge" }] };
  // A file saved in another encoding (Windows-1252 from a spreadsheet) decodes with replacement
  // characters, and a NUL byte cannot be stored in Postgres text: refuse both by line, rather
  // than store garbled names or fail the write.
  const badLine = text.split("\n").findIndex((line) => line.includes("\uFFFD") || line.includes("\u0000"));
  if (badLine !== -1) return { ok: false, errors: [{ line: badLine + 1, code: "notUtf8" }] };
  const { records, unclosedQuoteLine } = readCsvRecords(text);
  if (unclosedQuoteLine !== null) return { ok: false, errors: [{ line: unclosedQuoteLine, code: "unclosedQuote" }] };
  const [header, ...body] = records;
  if (!header || body.length === 0) return { ok: false, errors: [{ line: header?.line ?? 1, code: "empty" }] };
  if (body.length > HOLIDAY_CSV_LIMITS.rows) return { ok: false, errors: [{ line: 1, code: "tooManyRows" }] };

  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) return { ok: false, errors: [{ line: header.line, code: "missingColumns", value: missing.join(", ") }] };
  const unknown = columns.find((column) => !KNOWN_COLUMNS.has(column));
  if (unknown !== undefined) return { ok: false, errors: [{ line: header.line, code: "unknownColumn", value: unknown }] };

  const errors: HolidayCsvError[] = [];
  const rows: ImportedHoliday[] = [];
  const firstLineOfDay = new Map<string, number>();
  for (const record of body) {
    const cell = (column: string) => {
      const index = columns.indexOf(column);
      return index === -1 ? "" : (record.cells[index] ?? "").trim();
    };
    const parsed = parseRow(record.line, cell, context);
    if ("code" in parsed) {
      errors.push(parsed);
      continue;
    }
    const dayKey = `${parsed.dateKey}|${parsed.scopeKey}`;
    const earlier = firstLineOfDay.get(dayKey);
    if (earlier !== undefined) {
      errors.push({ line: record.line, code: "duplicateDay", value: parsed.dateKey, otherLine: earlier });
      continue;
    }
    firstLineOfDay.set(dayKey, record.line);
    rows.push(parsed);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function parseRow(line: number, cell: (column: string) => string, context: HolidayCsvContext): ImportedHoliday | HolidayCsvError {
  const dateKey = cell("date");
  if (!isRealDateKey(dateKey)) return { line, code: "dateInvalid", value: dateKey };
  if (Number(dateKey.slice(0, 4)) !== context.year) return { line, code: "dateOutsideYear", value: dateKey };
  const nameId = cell("name_id");
  const nameEn = cell("name_en");
  if (!nameId) return { line, code: "nameIdMissing" };
  if (!nameEn) return { line, code: "nameEnMissing" };
  if (nameId.length > HOLIDAY_CSV_LIMITS.name || nameEn.length > HOLIDAY_CSV_LIMITS.name) return { line, code: "nameTooLong" };
  const source = cell("source");
  if (source.length > HOLIDAY_CSV_LIMITS.source) return { line, code: "sourceTooLong" };
  const kind = HOLIDAY_CSV_KINDS[cell("kind").toLowerCase()];
  if (!kind) return { line, code: "kindUnknown", value: cell("kind") };

  const province = cell("province");
  const officeCode = cell("office_code");
  let place: HolidayPlace;
  if (kind !== "REGIONAL_HOLIDAY") {
    if (province || officeCode) return { line, code: "placeNotRegional" };
    place = { kind: "national" };
  } else if (province && officeCode) {
    return { line, code: "placeTwice" };
  } else if (province) {
    if (!context.provinces.has(province)) return { line, code: "provinceUnknown", value: province };
    place = { kind: "province", province };
  } else if (officeCode) {
    const officeId = context.officeIdsByCode.get(officeCode);
    if (officeId === undefined) return { line, code: "officeUnknown", value: officeCode };
    place = { kind: "office", officeId };
  } else {
    return { line, code: "placeMissing" };
  }
  return { line, dateKey, nameId, nameEn, kind, source: source || null, place, scopeKey: scopeKeyOf(place) };
}
