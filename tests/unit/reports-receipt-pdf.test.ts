import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import { receiptPdfFileName, renderReceiptPdf } from "@/lib/reports/receipt-pdf";
import { RECEIPT_PDF_TEXTS } from "@/lib/reports/receipt-pdf-texts";
import type { ReceiptDetails } from "@/lib/reports/receipt-details";

const details: ReceiptDetails = {
  trackingCode: "LI-7K3M-9QX2",
  filedAt: "2026-11-28T05:00:00.000Z",
  caseLocale: "id",
  kind: "PUNGLI",
  officeName: "Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan",
  serviceName: "Paspor elektronik 5 tahun",
  categoryCode: "PUNGLI",
  categoryName: "Pungutan liar (pungli)",
  verificationDueAt: "2026-12-02T16:59:59.999Z",
  evidence: [{ fileName: "foto-loket.jpg", mediaType: "image/jpeg", sizeBytes: 123_456, sha256: "9f".repeat(32) }],
};
const secretKey = "04817-93302-55710-28461-90035";

/** The text drawn on the pages: each text operation's glyphs, one per line (kerning dropped). */
function pageText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue;
    }
    for (const operation of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hexParts = [...(operation[1] ?? "").matchAll(/<([0-9a-f]*)>/gi)].map((part) => part[1] ?? "");
      lines.push(Buffer.from(hexParts.join(""), "hex").toString("latin1"));
    }
  }
  return lines.join("\n");
}

describe("receipt PDF", () => {
  it("shows the code, the key, the summary, the evidence hashes and the deadline in Indonesian", async () => {
    const pdf = await renderReceiptPdf(details, secretKey, "id", new Date("2026-11-28T05:01:00Z"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pageText(pdf);
    for (const expected of [
      "Tanda Terima Laporan",
      "LI-7K3M-9QX2",
      secretKey,
      "28 November 2026 pukul 12.00",
      "Laporan pungli (pungutan liar)",
      details.officeName,
      "Paspor elektronik 5 tahun",
      "Pungutan liar (pungli)",
      "foto-loket.jpg",
      `SHA-256: ${"9f".repeat(32)}`,
      "Rabu, 02 Desember 2026",
      "tidak dapat dipulihkan",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("is written in English when asked", async () => {
    const text = pageText(await renderReceiptPdf({ ...details, serviceName: null, evidence: [] }, secretKey, "en"));
    for (const expected of ["Report Receipt", "Not about a specific service", "No evidence was attached.", "Wednesday, 2 December 2026", "cannot be recovered"]) {
      expect(text).toContain(expected);
    }
  });

  it("keeps the key out of the document's metadata", async () => {
    const pdf = await renderReceiptPdf(details, secretKey, "id");
    expect(pdf.toString("latin1")).not.toContain(secretKey);
  });

  it("names the download after the tracking code", () => {
    expect(receiptPdfFileName("LI-7K3M-9QX2", "id")).toBe("tanda-terima-LI-7K3M-9QX2.pdf");
    expect(receiptPdfFileName("LI-7K3M-9QX2", "en")).toBe("receipt-LI-7K3M-9QX2.pdf");
  });

  it("has every text in both languages, drawable with the built-in fonts", () => {
    const keysOf = (value: object): string[] =>
      Object.entries(value).flatMap(([key, entry]) => (typeof entry === "object" ? keysOf(entry).map((inner) => `${key}.${inner}`) : [key]));
    expect(keysOf(RECEIPT_PDF_TEXTS.en)).toEqual(keysOf(RECEIPT_PDF_TEXTS.id));
    // Windows-1252 covers Latin-1 plus a few signs; anything else would print as garbage.
    expect(JSON.stringify(RECEIPT_PDF_TEXTS)).toMatch(/^[\u0020-\u00ff]*$/);
  });
});
