import "server-only";

import PDFDocument from "pdfkit";

import { createTrackingQrMatrix } from "@/lib/reports/receipt-address";

/**
 * The printed survey material: the day's QR cards (one per drawn ticket, eight to an A4 page, to
 * cut out and hand over at the counter) and the office's standing QR poster. Drawn like the
 * receipt (lib/reports/receipt-pdf.ts): built-in fonts, the QR code as vector squares so it
 * prints sharp. The texts come translated from the caller.
 */

export type CardTexts = { title: string; ticket: (number: number) => string; invite: string; code: (code: string) => string; valid: string };
export type PosterTexts = { title: string; lead: string; otherLanguage: string; pungli: string };

/** Intl output may contain narrow or non-breaking spaces, which the built-in fonts lack. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u2026/g, "...");
}

function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });
}

function drawQrCode(document: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const matrix = createTrackingQrMatrix(url);
  const quietZone = 4;
  const cell = size / (matrix.size + 2 * quietZone);
  document.save();
  document.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < matrix.size; row += 1) {
    for (let column = 0; column < matrix.size; column += 1) {
      if (matrix.isDark(row, column)) document.rect(x + (column + quietZone) * cell, y + (row + quietZone) * cell, cell, cell);
    }
  }
  document.fill("#000000");
  document.restore();
}

export function renderInvitationCardsPdf(input: {
  officeName: string;
  cards: { ticketNumber: number; code: string; url: string }[];
  texts: CardTexts;
  locale: string;
  now?: Date;
}): Promise<Buffer> {
  const document = new PDFDocument({ size: "A4", margin: 28, lang: input.locale, info: { Title: plain(`${input.texts.title} - ${input.officeName}`), Author: "Lapor Imigrasi", CreationDate: input.now ?? new Date() } });
  const finished = collect(document);
  const columns = 2;
  const rows = 4;
  const left = document.page.margins.left;
  const top = document.page.margins.top;
  const cardWidth = (document.page.width - 2 * left) / columns;
  const cardHeight = (document.page.height - 2 * top) / rows;
  input.cards.forEach((card, index) => {
    const slot = index % (columns * rows);
    if (slot === 0 && index > 0) document.addPage();
    const x = left + (slot % columns) * cardWidth;
    const y = top + Math.floor(slot / columns) * cardHeight;
    document.save().dash(4, { space: 4 }).lineWidth(0.5).strokeColor("#94a3b8").rect(x, y, cardWidth, cardHeight).stroke().restore();
    const qrSize = 110;
    drawQrCode(document, card.url, x + 10, y + 10, qrSize);
    const textX = x + qrSize + 18;
    const textWidth = cardWidth - qrSize - 28;
    document.font("Helvetica-Bold").fontSize(12).fillColor("#0f172a").text(plain(input.texts.title), textX, y + 14, { width: textWidth });
    document.font("Helvetica").fontSize(8).fillColor("#334155").text(plain(input.officeName), { width: textWidth });
    document.moveDown(0.4).font("Helvetica-Bold").fontSize(14).fillColor("#0f172a").text(plain(input.texts.ticket(card.ticketNumber)), { width: textWidth });
    document.moveDown(0.3).font("Helvetica").fontSize(8).fillColor("#334155").text(plain(input.texts.invite), { width: textWidth });
    document.font("Courier-Bold").fontSize(11).fillColor("#0f172a").text(plain(input.texts.code(card.code)), x + 10, y + qrSize + 16, { width: cardWidth - 20 });
    document.font("Helvetica").fontSize(8).fillColor("#475569").text(plain(input.texts.valid), { width: cardWidth - 20 });
    document.fontSize(7).text(plain(card.url), { width: cardWidth - 20 });
  });
  if (input.cards.length === 0) document.font("Helvetica").fontSize(12).text(plain(input.officeName));
  document.end();
  return finished;
}

export function renderPosterPdf(input: { officeName: string; url: string; texts: PosterTexts; locale: string; now?: Date }): Promise<Buffer> {
  const document = new PDFDocument({ size: "A4", margin: 56, lang: input.locale, info: { Title: plain(`${input.texts.title} - ${input.officeName}`), Author: "Lapor Imigrasi", CreationDate: input.now ?? new Date() } });
  const finished = collect(document);
  const left = document.page.margins.left;
  const width = document.page.width - 2 * left;
  document.font("Helvetica-Bold").fontSize(30).fillColor("#0f172a").text(plain(input.texts.title), { align: "center" });
  document.moveDown(0.4).font("Helvetica").fontSize(14).fillColor("#334155").text(plain(input.officeName), { align: "center" });
  const qrSize = 300;
  const qrY = document.y + 24;
  drawQrCode(document, input.url, left + (width - qrSize) / 2, qrY, qrSize);
  document.y = qrY + qrSize + 24;
  document.font("Helvetica").fontSize(16).fillColor("#0f172a").text(plain(input.texts.lead), left, document.y, { align: "center", width });
  document.moveDown(0.5).font("Helvetica-Oblique").fontSize(12).fillColor("#334155").text(plain(input.texts.otherLanguage), { align: "center", width });
  document.moveDown(0.8).font("Courier").fontSize(11).fillColor("#0f172a").text(plain(input.url), { align: "center", width });
  document.moveDown(1.2).font("Helvetica-Bold").fontSize(12).fillColor("#991b1b").text(plain(input.texts.pungli), { align: "center", width });
  document.end();
  return finished;
}
