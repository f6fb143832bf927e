import "server-only";

import type { ExportCaseRow } from "./case-rows";
import { toCsvCell, type ExportColumn } from "./columns";
import { generateCsv, type CsvSeparator } from "./csv";

/** The case rows as CSV text chunks, one chunk per batch (see ./csv.ts for the format's rules). */
export function generateCaseCsv(batches: AsyncIterable<ExportCaseRow[]>, columns: ExportColumn[], separator: CsvSeparator): AsyncGenerator<string> {
  async function* cells() {
    for await (const rows of batches) yield rows.map((row) => columns.map((column) => toCsvCell(column.value(row))));
  }
  return generateCsv(
    columns.map((column) => column.header),
    cells(),
    separator,
  );
}
