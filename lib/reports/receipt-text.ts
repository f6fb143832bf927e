import type { Locale } from "@/lib/generated/prisma/enums";

import { RECEIPT_PDF_TEXTS } from "./receipt-pdf-texts";

/** The receipt's code and key as a small text file to keep on the device. Pure. */

export function receiptTextFileName(trackingCode: string, locale: Locale): string {
  return `${RECEIPT_PDF_TEXTS[locale].textFileNamePrefix}-${trackingCode.replace(/[^A-Z0-9-]/gi, "")}.txt`;
}

export function renderReceiptText(receipt: { trackingCode: string; secretKey: string; siteAddress: string; trackingUrl: string }, locale: Locale): string {
  const texts = RECEIPT_PDF_TEXTS[locale];
  return [
    texts.textFileTitle,
    "",
    `${texts.receipt.trackingCode}: ${receipt.trackingCode}`,
    `${texts.receipt.secretKey}: ${receipt.secretKey}`,
    "",
    `${texts.receipt.siteAddress}: ${receipt.siteAddress}`,
    `${texts.trackingAddress}: ${receipt.trackingUrl}`,
    "",
    texts.receipt.warning,
    texts.lostKeyWarning,
    "",
  ].join("\r\n");
}
