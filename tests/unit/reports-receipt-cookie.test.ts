import { randomBytes } from "node:crypto";

import jsQR from "jsqr";
import QRCode from "qrcode";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { buildTrackingUrl, createTrackingQrMatrix, describeReceiptAddress } from "@/lib/reports/receipt-address";
import { openReceiptCookie, sealReceiptCookie } from "@/lib/reports/receipt-cookie";

const key = randomBytes(32);
const now = new Date("2026-12-07T10:00:00Z");
const receipt = {
  caseId: "0b7e2f4c-3d1a-4c6e-9f21-5a8b7c6d5e4f",
  trackingCode: "LI-7K3M-9QX2",
  secretKey: "04817-93302-55710-28461-90035",
  expiresAt: new Date("2026-12-07T11:00:00Z"),
};

describe("receipt cookie", () => {
  it("opens what it sealed, until it expires", () => {
    const value = sealReceiptCookie(receipt, key);
    expect(openReceiptCookie(value, key, now)).toEqual(receipt);
    expect(openReceiptCookie(value, key, new Date("2026-12-07T11:00:00Z"))).toBeNull();
  });

  it("shows neither the code nor the key to the browser", () => {
    const value = sealReceiptCookie(receipt, key);
    expect(value).not.toContain(receipt.trackingCode);
    for (const group of receipt.secretKey.split("-")) expect(value).not.toContain(group);
  });

  it("opens nothing altered, sealed under another key, or malformed", () => {
    const value = sealReceiptCookie(receipt, key);
    const altered = `${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
    expect(openReceiptCookie(altered, key, now)).toBeNull();
    expect(openReceiptCookie(value, randomBytes(32), now)).toBeNull();
    expect(openReceiptCookie(undefined, key, now)).toBeNull();
    expect(openReceiptCookie("x".repeat(2000), key, now)).toBeNull();
    expect(openReceiptCookie(sealReceiptCookie({ ...receipt, secretKey: "1234" }, key), key, now)).toBeNull();
  });
});

describe("receipt address", () => {
  it("links the tracking page with the code only", () => {
    expect(buildTrackingUrl("https://lapor.example.go.id", "LI-7K3M-9QX2")).toBe("https://lapor.example.go.id/lacak?kode=LI-7K3M-9QX2");
  });

  it("draws a QR code that a reader decodes to the tracking page's address", async () => {
    const address = await describeReceiptAddress("https://lapor.example.go.id", "LI-7K3M-9QX2");
    const { data, info } = await sharp(Buffer.from(address.qrSvg)).resize(400).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data).toBe(address.trackingUrl);
  });

  it("gives the PDF the same modules as the QR code library", () => {
    const url = "https://lapor.example.go.id/lacak?kode=LI-7K3M-9QX2";
    const matrix = createTrackingQrMatrix(url);
    const reference = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
    expect(matrix.size).toBe(reference.size);
    for (let row = 0; row < matrix.size; row += 1) for (let column = 0; column < matrix.size; column += 1) expect(matrix.isDark(row, column)).toBe(Boolean(reference.get(row, column)));
  });
});
