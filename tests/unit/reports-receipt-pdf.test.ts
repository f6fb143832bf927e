import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import enMessages from "@/messages/en.json";
import idMessages from "@/messages/id.json";
import { describeReceiptAddress } from "@/lib/reports/receipt-address";
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
  report: {
    incidentDate: "2026-11-25",
    incidentPlace: "Loket 4, lantai 2",
    description: "Petugas meminta uang tambahan supaya paspor cepat selesai.",
    pungli: {
      amountDemandedRupiah: 1_550_000,
      amountPaidRupiah: 0,
      paymentMethod: "CASH",
      brokerInvolved: true,
      receiptGiven: null,
      accusedDescription: "Berseragam biru, loket 4.",
      officialFeeRupiah: 650_000,
    },
  },
};
const address = await describeReceiptAddress("https://lapor.example.go.id", details.trackingCode);
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
    const pdf = await renderReceiptPdf(details, secretKey, "id", { address, now: new Date("2026-11-28T05:01:00Z") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pageText(pdf);
    for (const expected of [
      "Tanda Terima Laporan",
      "LI-7K3M-9QX2",
      secretKey,
      "28 November 2026 pukul 12.00",
      idMessages.Receipt.kinds.PUNGLI,
      details.officeName,
      "Paspor elektronik 5 tahun",
      "Pungutan liar (pungli)",
      "foto-loket.jpg",
      `Sidik jari (SHA-256): ${"9f".repeat(32)}`,
      "Rabu, 02 Desember 2026",
      "tidak dapat dipulihkan",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("is written in English when asked", async () => {
    const text = pageText(await renderReceiptPdf({ ...details, serviceName: null, evidence: [] }, secretKey, "en", { address }));
    for (const expected of ["Report Receipt", "Not about a specific service", "No evidence was attached.", "Wednesday, 2 December 2026", "cannot be recovered"]) {
      expect(text).toContain(expected);
    }
  });

  it("keeps the key out of the document's metadata", async () => {
    const pdf = await renderReceiptPdf(details, secretKey, "id", { address });
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
    // Windows-1252: Latin-1 plus the signs it puts at 0x80-0x9f; anything else would print as garbage.
    expect(JSON.stringify(RECEIPT_PDF_TEXTS)).toMatch(/^[\u0020-\u00ff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]*$/);
  });

  it("uses the receipt page's own words for what both show", () => {
    expect(RECEIPT_PDF_TEXTS.id.receipt).toBe(idMessages.Receipt);
    expect(RECEIPT_PDF_TEXTS.en.receipt).toBe(enMessages.Receipt);
    expect(RECEIPT_PDF_TEXTS.id.reported).toBe(idMessages.ReportedContent);
    expect(RECEIPT_PDF_TEXTS.en.reported).toBe(enMessages.ReportedContent);
  });

  it("prints the site's address and the tracking page's address with the code, never the key", async () => {
    const text = pageText(await renderReceiptPdf(details, secretKey, "en", { address }));
    expect(text).toContain("https://lapor.example.go.id");
    expect(text).toContain("https://lapor.example.go.id/lacak?kode=LI-7K3M-9QX2");
    expect(address.trackingUrl).not.toContain(secretKey.slice(0, 5));
    expect(text).toContain(enMessages.Receipt.trackTitle);
  });

  it("shows what was reported: date, place, account and the pungli details", async () => {
    const text = pageText(await renderReceiptPdf(details, secretKey, "id", { address }));
    for (const expected of ["25 November 2026", "Loket 4, lantai 2", details.report.description, "Rp 1.550.000", "Rp 650.000", "Tunai", "Berseragam biru, loket 4.", idMessages.ReportedContent.title]) {
      expect(text).toContain(expected);
    }
  });

  it("explains the fingerprint in plain words in both languages", async () => {
    expect(pageText(await renderReceiptPdf(details, secretKey, "id", { address }))).toContain("sidik jari digitalnya");
    expect(pageText(await renderReceiptPdf(details, secretKey, "en", { address }))).toContain("digital fingerprint");
  });
});
