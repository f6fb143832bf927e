import type { Database } from "@/lib/prisma-client";

/**
 * The national reply templates an installation starts with (they were fixed in code before
 * admins could edit them). Inserted only while there is no template at all: from then on the
 * templates are the admins' and office supervisors' (/dasbor/templat).
 */
export const INITIAL_REPLY_TEMPLATES = [
  {
    titleId: "Minta informasi tambahan",
    bodyId:
      "Terima kasih atas laporan Anda. Agar kami dapat menindaklanjutinya, mohon lengkapi informasi berikut: kapan tepatnya kejadian berlangsung, di loket atau ruang mana, ciri-ciri orang yang terlibat, dan bukti pendukung bila ada (foto, kuitansi, tangkapan layar percakapan).",
    titleEn: "Ask for more information",
    bodyEn:
      "Thank you for your report. So that we can follow it up, please tell us: when exactly it happened, at which counter or room, what the people involved looked like, and any supporting evidence you have (photos, receipts, screenshots of messages).",
  },
  {
    titleId: "Laporan diverifikasi",
    bodyId: "Laporan Anda telah kami verifikasi dan sedang ditindaklanjuti. Kami akan memberi kabar perkembangannya melalui halaman lacak ini.",
    titleEn: "Report verified",
    bodyEn: "We have verified your report and are following it up. We will keep you informed of progress on this tracking page.",
  },
  {
    titleId: "Laporan selesai",
    bodyId:
      "Laporan Anda telah selesai kami tindak lanjuti. Terima kasih telah membantu kami memperbaiki layanan. Mohon beri penilaian atas penanganan laporan ini di halaman lacak.",
    titleEn: "Report resolved",
    bodyEn: "We have finished following up your report. Thank you for helping us improve our service. Please rate how your report was handled on the tracking page.",
  },
  {
    titleId: "Laporan tidak dapat diproses",
    bodyId:
      "Mohon maaf, laporan Anda tidak dapat kami proses lebih lanjut. Alasannya kami sampaikan pada status laporan. Bila Anda memiliki informasi tambahan, silakan buat laporan baru.",
    titleEn: "Report cannot be processed",
    bodyEn: "We are sorry, we cannot process your report further. The reason is given with the report's status. If you have more information, please file a new report.",
  },
] as const;

/** Returns how many templates were inserted (0 when the table already had any). */
export async function seedReplyTemplates(db: Database): Promise<number> {
  if ((await db.replyTemplate.count()) > 0) return 0;
  await db.replyTemplate.createMany({ data: INITIAL_REPLY_TEMPLATES.map((template, index) => ({ ...template, officeId: null, sortOrder: index + 1 })) });
  return INITIAL_REPLY_TEMPLATES.length;
}
