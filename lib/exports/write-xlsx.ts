import "server-only";

import type { Writable } from "node:stream";

import ExcelJS from "exceljs";

import type { ExportCaseRow } from "./case-rows";
import type { ExportColumn } from "./columns";
import type { ExportDescription } from "./describe";
import { toJakartaWallClock } from "./jakarta-time";
import type { SummaryCell, SummarySection } from "./summary";
import type { ExportTranslators } from "./texts";

/**
 * The XLSX export: a summary sheet of the statistics, then the case rows on their own sheet,
 * written with exceljs's streaming writer so rows go to the file as they come (shared strings
 * off: that table would otherwise grow in memory with every distinct text).
 *
 * Cells are typed: instants are date cells showing Jakarta time, counts and rupiah are numbers,
 * everything else is a text cell. A text cell is never a formula in XLSX (a formula is a
 * separate cell kind), so text starting with "=" is stored and shown as written; it is not
 * given the CSV's apostrophe.
 *
 * The summary sheet is typed too: counts, percentages, rupiah and ratings are numbers with a
 * number format, and a share's numerator/denominator ("35/40") sits in the cell to its right.
 */

const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
/**
 * Excel refuses a cell of more than 32,767 characters (it "repairs" the file and drops content);
 * a case's messages joined together can be longer. Such text is cut here, with a marker saying
 * where the whole of it is.
 */
export const XLSX_MAX_CELL_CHARACTERS = 32_767;

export function fitXlsxText(text: string, marker: string): string {
  if (text.length <= XLSX_MAX_CELL_CHARACTERS) return text;
  let end = XLSX_MAX_CELL_CHARACTERS - marker.length - 1;
  // Do not split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return `${text.slice(0, end)} ${marker}`;
}

export type XlsxInput = {
  batches: AsyncIterable<ExportCaseRow[]>;
  columns: ExportColumn[];
  summary: SummarySection[];
  description: ExportDescription;
  generatedAtLabel: string;
  translators: ExportTranslators;
};

/** A text cell, or a number with its format; a share's detail goes to `detailCell` when given. */
function writeSummaryCell(cell: ExcelJS.Cell, value: SummaryCell, detailCell?: ExcelJS.Cell): void {
  if (typeof value === "string") {
    cell.value = value;
    return;
  }
  cell.value = value.number;
  cell.numFmt = value.numFmt;
  if (detailCell && value.detail) detailCell.value = value.detail;
}

export async function writeCaseXlsx(output: Writable, input: XlsxInput): Promise<void> {
  const { t } = input.translators;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Lapor Imigrasi";
  workbook.created = new Date();

  const summarySheet = workbook.addWorksheet(t("summary.sheetSummary"));
  summarySheet.columns = [{ width: 48 }, { width: 24 }, { width: 14 }, { width: 22 }, { width: 22 }, { width: 16 }, { width: 10 }];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    return row;
  };
  bold(summarySheet.addRow([t("summary.title")])).commit();
  summarySheet.addRow([t("report.scope"), input.description.scopeLabel]).commit();
  summarySheet.addRow([t("report.period"), input.description.periodLabel]).commit();
  summarySheet.addRow([t("report.filters"), input.description.filtersLabel]).commit();
  summarySheet.addRow([t("report.generatedAt"), input.generatedAtLabel]).commit();
  if (input.description.auditCheckpointLabel) summarySheet.addRow([t("report.auditCheckpoint"), input.description.auditCheckpointLabel]).commit();
  for (const section of input.summary) {
    summarySheet.addRow([]).commit();
    if (section.lines.length > 0) {
      bold(summarySheet.addRow([section.title])).commit();
      for (const line of section.lines) {
        const row = summarySheet.addRow([line.label]);
        writeSummaryCell(row.getCell(2), line.value, row.getCell(3));
        row.commit();
      }
    }
    for (const table of section.tables) {
      summarySheet.addRow([]).commit();
      bold(summarySheet.addRow([table.title])).commit();
      if (table.note) summarySheet.addRow([table.note]).commit();
      bold(summarySheet.addRow(table.header)).commit();
      for (const cells of table.rows) {
        const row = summarySheet.addRow([]);
        // A table has no spare column: a figure with a detail stays text there, keeping both.
        cells.forEach((cell, index) => writeSummaryCell(row.getCell(index + 1), typeof cell !== "string" && cell.detail ? cell.text : cell));
        row.commit();
      }
    }
  }
  summarySheet.commit();

  const casesSheet = workbook.addWorksheet(t("summary.sheetCases"), { views: [{ state: "frozen", ySplit: 1 }] });
  casesSheet.columns = input.columns.map((column) => ({
    key: column.id,
    width: column.width,
    style: column.type === "datetime" ? { numFmt: DATE_TIME_FORMAT } : column.type === "number" ? { numFmt: "0" } : {},
  }));
  bold(casesSheet.addRow(input.columns.map((column) => column.header))).commit();
  const truncated = t("summary.truncated");
  for await (const rows of input.batches) {
    for (const row of rows) {
      casesSheet
        .addRow(
          input.columns.map((column) => {
            const value = column.value(row);
            if (value instanceof Date) return toJakartaWallClock(value);
            return typeof value === "string" ? fitXlsxText(value, truncated) : value;
          }),
        )
        .commit();
    }
  }
  casesSheet.commit();
  await workbook.commit();
}
