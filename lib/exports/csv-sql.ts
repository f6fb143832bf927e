import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { CSV_LINE_END, type CsvSeparator } from "./csv";

/**
 * The CSV rules of ./csv.ts as SQL, so that PostgreSQL writes each record of a large export
 * itself and Node only passes the bytes on (./write-csv.ts). ./csv.ts stays the definition: the
 * header is written with it, and the tests hold every expression here to it byte for byte
 * (tricky text, both separators, both languages).
 *
 * - Text: NULL is an empty cell; text starting with =, +, -, @, tab or CR gets a leading
 *   apostrophe; text holding either separator, a double quote, tab, CR or LF is quoted with its
 *   quotes doubled. (The apostrophe changes neither test, so both look at the value as stored.)
 * - Whole numbers: their digits with an optional minus sign, as JavaScript writes them.
 * - Instants: Jakarta wall-clock time "YYYY-MM-DD HH:mm" (./jakarta-time.ts). The columns hold
 *   UTC without a zone, and WIB has no daylight saving, so seven hours are added.
 * - Labels (translations of enum values, yes/no) are constants: they are made CSV cells in
 *   JavaScript with ./csv.ts itself and written in as they are (labelSql, flagSql).
 *
 * E'' strings hold the real tab, CR and LF characters, whatever standard_conforming_strings says.
 * The instants need DateStyle ISO, which ./copy-out.ts sets on its connection.
 */

/** ./csv.ts FORMULA_START as character codes, = + - @ tab CR, for ascii() of the first character (0 for ''). */
const FORMULA_START_CODES = Prisma.raw("(61, 43, 45, 64, 9, 13)");
/** Either separator, a double quote, tab, CR or LF. */
const NEEDS_QUOTES_PATTERN = Prisma.raw(`E'[;,"\\t\\r\\n]'`);

export function csvTextCellSql(text: Prisma.Sql): Prisma.Sql {
  const apostrophe = Prisma.sql`(CASE WHEN ascii(${text}) IN ${FORMULA_START_CODES} THEN '''' ELSE '' END)`;
  return Prisma.sql`(CASE WHEN ${text} IS NULL THEN '' WHEN ${text} ~ ${NEEDS_QUOTES_PATTERN} THEN '"' || ${apostrophe} || replace(${text}, '"', '""') || '"' ELSE ${apostrophe} || ${text} END)`;
}

export function csvNumberCellSql(wholeNumber: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE((${wholeNumber})::text, '')`;
}

/**
 * An instant (a UTC timestamp without zone) as Jakarta "YYYY-MM-DD HH:mm", or NULL. The text
 * form of a timestamp under DateStyle ISO cut after the minutes: several times cheaper than
 * to_char, and this runs five times per row.
 */
export function jakartaDateTimeSql(instant: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`left(((${instant}) + interval '7 hours')::text, 16)`;
}

export function csvDateTimeCellSql(instant: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(${jakartaDateTimeSql(instant)}, '')`;
}

/** One record: the cells joined by the separator, CRLF included (./csv.ts formatCsvRow). */
export function csvRecordSql(cells: readonly Prisma.Sql[], separator: CsvSeparator): Prisma.Sql {
  // Both separators and CRLF are constants of ./csv.ts, never user input.
  return Prisma.sql`(${Prisma.join(cells, ` || '${separator}' || `)} || ${Prisma.raw(`E'${CSV_LINE_END.replace("\r", "\\r").replace("\n", "\\n")}'`)})`;
}

/**
 * A text per value of an enum column (a translation, or that translation as a CSV cell), as SQL:
 * NULL for NULL or a value with no label. The labels are bound values, never SQL.
 */
export function labelSql(value: Prisma.Sql, labels: ReadonlyMap<string, string>): Prisma.Sql {
  const branches = [...labels].map(([key, label]) => Prisma.sql`WHEN ${key}::text THEN ${label}::text`);
  return Prisma.sql`(CASE (${value})::text ${Prisma.join(branches, " ")} END)`;
}

/** `yes` or `no` (a label, or that label as a CSV cell) for a nullable boolean, NULL for NULL (./columns.ts flag). */
export function flagSql(condition: Prisma.Sql, yes: string, no: string): Prisma.Sql {
  return Prisma.sql`(CASE (${condition}) WHEN TRUE THEN ${yes}::text WHEN FALSE THEN ${no}::text END)`;
}
