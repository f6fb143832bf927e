import "server-only";

import PDFDocument from "pdfkit";

import type { Locale } from "@/lib/generated/prisma/enums";

import type { ReceiptDetails } from "./receipt-details";
import { RECEIPT_PDF_TEXTS } from "./receipt-pdf-texts";

/**
 * The printable receipt: code and key, the filing's summary, the evidence with its SHA-256
 * hashes, the verification deadline, and the warning that a lost key is lost for good. Only
 * built-in PDF fonts (Helvetica, Courier): nothing to embed, and Indonesian needs no more.
 * The key is drawn on the page only, never put in the document's metadata.
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

function formatSize(bytes: number, locale: Locale): string {
  const format = (value: number) => plain(new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 }).format(value));
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} B`;
}

export function receiptPdfFileName(trackingCode: string, locale: Locale): string {
  return `${RECEIPT_PDF_TEXTS[locale].fileNamePrefix}-${trackingCode.replace(/[^A-Z0-9-]/gi, "")}.pdf`;
}

export function renderReceiptPdf(details: ReceiptDetails, secretKey: string, locale: Locale, now: Date = new Date()): Promise<Buffer> {
  const texts = RECEIPT_PDF_TEXTS[locale];
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

  const width = document.page.width - document.page.margins.left - document.page.margins.right;
  const label = (text: string) => document.font("Helvetica-Bold").fontSize(10).fillColor("#334155").text(plain(text));
  const value = (text: string, font = "Helvetica") => document.font(font).fontSize(11).fillColor("#0f172a").text(plain(text)).moveDown(0.5);

  document.font("Helvetica-Bold").fontSize(20).fillColor("#0f172a").text(texts.title);
  document.font("Helvetica").fontSize(10).fillColor("#475569").text(texts.subtitle).moveDown(1.2);

  label(texts.trackingCode);
  document.font("Courier-Bold").fontSize(18).fillColor("#0f172a").text(details.trackingCode).moveDown(0.4);
  label(texts.secretKey);
  document.font("Courier-Bold").fontSize(16).fillColor("#0f172a").text(secretKey).moveDown(0.6);

  const boxTop = document.y;
  const textWidth = width - 20;
  const keyNoticeHeight = document.font("Helvetica-Bold").fontSize(10).heightOfString(texts.keyOnThisPage, { width: textWidth });
  const lostKeyHeight = document.font("Helvetica").fontSize(10).heightOfString(texts.lostKeyWarning, { width: textWidth });
  const warningHeight = keyNoticeHeight + lostKeyHeight + 26;
  document.rect(document.page.margins.left, boxTop, width, warningHeight).fillAndStroke("#fef2f2", "#b91c1c");
  document.fillColor("#7f1d1d").font("Helvetica-Bold").text(texts.keyOnThisPage, document.page.margins.left + 10, boxTop + 8, { width: textWidth });
  document.moveDown(0.5).font("Helvetica").text(texts.lostKeyWarning, { width: textWidth });
  document.x = document.page.margins.left;
  document.y = boxTop + warningHeight + 16;

  document.font("Helvetica-Bold").fontSize(14).fillColor("#0f172a").text(texts.summary).moveDown(0.5);
  label(texts.filedAt);
  value(formatDateTime(details.filedAt, locale));
  label(texts.kind);
  value(texts.kinds[details.kind]);
  label(texts.office);
  value(details.officeName);
  label(texts.service);
  value(details.serviceName ?? texts.noService);
  label(texts.category);
  value(details.categoryName);
  label(texts.verificationDueAt);
  value(formatDate(details.verificationDueAt, locale));
  document.font("Helvetica").fontSize(9).fillColor("#475569").text(texts.verificationNote).moveDown(1);

  document.font("Helvetica-Bold").fontSize(14).fillColor("#0f172a").text(texts.evidence).moveDown(0.5);
  if (details.evidence.length === 0) value(texts.noEvidence);
  for (const [index, file] of details.evidence.entries()) {
    document.font("Helvetica-Bold").fontSize(10).fillColor("#0f172a").text(plain(`${index + 1}. ${file.fileName}`));
    document.font("Helvetica").fontSize(9).fillColor("#334155").text(`${texts.size}: ${formatSize(file.sizeBytes, locale)} (${file.mediaType})`);
    document.font("Courier").fontSize(8.5).fillColor("#0f172a").text(`SHA-256: ${file.sha256}`).moveDown(0.5);
  }
  document.font("Helvetica").fontSize(9).fillColor("#475569").text(texts.evidenceNote).moveDown(1);

  document.font("Helvetica").fontSize(10).fillColor("#0f172a").text(texts.howToTrack).moveDown(0.5);
  document.font("Helvetica").fontSize(8).fillColor("#64748b").text(`${texts.generatedAt}: ${formatDateTime(now.toISOString(), locale)}`);

  document.end();
  return finished;
}
