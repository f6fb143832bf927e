import type { CaseKind, Locale } from "@/lib/generated/prisma/enums";
import { VERIFICATION_WORKING_DAYS } from "@/lib/deadlines/tiers";

/**
 * Every text of the receipt PDF and of its route's plain-text errors, in Bahasa Indonesia and
 * English. Kept to characters the PDF's built-in Helvetica can draw (Windows-1252).
 */
export type ReceiptPdfTexts = {
  fileNamePrefix: string;
  documentTitle: string;
  title: string;
  subtitle: string;
  trackingCode: string;
  secretKey: string;
  keyOnThisPage: string;
  lostKeyWarning: string;
  summary: string;
  filedAt: string;
  kind: string;
  kinds: Record<CaseKind, string>;
  office: string;
  service: string;
  noService: string;
  category: string;
  verificationDueAt: string;
  verificationNote: string;
  evidence: string;
  noEvidence: string;
  evidenceNote: string;
  size: string;
  howToTrack: string;
  generatedAt: string;
  errors: { trackingNotFound: string; rateLimited: string; forbidden: string; unexpected: string };
};

export const RECEIPT_PDF_TEXTS: Record<Locale, ReceiptPdfTexts> = {
  id: {
    fileNamePrefix: "tanda-terima",
    documentTitle: "Tanda terima laporan Lapor Imigrasi",
    title: "Tanda Terima Laporan",
    subtitle: "Lapor Imigrasi - saluran pengaduan layanan Kantor Imigrasi",
    trackingCode: "Kode pelacakan",
    secretKey: "Kunci rahasia",
    keyOnThisPage:
      "Kunci rahasia sengaja dicetak di dokumen ini agar Anda dapat menyimpannya. Simpan dokumen ini di tempat aman dan jangan tunjukkan atau bagikan kepada siapa pun, termasuk petugas imigrasi: siapa pun yang memegang kode dan kunci ini dapat membuka laporan Anda.",
    lostKeyWarning:
      "Kunci yang hilang tidak dapat dipulihkan atau dikirim ulang. Kami hanya menyimpan sidik kriptografisnya, bukan kuncinya. Tanpa kode dan kunci, laporan tetap ditangani, tetapi Anda tidak dapat melacaknya.",
    summary: "Ringkasan laporan",
    filedAt: "Diterima pada (WIB)",
    kind: "Jenis laporan",
    kinds: { COMPLAINT: "Pengaduan layanan", PUNGLI: "Laporan pungli (pungutan liar)" },
    office: "Kantor imigrasi",
    service: "Layanan",
    noService: "Tidak terkait layanan tertentu",
    category: "Kategori",
    verificationDueAt: "Batas waktu verifikasi",
    verificationNote: `Laporan diverifikasi paling lambat ${VERIFICATION_WORKING_DAYS} hari kerja setelah diterima.`,
    evidence: "Bukti yang dilampirkan",
    noEvidence: "Tidak ada bukti yang dilampirkan.",
    evidenceNote:
      "Sidik SHA-256 dihitung dari berkas yang kami simpan. Metadata foto (lokasi GPS, data kamera) dihapus sebelum disimpan, sehingga sidiknya berbeda dari berkas asli di perangkat Anda.",
    size: "Ukuran",
    howToTrack: "Lacak laporan Anda di halaman Lacak (/lacak) dengan kode pelacakan dan kunci rahasia di atas.",
    generatedAt: "Dokumen dibuat",
    errors: {
      trackingNotFound: "Kode pelacakan atau kunci rahasia tidak cocok dengan laporan mana pun.",
      rateLimited: "Terlalu banyak percobaan. Silakan coba lagi nanti.",
      forbidden: "Permintaan ini tidak berasal dari situs Lapor Imigrasi.",
      unexpected: "Terjadi kesalahan di sistem kami. Silakan coba lagi.",
    },
  },
  en: {
    fileNamePrefix: "receipt",
    documentTitle: "Lapor Imigrasi report receipt",
    title: "Report Receipt",
    subtitle: "Lapor Imigrasi - complaint channel for the immigration offices' services",
    trackingCode: "Tracking code",
    secretKey: "Secret key",
    keyOnThisPage:
      "The secret key is printed on this document on purpose, so that you can keep it. Keep this document somewhere safe and do not show or share it with anyone, immigration officers included: whoever holds this code and key can open your report.",
    lostKeyWarning:
      "A lost key cannot be recovered or sent again. We keep only a cryptographic fingerprint of it, not the key. Without the code and the key your report is still handled, but you cannot follow it.",
    summary: "Summary of the report",
    filedAt: "Received on (Jakarta time, WIB)",
    kind: "Kind of report",
    kinds: { COMPLAINT: "Service complaint", PUNGLI: "Pungli report (illegal levy)" },
    office: "Immigration office",
    service: "Service",
    noService: "Not about a specific service",
    category: "Category",
    verificationDueAt: "Verification deadline",
    verificationNote: `Reports are verified within ${VERIFICATION_WORKING_DAYS} working days of receipt.`,
    evidence: "Evidence attached",
    noEvidence: "No evidence was attached.",
    evidenceNote:
      "The SHA-256 fingerprints are of the files we store. Photo metadata (GPS location, camera data) is removed before storing, so a photo's fingerprint differs from the original on your device.",
    size: "Size",
    howToTrack: "Follow your report on the Track page (/lacak) with the tracking code and secret key above.",
    generatedAt: "Document generated",
    errors: {
      trackingNotFound: "The tracking code or secret key does not match any report.",
      rateLimited: "Too many attempts. Please try again later.",
      forbidden: "This request did not come from the Lapor Imigrasi site.",
      unexpected: "Something went wrong on our side. Please try again.",
    },
  },
};
