/**
 * CSV as spreadsheet programs open it (RFC 4180 with what Excel and LibreOffice need), pure so
 * it is unit-tested without a database.
 *
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and
 *   garbles every non-ASCII letter. (No "sep=" line: with one, Excel ignores the BOM.)
 * - The separator is a choice, because Excel splits a CSV on the list separator of the
 *   computer's region settings: ";" in Indonesian (id-ID) and most of Europe, where the comma is
 *   the decimal separator, "," in English (en-US, en-GB). The export form offers both and
 *   defaults to the one of the interface language. Every number we write is an integer (rupiah,
 *   working days, scores), so no decimal separator can clash with either.
 * - Fields holding the separator, a double quote, CR or LF are quoted, quotes doubled; lines end
 *   with CRLF.
 * - Formula injection (CSV injection): a *text* cell starting with =, +, -, @, tab or CR would be
 *   evaluated by a spreadsheet (=HYPERLINK(...), =cmd|...). Such text gets a leading apostrophe,
 *   which spreadsheets show as a text marker and never evaluate. Numbers are not text: a cell
 *   given as a JavaScript number (a negative fee difference, say) is written as digits with an
 *   optional minus sign, which cannot carry a formula, so it stays a number the sheet can sum.
 */

export const CSV_SEPARATORS = [";", ","] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** A cell as the export produces it: text (neutralised), a number (written as is), or empty. */
export type CsvCell = string | number | null | undefined;

export const CSV_BOM = "\uFEFF";
export const CSV_LINE_END = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would evaluate, made inert with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutralizeFormula(cell);
  // Quote on either separator, not only the chosen one: Excel splits on the separator of the
  // reader's regional settings, so an unquoted "x;=HYPERLINK(...)" in a comma file would become
  // a formula cell on an Indonesian computer.
  const needsQuotes = CSV_SEPARATORS.some((candidate) => text.includes(candidate)) || /["\t\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF included. */
export function formatCsvRow(cells: readonly CsvCell[], separator: CsvSeparator): string {
  return cells.map((cell) => formatCsvCell(cell)).join(separator) + CSV_LINE_END;
}

/** How the file starts: the byte-order mark and the header record. The records follow (./write-csv.ts). */
export function csvFileStart(header: readonly string[], separator: CsvSeparator): string {
  return CSV_BOM + formatCsvRow(header, separator);
}
