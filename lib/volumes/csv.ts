import { readCsvRecords } from "@/lib/holidays/csv-import";

/**
 * Reads a month of service volumes from a CSV file, as an admin or a supervisor uploads it on
 * /dasbor/volume. The month is chosen on the form; the file has one row per office and service:
 *
 *   office_code,service_code,count
 *   kanim-jakarta-selatan,paspor-biasa-48,"12.450"
 *
 * - office_code: an office of the uploader's scope; service_code: a service's code;
 * - count: a whole number of services delivered that month, written plainly (12450) or with
 *   Indonesian or English thousands separators ("12.450", "12,450", "12 450");
 * - the header names the columns, in any order; RFC 4180 quoting; a byte-order mark and blank
 *   lines are ignored; one office and service at most once.
 *
 * Every problem is reported with its line (the header is line 1) and a file with any problem
 * yields no rows, so an import is all or nothing.
 *
 * Pure: no Next.js, no Prisma.
 */

export const VOLUME_CSV_LIMITS = { bytes: 512 * 1024, rows: 5000, count: 10_000_000 } as const;

const REQUIRED_COLUMNS = ["office_code", "service_code", "count"] as const;

export type VolumeCsvErrorCode =
  | "empty"
  | "tooLarge"
  | "tooManyRows"
  | "notUtf8"
  | "unclosedQuote"
  | "missingColumns"
  | "unknownColumn"
  | "officeMissing"
  | "officeUnknown"
  | "serviceMissing"
  | "serviceUnknown"
  | "countMissing"
  | "countInvalid"
  | "countTooLarge"
  | "duplicateRow";

export type VolumeCsvError = { line: number; code: VolumeCsvErrorCode; value?: string; otherLine?: number };

export type ImportedVolume = { line: number; officeId: number; serviceId: number; count: number };

/** What the file may name: the offices of the uploader's scope and the services, by code. */
export type VolumeCsvContext = { officeIdsByCode: ReadonlyMap<string, number>; serviceIdsByCode: ReadonlyMap<string, number> };

export type VolumeCsvResult = { ok: true; rows: ImportedVolume[] } | { ok: false; errors: VolumeCsvError[] };

/**
 * A count as people type it: digits, optionally grouped by thousands with ".", "," or a space
 * (one separator kind per number). "1.5" or "12,45" are not whole counts and are refused rather
 * than guessed. Returns null for anything else.
 */
export function parseCount(text: string): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const grouped = /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.exec(value);
  if (!grouped) return null;
  return Number(value.replace(/[., ]/g, ""));
}

export function parseVolumeCsv(text: string, context: VolumeCsvContext): VolumeCsvResult {
  if (new TextEncoder().encode(text).length > VOLUME_CSV_LIMITS.bytes) return { ok: false, errors: [{ line: 1, code: "tooLarge" }] };
  const badLine = text.split("\n").findIndex((line) => line.includes("\uFFFD") || line.includes("\u0000"));
  if (badLine !== -1) return { ok: false, errors: [{ line: badLine + 1, code: "notUtf8" }] };
  const { records, unclosedQuoteLine } = readCsvRecords(text);
  if (unclosedQuoteLine !== null) return { ok: false, errors: [{ line: unclosedQuoteLine, code: "unclosedQuote" }] };
  const [header, ...body] = records;
  if (!header || body.length === 0) return { ok: false, errors: [{ line: header?.line ?? 1, code: "empty" }] };
  if (body.length > VOLUME_CSV_LIMITS.rows) return { ok: false, errors: [{ line: 1, code: "tooManyRows" }] };

  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) return { ok: false, errors: [{ line: header.line, code: "missingColumns", value: missing.join(", ") }] };
  const unknown = columns.find((column) => !(REQUIRED_COLUMNS as readonly string[]).includes(column));
  if (unknown !== undefined) return { ok: false, errors: [{ line: header.line, code: "unknownColumn", value: unknown }] };

  const errors: VolumeCsvError[] = [];
  const rows: ImportedVolume[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of body) {
    const cell = (column: string) => (record.cells[columns.indexOf(column)] ?? "").trim();
    const parsed = parseRow(record.line, cell, context);
    if ("code" in parsed) {
      errors.push(parsed);
      continue;
    }
    const key = `${parsed.officeId}|${parsed.serviceId}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      errors.push({ line: record.line, code: "duplicateRow", value: `${cell("office_code")} / ${cell("service_code")}`, otherLine: earlier });
      continue;
    }
    firstLineOf.set(key, record.line);
    rows.push(parsed);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function parseRow(line: number, cell: (column: string) => string, context: VolumeCsvContext): ImportedVolume | VolumeCsvError {
  const officeCode = cell("office_code");
  if (!officeCode) return { line, code: "officeMissing" };
  const officeId = context.officeIdsByCode.get(officeCode.toLowerCase());
  if (officeId === undefined) return { line, code: "officeUnknown", value: officeCode };
  const serviceCode = cell("service_code");
  if (!serviceCode) return { line, code: "serviceMissing" };
  const serviceId = context.serviceIdsByCode.get(serviceCode.toLowerCase());
  if (serviceId === undefined) return { line, code: "serviceUnknown", value: serviceCode };
  const countText = cell("count");
  if (!countText) return { line, code: "countMissing" };
  const count = parseCount(countText);
  if (count === null) return { line, code: "countInvalid", value: countText };
  if (count > VOLUME_CSV_LIMITS.count) return { line, code: "countTooLarge", value: countText };
  return { line, officeId, serviceId, count };
}

/** "YYYY-MM" of a real month between 2000 and 2100, or null. */
export function parseMonthKey(text: unknown): string | null {
  if (typeof text !== "string" || !/^\d{4}-\d{2}$/.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? text : null;
}
