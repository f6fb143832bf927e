import type { Locale } from "@/lib/generated/prisma/enums";
import enMessages from "@/messages/en.json";
import idMessages from "@/messages/id.json";

/**
 * Every text of the receipt PDF, its text file and their routes' plain-text errors, in Bahasa
 * Indonesia and English. The labels the receipt page shows too (code, key, summary, what was
 * reported, evidence and its fingerprint, where to follow the report) come from the page's own
 * messages (Receipt, ReportedContent), so the page and the PDF always use the same words. The
 * PDF's built-in Helvetica draws Windows-1252 only: tests/unit/reports-receipt-pdf.test.ts checks
 * every text fits it.
 */

type ReceiptMessages = (typeof idMessages)["Receipt"];
type ReportedContentMessages = (typeof idMessages)["ReportedContent"];

export type ReceiptPdfTexts = {
  fileNamePrefix: string;
  textFileNamePrefix: string;
  documentTitle: string;
  title: string;
  subtitle: string;
  /** The receipt page's labels (messages, Receipt). */
  receipt: ReceiptMessages;
  /** The labels of what was reported (messages, ReportedContent). */
  reported: ReportedContentMessages;
  /** Said after the time of filing: the PDF has no browser to show the reader's zone. */
  jakartaTime: string;
  keyOnThisPage: string;
  lostKeyWarning: string;
  trackingAddress: string;
  generatedAt: string;
  /** The text file's opening line. */
  textFileTitle: string;
  errors: { trackingNotFound: string; receiptExpired: string; rateLimited: string; forbidden: string; unexpected: string };
};

export const RECEIPT_PDF_TEXTS: Record<Locale, ReceiptPdfTexts> = {
  id: {
    fileNamePrefix: "tanda-terima",
    textFileNamePrefix: "kunci-laporan",
    documentTitle: "Tanda terima laporan Lapor Imigrasi",
    title: "Tanda Terima Laporan",
    subtitle: "Lapor Imigrasi - saluran pengaduan layanan Kantor Imigrasi",
    receipt: idMessages.Receipt,
    reported: idMessages.ReportedContent,
    jakartaTime: "WIB",
    keyOnThisPage:
      "Kunci rahasia sengaja dicetak di dokumen ini agar Anda dapat menyimpannya. Simpan dokumen ini di tempat aman dan jangan tunjukkan atau bagikan kepada siapa pun, termasuk petugas imigrasi: siapa pun yang memegang kode dan kunci ini dapat membuka laporan Anda.",
    lostKeyWarning:
      "Kunci yang hilang tidak dapat dipulihkan atau dikirim ulang. Kami hanya menyimpan sidik jari kriptografisnya, bukan kuncinya. Tanpa kode dan kunci, laporan tetap ditangani, tetapi Anda tidak dapat melacaknya.",
    trackingAddress: "Alamat halaman Lacak untuk laporan ini",
    generatedAt: "Dokumen dibuat",
    textFileTitle: "Tanda terima laporan Lapor Imigrasi. Simpan file ini di tempat aman dan jangan bagikan.",
    errors: {
      trackingNotFound: "Kode tanda terima atau kunci rahasia tidak cocok dengan laporan mana pun.",
      receiptExpired: "Tanda terima tidak lagi tersimpan di perangkat ini. Buka laporan Anda di halaman Lacak dengan kode tanda terima dan kunci rahasia.",
      rateLimited: "Terlalu banyak percobaan. Silakan coba lagi nanti.",
      forbidden: "Permintaan ini tidak berasal dari situs Lapor Imigrasi.",
      unexpected: "Terjadi kesalahan di sistem kami. Silakan coba lagi.",
    },
  },
  en: {
    fileNamePrefix: "receipt",
    textFileNamePrefix: "report-key",
    documentTitle: "Lapor Imigrasi report receipt",
    title: "Report Receipt",
    subtitle: "Lapor Imigrasi - complaint channel for the immigration offices' services",
    receipt: enMessages.Receipt,
    reported: enMessages.ReportedContent,
    jakartaTime: "Jakarta time (WIB)",
    keyOnThisPage:
      "The secret key is printed on this document on purpose, so that you can keep it. Keep this document somewhere safe and do not show or share it with anyone, immigration officers included: whoever holds this code and key can open your report.",
    lostKeyWarning:
      "A lost key cannot be recovered or sent again. We keep only a cryptographic fingerprint of it, not the key. Without the code and the key your report is still handled, but you cannot follow it.",
    trackingAddress: "Tracking page address for this report",
    generatedAt: "Document generated",
    textFileTitle: "Lapor Imigrasi report receipt. Keep this file somewhere safe and do not share it.",
    errors: {
      trackingNotFound: "The tracking code or secret key does not match any report.",
      receiptExpired: "The receipt is no longer kept on this device. Open your report on the tracking page with the tracking code and secret key.",
      rateLimited: "Too many attempts. Please try again later.",
      forbidden: "This request did not come from the Lapor Imigrasi site.",
      unexpected: "Something went wrong on our side. Please try again.",
    },
  },
};
