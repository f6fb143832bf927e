import "server-only";

import type { Writable } from "node:stream";

import PDFDocument from "pdfkit";

import type { ExportDescription } from "./describe";
import { cellText, type SummarySection, type SummaryTable } from "./summary";
import type { ExportTranslators } from "./texts";

/**
 * The period report as a PDF (Zona Integritas evidence): title, scope, period and filters, the
 * headline figures, tables with simple bars, deadline compliance, satisfaction and the offices
 * compared; every page carries a footer with the generation time, scope, filters and "page x of
 * y". Built-in fonts only, like the receipt (lib/reports/receipt-pdf.ts): nothing to embed.
 * Pages are buffered (a report is a few pages) so the footer can count them.
 */

const MARGIN = 50;
const FOOTER_HEIGHT = 36;
const INK = "#0f172a";
const MUTED = "#475569";
const BAR = "#1d4ed8";
const RULE = "#cbd5e1";

/** Intl output and labels may hold characters the built-in fonts lack. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ").replace(/≤/g, "<=").replace(/[\u2018\u2019]/g, "'");
}

export type ReportPdfInput = {
  sections: SummarySection[];
  description: ExportDescription;
  generatedAtLabel: string;
  locale: "id" | "en";
  translators: ExportTranslators;
};

export async function writeReportPdf(output: Writable, input: ReportPdfInput): Promise<void> {
  const { t } = input.translators;
  const { description } = input;
  const document = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    lang: input.locale,
    info: { Title: plain(`${t("report.title")} — ${description.scopeLabel} — ${description.periodLabel}`), Author: "Lapor Imigrasi", CreationDate: new Date() },
  });
  const finished = new Promise<void>((resolve, reject) => {
    output.on("finish", resolve);
    output.on("error", reject);
    document.on("error", reject);
  });
  document.pipe(output);

  const left = MARGIN;
  const width = document.page.width - MARGIN * 2;
  const bottomLimit = () => document.page.height - MARGIN - FOOTER_HEIGHT;
  const ensureSpace = (height: number) => {
    if (document.y + height > bottomLimit()) document.addPage();
  };

  document.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(plain(t("report.title")), left, MARGIN, { width });
  document.font("Helvetica").fontSize(10).fillColor(MUTED).text(plain(t("report.subtitle")), { width }).moveDown(0.8);
  const meta = (label: string, value: string) => {
    document.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(`${plain(label)}: `, left, document.y, { continued: true, width });
    document.font("Helvetica").text(plain(value), { width });
  };
  meta(t("report.scope"), description.scopeLabel);
  meta(t("report.period"), description.periodLabel);
  meta(t("report.filters"), description.filtersLabel);
  meta(t("report.generatedAt"), `${input.generatedAtLabel} WIB`);
  if (description.auditCheckpointLabel) meta(t("report.auditCheckpoint"), description.auditCheckpointLabel);
  document.moveDown(0.3).font("Helvetica").fontSize(8.5).fillColor(MUTED).text(plain(t("report.asOf", { date: input.generatedAtLabel })), left, document.y, { width });

  for (const section of input.sections) {
    if (section.lines.length > 0) {
      ensureSpace(40 + section.lines.length * 15);
      heading(section.title);
      for (const line of section.lines) {
        const y = document.y;
        document.font("Helvetica").fontSize(10).fillColor(INK).text(plain(line.label), left, y, { width: width * 0.62 });
        const labelBottom = document.y;
        document.font("Helvetica-Bold").text(plain(cellText(line.value)), left + width * 0.64, y, { width: width * 0.36, align: "right" });
        document.y = Math.max(labelBottom, document.y) + 3;
      }
    }
    for (const table of section.tables) drawTable(table);
  }

  // Footers, written once the number of pages is known.
  const range = document.bufferedPageRange();
  const footer = plain(t("report.footer", { date: input.generatedAtLabel, scope: description.scopeLabel, period: description.periodLabel, filters: description.filtersLabel }));
  for (let index = range.start; index < range.start + range.count; index += 1) {
    document.switchToPage(index);
    const top = document.page.height - MARGIN - FOOTER_HEIGHT + 10;
    // Writing below the bottom margin would open a new page: lift it while the footer is drawn.
    const bottomMargin = document.page.margins.bottom;
    document.page.margins.bottom = 0;
    document.moveTo(left, top - 4).lineTo(left + width, top - 4).lineWidth(0.5).strokeColor(RULE).stroke();
    document.font("Helvetica").fontSize(7.5).fillColor(MUTED).text(footer, left, top, { width: width - 80, lineBreak: true, height: FOOTER_HEIGHT });
    document.text(plain(t("report.page", { page: index - range.start + 1, pages: range.count })), left + width - 75, top, { width: 75, align: "right" });
    document.page.margins.bottom = bottomMargin;
  }
  document.end();
  await finished;

  function heading(text: string) {
    document.moveDown(0.8);
    document.font("Helvetica-Bold").fontSize(13).fillColor(INK).text(plain(text), left, document.y, { width });
    document.moveDown(0.3);
  }

  function drawTable(table: SummaryTable) {
    const rowHeight = 15;
    ensureSpace(60 + Math.min(table.rows.length, 5) * rowHeight);
    heading(table.title);
    if (table.note) document.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(plain(table.note), left, document.y, { width }).moveDown(0.3);
    const columnCount = table.header.length;
    const hasBars = table.bars !== undefined && columnCount <= 4;
    const barWidth = hasBars ? width * 0.25 : 0;
    const firstWidth = columnCount > 4 ? width * 0.28 : width * 0.45;
    const otherWidth = (width - firstWidth - barWidth) / Math.max(1, columnCount - 1);
    const xOf = (column: number) => left + (column === 0 ? 0 : firstWidth + (column - 1) * otherWidth);
    const widthOf = (column: number) => (column === 0 ? firstWidth : otherWidth) - 4;
    const fontSize = columnCount > 4 ? 7.5 : 9;

    const drawRow = (cells: string[], isHeader: boolean, bar?: number) => {
      const heights = cells.map((cell, column) => document.font(isHeader ? "Helvetica-Bold" : "Helvetica").fontSize(fontSize).heightOfString(plain(cell), { width: widthOf(column) }));
      const height = Math.max(rowHeight - 4, ...heights) + 4;
      if (document.y + height > bottomLimit()) {
        document.addPage();
        if (!isHeader) drawRow(table.header, true);
      }
      const y = document.y;
      cells.forEach((cell, column) => {
        document
          .font(isHeader ? "Helvetica-Bold" : "Helvetica")
          .fontSize(fontSize)
          .fillColor(isHeader ? MUTED : INK)
          .text(plain(cell), xOf(column), y + 2, { width: widthOf(column), align: column === 0 ? "left" : "right" });
      });
      if (bar !== undefined && hasBars) {
        const max = Math.max(1, ...(table.bars ?? [0]));
        const length = Math.max(bar > 0 ? 1 : 0, (bar / max) * (barWidth - 8));
        document.rect(left + width - barWidth + 6, y + 3, length, height - 7).fillColor(BAR).fill();
      }
      document.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.3).strokeColor(RULE).stroke();
      document.x = left;
      document.y = y + height;
    };

    drawRow(table.header, true);
    table.rows.forEach((row, index) => drawRow(row.map(cellText), false, table.bars?.[index]));
  }
}
