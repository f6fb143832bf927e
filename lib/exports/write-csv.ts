import "server-only";

import type { Writable } from "node:stream";

import type { StaffActor } from "@/lib/auth/session";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { exportSelectSql } from "./case-rows";
import type { ExportColumn } from "./columns";
import { csvFileStart, type CsvSeparator } from "./csv";
import { csvRecordSql } from "./csv-sql";
import { copyTextColumnTo } from "./copy-out";

/**
 * The CSV export: the byte-order mark and the header written here (./csv.ts), then every case's
 * record as PostgreSQL formats it (./columns.ts csvCell, ./csv-sql.ts) through one COPY
 * (./copy-out.ts). Node only passes bytes on, at the pace the file takes them.
 */

/** How often, in rows, the writer reports progress (and waits for the report: the lease is renewed there). */
export const CSV_PROGRESS_EVERY_ROWS = 20_000;

export type CaseCsvInput = {
  actor: StaffActor;
  filters: StatisticsFilters;
  columns: ExportColumn[];
  separator: CsvSeparator;
  /** Called with the rows written so far, every CSV_PROGRESS_EVERY_ROWS rows; the stream waits for it. */
  onProgress: (rows: number) => Promise<void>;
};

/** Writes the whole file to `output` and ends it; returns the number of case rows. */
export async function writeCaseCsv(output: Writable, input: CaseCsvInput): Promise<number> {
  output.write(csvFileStart(input.columns.map((column) => column.header), input.separator));
  const query = exportSelectSql(
    input.actor,
    input.filters,
    csvRecordSql(
      input.columns.map((column) => column.csvCell),
      input.separator,
    ),
  );
  const { rows } = await copyTextColumnTo(query, output, { progress: { everyRows: CSV_PROGRESS_EVERY_ROWS, report: input.onProgress } });
  return rows;
}
