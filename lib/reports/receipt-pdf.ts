import "server-only";

import PDFDocument from "pdfkit";

import type { Locale } from "@/lib/generated/prisma/enums";

import { createTrackingQrMatrix, type ReceiptAddress } from "./receipt-address";
import type { ReceiptDetails } from "./receipt-details";
import { RECEIPT_PDF_TEXTS } from "./receipt-pdf-texts";

/**
 * The printable receipt: code and key, the warning that a lost key is lost for good, where to
 * follow the report (the site's address and a QR code to the tracking page with the code filled
 * in, never the key), the filing's summary, what was reported, and the evidence with its
 * fingerprints. The same labels as the receipt page (./receipt-pdf-texts.ts). Only built-in PDF
 * fonts (Helvetica, Courier): nothing to embed, and Indonesian needs no more. The key is drawn on
 * the page only, never put in the document's metadata.
 */

const JAKARTA = "Asia/Jakarta";

/** Intl output may contain narrow or non-breaking spaces, which the built-in fonts lack. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ");
}

function formatDateTime(iso: string, locale: Locale): string {
  return plain(new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeStyle: "short", timeZone: JAKARTA }).format(new Date(iso)));
}

function formatDate(iso: string, locale: Locale): string {
  return plain(new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "full", timeZone: JAKARTA }).format(new Date(iso)));
}

function formatRupiah(amount: number | null, locale: Locale, notGiven: string): string {
  return amount === null ? notGiven : plain(new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(amount));
}

function formatIncidentDate(dateKey: string, locale: Locale): string {
  return plain(new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${dateKey}T00:00:00Z`)));
}

function formatSize(bytes: number, locale: Locale): string {
  const format = (value: number) => plain(new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 }).format(value));
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} B`;
}

export function receiptPdfFileName(trackingCode: string, locale: Locale): string {
  return `${RECEIPT_PDF_TEXTS[locale].fileNamePrefix}-${trackingCode.replace(/[^A-Z0-9-]/gi, "")}.pdf`;
}

export function renderReceiptPdf(
  details: ReceiptDetails,
  secretKey: string,
  locale: Locale,
  options: { address: ReceiptAddress; now?: Date },
): Promise<Buffer> {
  const now = options.now ?? new Date();
  const texts = RECEIPT_PDF_TEXTS[locale];
  const labels = texts.receipt;
  const reported = texts.reported;
  const document = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: locale,
    info: { Title: texts.documentTitle, Author: "Lapor Imigrasi", CreationDate: now },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });

  const left = document.page.margins.left;
  const width = document.page.width - left - document.page.margins.right;
  const label = (text: string) => document.font("Helvetica-Bold").fontSize(10).fillColor("#334155").text(plain(text));
  const value = (text: string, font = "Helvetica") => document.font(font).fontSize(11).fillColor("#0f172a").text(plain(text)).moveDown(0.5);
  const heading = (text: string) => document.font("Helvetica-Bold").fontSize(14).fillColor("#0f172a").text(plain(text)).moveDown(0.5);
  const note = (text: string) => document.font("Helvetica").fontSize(9).fillColor("#475569").text(plain(text));
  /** Keeps a block of about `height` points whole: a new page when it would not fit. */
  const keepTogether = (height: number) => {
    if (document.y + height > document.page.height - document.page.margins.bottom) document.addPage();
  };

  document.font("Helvetica-Bold").fontSize(20).fillColor("#0f172a").text(texts.title);
  document.font("Helvetica").fontSize(10).fillColor("#475569").text(texts.subtitle).moveDown(1.2);

  label(labels.trackingCode);
  document.font("Courier-Bold").fontSize(18).fillColor("#0f172a").text(details.trackingCode).moveDown(0.4);
  label(labels.secretKey);
  document.font("Courier-Bold").fontSize(16).fillColor("#0f172a").text(secretKey).moveDown(0.6);

  const boxTop = document.y;
  const textWidth = width - 20;
  const keyNoticeHeight = document.font("Helvetica-Bold").fontSize(10).heightOfString(texts.keyOnThisPage, { width: textWidth });
  const lostKeyHeight = document.font("Helvetica").fontSize(10).heightOfString(texts.lostKeyWarning, { width: textWidth });
  const warningHeight = keyNoticeHeight + lostKeyHeight + 26;
  document.rect(left, boxTop, width, warningHeight).fillAndStroke("#fef2f2", "#b91c1c");
  document.fillColor("#7f1d1d").font("Helvetica-Bold").text(texts.keyOnThisPage, left + 10, boxTop + 8, { width: textWidth });
  document.moveDown(0.5).font("Helvetica").text(texts.lostKeyWarning, { width: textWidth });
  document.x = left;
  document.y = boxTop + warningHeight + 16;

  // Where to follow the report: the QR code on the right, the addresses beside it.
  const qrSize = 112;
  keepTogether(qrSize + 40);
  heading(labels.trackTitle);
  const trackTop = document.y;
  drawQrCode(document, options.address.trackingUrl, left + width - qrSize, trackTop, qrSize);
  const besideQr = { width: width - qrSize - 16 };
  document.font("Helvetica").fontSize(10).fillColor("#0f172a").text(plain(labels.trackLead), left, trackTop, besideQr).moveDown(0.4);
  document.font("Helvetica-Bold").fontSize(10).fillColor("#334155").text(plain(labels.siteAddress), besideQr);
  document.font("Courier-Bold").fontSize(11).fillColor("#0f172a").text(options.address.siteAddress, besideQr).moveDown(0.3);
  document.font("Helvetica-Bold").fontSize(10).fillColor("#334155").text(plain(texts.trackingAddress), besideQr);
  document.font("Courier").fontSize(9).fillColor("#0f172a").text(options.address.trackingUrl, besideQr);
  document.x = left;
  document.y = Math.max(document.y, trackTop + qrSize) + 16;

  heading(labels.summaryTitle);
  label(labels.filedAt);
  value(`${formatDateTime(details.filedAt, locale)} ${texts.jakartaTime}`);
  label(labels.kind);
  value(labels.kinds[details.kind]);
  label(labels.office);
  value(details.officeName);
  label(labels.service);
  value(details.serviceName ?? labels.noService);
  label(labels.category);
  value(details.categoryName);
  label(labels.verificationDueAt);
  value(formatDate(details.verificationDueAt, locale));
  note(labels.verificationNote);
  document.moveDown(1);

  keepTogether(120);
  heading(reported.title);
  note(reported.onlyYou);
  document.moveDown(0.5);
  const report = details.report;
  label(reported.incidentDate);
  value(report.incidentDate ? formatIncidentDate(report.incidentDate, locale) : reported.notGiven);
  label(reported.incidentPlace);
  value(report.incidentPlace || reported.notGiven);
  if (report.pungli) {
    const answer = (given: boolean | null) => reported.answers[given === null ? "unknown" : given ? "yes" : "no"];
    label(reported.amountDemanded);
    value(formatRupiah(report.pungli.amountDemandedRupiah, locale, reported.notGiven));
    label(reported.amountPaid);
    value(formatRupiah(report.pungli.amountPaidRupiah, locale, reported.notGiven));
    if (report.pungli.officialFeeRupiah !== null) {
      label(reported.officialFee);
      value(formatRupiah(report.pungli.officialFeeRupiah, locale, reported.notGiven));
    }
    label(reported.paymentMethod);
    value(report.pungli.paymentMethod ? reported.paymentMethods[report.pungli.paymentMethod] : reported.notGiven);
    label(reported.brokerInvolved);
    value(answer(report.pungli.brokerInvolved));
    label(reported.receiptGiven);
    value(answer(report.pungli.receiptGiven));
    label(reported.accusedDescription);
    value(report.pungli.accusedDescription || reported.notGiven);
  }
  label(reported.description);
  value(report.description);
  document.moveDown(0.5);

  keepTogether(80);
  heading(labels.evidenceTitle);
  if (details.evidence.length === 0) value(labels.noEvidence);
  else {
    note(labels.evidenceNote);
    document.moveDown(0.5);
  }
  for (const [index, file] of details.evidence.entries()) {
    document.font("Helvetica-Bold").fontSize(10).fillColor("#0f172a").text(plain(`${index + 1}. ${file.fileName}`));
    document.font("Helvetica").fontSize(9).fillColor("#334155").text(plain(`${labels.size}: ${formatSize(file.sizeBytes, locale)} (${file.mediaType})`));
    document.font("Courier").fontSize(8.5).fillColor("#0f172a").text(plain(`${labels.fingerprint}: ${file.sha256}`)).moveDown(0.5);
  }
  document.moveDown(0.5);
  document.font("Helvetica").fontSize(8).fillColor("#64748b").text(`${texts.generatedAt}: ${formatDateTime(now.toISOString(), locale)} ${texts.jakartaTime}`);

  document.end();
  return finished;
}

/** The QR code as black squares on white (with its quiet zone), so it prints sharp at any size. */
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
