/**
 * The text of every notification mail, in Bahasa Indonesia and English, as plain text and simple
 * HTML. Pure (no Next, no Prisma), so the unit tests read every mail there is.
 *
 * A reporter's notice names only the tracking code and links to /lacak: never the case's content
 * (a mailbox is read by others, forwarded, kept for years) and never the receipt's secret key,
 * which stays on the receipt. Staff mails name the code and link to the case in the dashboard,
 * where the usual access checks apply; they carry no content either.
 */

export type MailLocale = "id" | "en";

export type ReporterNoticeKind = "CASE_UPDATED" | "CASE_CLOSED" | "CASE_AUTO_CLOSED" | "RETALIATION_CHECK";
export type StaffNoticeKind = "NEW_CASE" | "CASE_ASSIGNED" | "REPORTER_REPLIED" | "DEADLINE_DUE" | "ESCALATED";

export type DigestFigures = {
  newCases: number;
  resolved: number;
  overdue: number;
  /** Percent of the cases closed in the week that met their deadline; null when none closed. */
  onTimeShare: number | null;
  /** Average rating (1 to 5); null without ratings. */
  averageRating: number | null;
  ratings: number;
};

export type MailContent = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** One mail from paragraphs, links and a footer: the text and the HTML say the same. */
function compose(input: { subject: string; paragraphs: string[]; action: { label: string; url: string }; footer: string; footerLink: { label: string; url: string } }): MailContent {
  const text = [...input.paragraphs, `${input.action.label}: ${input.action.url}`, "", "--", input.footer, `${input.footerLink.label}: ${input.footerLink.url}`].join("\n\n");
  const html = [
    "<!doctype html>",
    `<html><body style="font-family: sans-serif; line-height: 1.5; color: #1f2937;">`,
    ...input.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(input.action.url)}">${escapeHtml(input.action.label)}</a></p>`,
    `<hr><p style="font-size: 0.85em; color: #6b7280;">${escapeHtml(input.footer)} <a href="${escapeHtml(input.footerLink.url)}">${escapeHtml(input.footerLink.label)}</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject: input.subject, text, html };
}

const REPORTER_TEXTS: Record<MailLocale, Record<ReporterNoticeKind, { subject: (code: string) => string; body: (code: string) => string[] }>> = {
  id: {
    CASE_UPDATED: {
      subject: (code) => `Ada kabar tentang laporan ${code}`,
      body: (code) => [`Ada kabar baru tentang laporan Anda ${code}: petugas menjawab, meminta keterangan tambahan, atau mengubah statusnya.`, "Buka halaman lacak dan masukkan kunci rahasia dari tanda terima Anda untuk membacanya."],
    },
    CASE_CLOSED: {
      subject: (code) => `Laporan ${code} telah ditutup`,
      body: (code) => [`Laporan Anda ${code} telah ditutup.`, "Buka halaman lacak dengan kunci rahasia dari tanda terima Anda untuk membaca hasilnya, dan mohon beri penilaian atas penanganannya."],
    },
    CASE_AUTO_CLOSED: {
      subject: (code) => `Laporan ${code} ditutup tanpa jawaban Anda`,
      body: (code) => [`Laporan Anda ${code} ditutup karena keterangan yang diminta tidak kami terima dalam batas waktu.`, "Buka halaman lacak dengan kunci rahasia dari tanda terima Anda untuk melihat alasannya dan memberi penilaian."],
    },
    RETALIATION_CHECK: {
      subject: (code) => `Pertanyaan tentang laporan ${code}`,
      body: (code) => [`Laporan Anda ${code} telah ditutup beberapa waktu lalu.`, "Apakah Anda mengalami pembalasan atau perlakuan tidak adil sejak melapor? Jawab di halaman lacak dengan kunci rahasia dari tanda terima Anda. Jawaban Anda ditangani di atas kantor yang Anda laporkan."],
    },
  },
  en: {
    CASE_UPDATED: {
      subject: (code) => `News on report ${code}`,
      body: (code) => [`There is news on your report ${code}: staff replied, asked for more information, or changed its status.`, "Open the tracking page and enter the secret key from your receipt to read it."],
    },
    CASE_CLOSED: {
      subject: (code) => `Report ${code} has been closed`,
      body: (code) => [`Your report ${code} has been closed.`, "Open the tracking page with the secret key from your receipt to read the outcome, and please rate how it was handled."],
    },
    CASE_AUTO_CLOSED: {
      subject: (code) => `Report ${code} was closed without your answer`,
      body: (code) => [`Your report ${code} was closed because the information asked for did not reach us in time.`, "Open the tracking page with the secret key from your receipt to see why and to rate it."],
    },
    RETALIATION_CHECK: {
      subject: (code) => `A question about report ${code}`,
      body: (code) => [`Your report ${code} was closed some time ago.`, "Have you faced any retaliation or unfair treatment since you reported? Answer on the tracking page with the secret key from your receipt. Your answer is handled above the office you reported."],
    },
  },
};

const REPORTER_FOOTER: Record<MailLocale, { footer: string; stop: string; open: string }> = {
  id: { footer: "Anda menerima surel ini karena meninggalkan alamat surel pada laporan ini. Isi laporan tidak pernah dikirim lewat surel.", stop: "Berhenti menerima pemberitahuan untuk laporan ini", open: "Buka halaman lacak" },
  en: { footer: "You receive this mail because you left your email address on this report. A report's content is never sent by mail.", stop: "Stop notices for this report", open: "Open the tracking page" },
};

export function buildReporterMail(input: { kind: ReporterNoticeKind; locale: MailLocale; trackingCode: string; baseUrl: string; unsubscribeUrl: string }): MailContent {
  const texts = REPORTER_TEXTS[input.locale][input.kind];
  const footer = REPORTER_FOOTER[input.locale];
  return compose({
    subject: texts.subject(input.trackingCode),
    paragraphs: texts.body(input.trackingCode),
    action: { label: footer.open, url: trackingUrl(input.baseUrl, input.trackingCode) },
    footer: footer.footer,
    footerLink: { label: footer.stop, url: input.unsubscribeUrl },
  });
}

export function trackingUrl(baseUrl: string, trackingCode: string): string {
  return `${baseUrl}/lacak?kode=${encodeURIComponent(trackingCode)}`;
}

const STAFF_TEXTS: Record<MailLocale, Record<StaffNoticeKind, { subject: (codes: string) => string; body: (codes: string) => string }>> = {
  id: {
    NEW_CASE: { subject: (codes) => `Kasus baru di kantor Anda: ${codes}`, body: (codes) => `Kasus baru masuk di kantor Anda: ${codes}.` },
    CASE_ASSIGNED: { subject: (codes) => `Kasus ${codes} ditugaskan kepada Anda`, body: (codes) => `Kasus ${codes} ditugaskan kepada Anda.` },
    REPORTER_REPLIED: { subject: (codes) => `Pelapor menjawab pada kasus ${codes}`, body: (codes) => `Pelapor menulis pesan baru pada kasus ${codes}.` },
    DEADLINE_DUE: { subject: (codes) => `Tenggat kasus ${codes} jatuh dalam satu hari kerja`, body: (codes) => `Tenggat kasus ${codes} jatuh dalam satu hari kerja.` },
    ESCALATED: { subject: (codes) => `Eskalasi: kasus ${codes}`, body: (codes) => `Kasus ${codes} dalam cakupan Anda dieskalasi dan memerlukan perhatian Anda.` },
  },
  en: {
    NEW_CASE: { subject: (codes) => `New cases in your office: ${codes}`, body: (codes) => `New cases came in at your office: ${codes}.` },
    CASE_ASSIGNED: { subject: (codes) => `Case ${codes} was assigned to you`, body: (codes) => `Case ${codes} was assigned to you.` },
    REPORTER_REPLIED: { subject: (codes) => `The reporter replied on case ${codes}`, body: (codes) => `The reporter wrote a new message on case ${codes}.` },
    DEADLINE_DUE: { subject: (codes) => `Case ${codes} is due within one working day`, body: (codes) => `The deadline of case ${codes} falls within one working day.` },
    ESCALATED: { subject: (codes) => `Escalation: case ${codes}`, body: (codes) => `Case ${codes} in your scope was escalated and needs your attention.` },
  },
};

const STAFF_FOOTER: Record<MailLocale, { footer: string; preferences: string; open: string; openQueue: string }> = {
  id: { footer: "Pilih surel yang Anda terima di halaman akun Anda.", preferences: "Pengaturan pemberitahuan", open: "Buka kasus", openQueue: "Buka antrean" },
  en: { footer: "Choose which mails you receive on your account page.", preferences: "Notification settings", open: "Open the case", openQueue: "Open the queue" },
};

/** A staff mail about one case, or (new cases, batched) several: it links to the case, or to the queue for several. */
export function buildStaffMail(input: { kind: StaffNoticeKind; locale: MailLocale; cases: { id: string; trackingCode: string }[]; baseUrl: string }): MailContent {
  const texts = STAFF_TEXTS[input.locale][input.kind];
  const footer = STAFF_FOOTER[input.locale];
  const codes = input.cases.map((entry) => entry.trackingCode).join(", ");
  const single = input.cases.length === 1 ? input.cases[0] : undefined;
  return compose({
    subject: texts.subject(input.cases.length > 3 ? `${input.cases.length}` : codes),
    paragraphs: [texts.body(codes)],
    action: single ? { label: footer.open, url: `${input.baseUrl}/dasbor/kasus/${single.id}` } : { label: footer.openQueue, url: `${input.baseUrl}/dasbor` },
    footer: footer.footer,
    footerLink: { label: footer.preferences, url: `${input.baseUrl}/dasbor/akun` },
  });
}

const DIGEST_TEXTS: Record<MailLocale, { subject: (scope: string) => string; lines: (figures: DigestFigures, scope: string) => string[]; open: string }> = {
  id: {
    subject: (scope) => `Ringkasan mingguan: ${scope}`,
    lines: (figures, scope) => [
      `Ringkasan tujuh hari terakhir untuk ${scope}:`,
      `Kasus baru: ${figures.newCases}. Selesai: ${figures.resolved}. Lewat tenggat (masih terbuka): ${figures.overdue}.`,
      `Tepat waktu: ${figures.onTimeShare === null ? "belum ada kasus ditutup" : `${figures.onTimeShare}%`}. Kepuasan: ${figures.averageRating === null ? "belum ada penilaian" : `${figures.averageRating.toFixed(1)} dari 5 (${figures.ratings} penilaian)`}.`,
    ],
    open: "Buka statistik",
  },
  en: {
    subject: (scope) => `Weekly digest: ${scope}`,
    lines: (figures, scope) => [
      `The last seven days for ${scope}:`,
      `New cases: ${figures.newCases}. Resolved: ${figures.resolved}. Overdue (still open): ${figures.overdue}.`,
      `On time: ${figures.onTimeShare === null ? "no case closed yet" : `${figures.onTimeShare}%`}. Satisfaction: ${figures.averageRating === null ? "no ratings yet" : `${figures.averageRating.toFixed(1)} of 5 (${figures.ratings} ratings)`}.`,
    ],
    open: "Open the statistics",
  },
};

export function buildDigestMail(input: { locale: MailLocale; scopeName: string; figures: DigestFigures; baseUrl: string }): MailContent {
  const texts = DIGEST_TEXTS[input.locale];
  const footer = STAFF_FOOTER[input.locale];
  return compose({
    subject: texts.subject(input.scopeName),
    paragraphs: texts.lines(input.figures, input.scopeName),
    action: { label: texts.open, url: `${input.baseUrl}/dasbor/statistik` },
    footer: footer.footer,
    footerLink: { label: footer.preferences, url: `${input.baseUrl}/dasbor/akun` },
  });
}
