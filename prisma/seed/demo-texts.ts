import type { CaseStatus, ForwardTarget, Locale } from "@/lib/generated/prisma/enums";

import type { CategoryCode } from "./reference-data";

/**
 * Wording for demo cases, in the language the demo reporter wrote in. Every
 * person, phone number and event here is made up.
 */

type Story = (service: string, counter: number) => string;

type DemoTexts = {
  stories: Record<CategoryCode, Story[]>;
  places: string[];
  genericService: string;
  serviceNoun: (serviceCode: string) => string;
  accused: ((counter: number) => string)[];
  rejectionReasons: string[];
  forwardNote: (target: ForwardTarget) => string;
  replyFor: (status: CaseStatus, context: { forwardedTo: ForwardTarget | null; rejectionReason: string | null }) => string | null;
  internalNotes: string[];
  reporterAnswers: string[];
  ratingComments: { good: string[]; bad: string[] };
  people: { name: string; email: string; phone: string }[];
};

const SERVICE_NOUNS_ID: [RegExp, string][] = [
  [/^percepatan/, "layanan percepatan paspor"],
  [/^beban-paspor-hilang/, "penggantian paspor yang hilang"],
  [/^beban-paspor-rusak/, "penggantian paspor yang rusak"],
  [/^paspor/, "pembuatan paspor"],
  [/^splp/, "pembuatan SPLP"],
  [/^itk/, "perpanjangan izin tinggal kunjungan"],
  [/^itas/, "pengurusan ITAS"],
  [/^itap/, "pengurusan ITAP"],
  [/^imk/, "izin masuk kembali"],
  [/^voa/, "visa on arrival"],
  [/^visa|^vitas/, "pengurusan visa"],
  [/^beban-overstay/, "pembayaran denda overstay"],
];

const SERVICE_NOUNS_EN: [RegExp, string][] = [
  [/^percepatan/, "express passport service"],
  [/^beban-paspor/, "passport replacement"],
  [/^paspor|^splp/, "passport application"],
  [/^itk/, "visit stay permit extension"],
  [/^itas/, "ITAS (limited stay permit) application"],
  [/^itap/, "ITAP (permanent stay permit) application"],
  [/^imk/, "re-entry permit"],
  [/^voa/, "visa on arrival"],
  [/^visa|^vitas/, "visa application"],
  [/^beban-overstay/, "overstay payment"],
];

function nounFor(table: [RegExp, string][], fallback: string) {
  return (serviceCode: string) => table.find(([pattern]) => pattern.test(serviceCode))?.[1] ?? fallback;
}

const indonesian: DemoTexts = {
  stories: {
    PUNGLI: [
      (service, counter) => `Saat ${service}, petugas di loket ${counter} meminta uang tambahan di luar tarif resmi supaya berkas saya "diproses cepat". Katanya kalau tidak bayar, jadwal wawancara baru bisa dua minggu lagi. Uang diminta tunai dan tidak ada kuitansi.`,
      (service, counter) => `Petugas di ruang wawancara (meja ${counter}) menyatakan dokumen saya kurang lengkap, lalu menawarkan "bantuan" dengan biaya tambahan. Setelah saya bayar, berkas langsung diterima. Saya baru tahu kemudian bahwa tarif resminya jauh lebih kecil.`,
      (service) => `Untuk ${service} saya diminta transfer ke rekening pribadi seorang pegawai dengan alasan "biaya administrasi". Di situs resmi tidak ada biaya seperti itu. Bukti transfer saya simpan.`,
      (service, counter) => `Di loket pengambilan ${counter}, paspor saya ditahan dan petugas bilang harus ada "uang rokok" dulu. Saya menolak dan diminta menunggu sampai sore tanpa kejelasan.`,
    ],
    CALO: [
      (service) => `Di area parkir ada orang yang menawarkan jasa ${service} tanpa antre, asal membayar jauh di atas tarif resmi. Ia mengaku kenal orang dalam dan bisa memberi nomor antrean pagi. Beberapa pemohon terlihat ikut membayar.`,
      (service) => `Saya dihubungi lewat WhatsApp oleh orang yang menawarkan ${service} "pasti jadi hari ini". Ia meminta transfer dulu, lalu mengatur agar saya dipanggil lebih dulu oleh petugas di dalam.`,
      (service, counter) => `Seorang perantara di depan gerbang mengantar pemohon langsung ke loket ${counter} tanpa antre. Pemohon lain yang sudah menunggu sejak pagi dilewati. Perantara itu meminta bayaran per orang.`,
    ],
    SLOW_SERVICE: [
      (service) => `Saya mengajukan ${service} sudah tiga minggu dan statusnya belum berubah. Setiap kali bertanya, jawabannya berbeda-beda dan tidak ada kepastian kapan selesai.`,
      (service) => `Antrean ${service} sangat lama. Saya datang pukul 07.00 sesuai jadwal daring, tetapi baru dipanggil pukul 14.00. Tidak ada informasi soal keterlambatan.`,
      (service) => `Berkas ${service} saya dinyatakan lengkap, tetapi paspor belum bisa diambil melebihi waktu yang dijanjikan di standar pelayanan.`,
    ],
    RUDE_OFFICER: [
      (_service, counter) => `Petugas di loket ${counter} membentak ibu saya yang sudah lanjut usia karena salah mengisi formulir. Ucapannya kasar dan membuat pemohon lain ikut tidak nyaman.`,
      (service) => `Saat bertanya tentang ${service}, petugas menjawab sambil bermain ponsel dan menyuruh saya "cari sendiri di internet". Sikapnya tidak profesional.`,
    ],
    PROCEDURE_NOT_FOLLOWED: [
      (service) => `Untuk ${service} saya diminta membawa surat rekomendasi yang tidak tercantum dalam persyaratan resmi. Pemohon lain di hari yang sama tidak diminta dokumen itu.`,
      (service, counter) => `Wawancara ${service} di meja ${counter} dilakukan tanpa nomor antrean dan tanpa pemeriksaan dokumen asli, tidak sesuai prosedur yang diumumkan.`,
    ],
    INFORMATION_NOT_GIVEN: [
      (service) => `Saya tidak mendapat penjelasan mengapa permohonan ${service} saya ditunda. Petugas hanya bilang "tunggu kabar", tanpa menyebut kekurangan berkas atau batas waktunya.`,
      (service) => `Rincian biaya ${service} tidak dipasang di ruang pelayanan dan petugas tidak mau menyebutkan tarif resmi ketika ditanya.`,
    ],
    OTHER: [
      (service) => `Aplikasi antrean untuk ${service} sering gagal saat pembayaran, tetapi kuota saya tetap terpakai. Mohon diperbaiki.`,
      () => `Fasilitas ruang tunggu tidak memadai: kursi kurang, pendingin ruangan mati, dan tidak ada tempat untuk penyandang disabilitas.`,
    ],
  },
  places: ["Loket pelayanan", "Ruang wawancara", "Loket pengambilan paspor", "Area parkir depan kantor", "Lobi pelayanan", "Lewat WhatsApp / telepon", "Ruang tunggu", "Pos pengamanan depan"],
  genericService: "layanan keimigrasian",
  serviceNoun: nounFor(SERVICE_NOUNS_ID, "layanan keimigrasian"),
  accused: [
    (counter) => `Laki-laki berseragam, sekitar 40 tahun, di loket ${counter} sekitar pukul 10.00.`,
    (counter) => `Perempuan berkerudung, memakai tanda pengenal pegawai, bertugas di meja ${counter}.`,
    () => `Laki-laki tidak berseragam di area parkir, mengaku "orang dalam", nomor WhatsApp 0812-0000-4471.`,
    () => `Tidak tahu namanya. Berkemeja batik, tinggi sedang, berkacamata.`,
  ],
  rejectionReasons: [
    "Laporan tidak memuat cukup keterangan untuk ditindaklanjuti dan pelapor tidak dapat dihubungi.",
    "Hal yang dilaporkan bukan kewenangan kantor imigrasi; pelapor diarahkan ke instansi terkait.",
    "Laporan merupakan duplikat dari laporan lain yang sedang ditangani.",
  ],
  forwardNote: (target) =>
    ({
      REGIONAL_OFFICE: "Diteruskan ke Kantor Wilayah untuk pemeriksaan lebih lanjut.",
      INSPECTORATE_GENERAL: "Diteruskan ke Inspektorat Jenderal karena menyangkut dugaan pelanggaran oleh pegawai.",
      SABER_PUNGLI: "Diteruskan ke Satgas Saber Pungli untuk ditindaklanjuti.",
      OMBUDSMAN: "Diteruskan ke Ombudsman RI sesuai permintaan pelapor.",
    })[target],
  replyFor: (status, { forwardedTo, rejectionReason }) => {
    switch (status) {
      case "VERIFIED":
        return "Terima kasih atas laporan Anda. Laporan sudah kami verifikasi dan akan segera ditangani oleh petugas.";
      case "WAITING_FOR_REPORTER":
        return "Mohon kirimkan keterangan tambahan: tanggal dan jam kejadian yang lebih tepat, serta bukti pembayaran bila ada.";
      case "RESOLVED":
        return "Laporan Anda sudah kami tindak lanjuti. Petugas yang bersangkutan telah diperiksa dan diberi sanksi sesuai ketentuan. Terima kasih telah membantu kami memperbaiki pelayanan.";
      case "REJECTED":
        return `Mohon maaf, laporan Anda tidak dapat kami tindak lanjuti. Alasan: ${rejectionReason ?? "-"}`;
      case "FORWARDED":
        return forwardedTo ? `Laporan Anda kami teruskan. ${indonesian.forwardNote(forwardedTo)}` : null;
      default:
        return null;
    }
  },
  internalNotes: [
    "Cek rekaman CCTV loket pada tanggal kejadian.",
    "Koordinasi dengan Kasi Lantaskim untuk klarifikasi petugas.",
    "Pelapor menyebut nomor meja; cocokkan dengan jadwal piket.",
    "Kemungkinan terkait laporan calo di area parkir minggu lalu.",
  ],
  reporterAnswers: [
    "Kejadiannya hari Selasa sekitar pukul 10.30. Bukti transfer sudah saya lampirkan.",
    "Saya tidak menerima kuitansi. Orangnya memakai seragam dan berdiri dekat loket.",
    "Nomor antrean saya waktu itu B-112. Saya bersedia dimintai keterangan.",
  ],
  ratingComments: {
    good: ["Ditangani dengan cepat, terima kasih.", "Petugas responsif dan jelas menjelaskan.", "Semoga pelayanan terus membaik."],
    bad: ["Terlalu lama, tidak ada kabar berhari-hari.", "Jawabannya tidak menjawab masalah saya.", "Saya kecewa laporan saya ditolak."],
  },
  people: [
    { name: "Budi Santoso", email: "budi.santoso@contoh.id", phone: "0812-0000-1001" },
    { name: "Sri Wahyuni", email: "sri.wahyuni@contoh.id", phone: "0813-0000-2002" },
    { name: "Andi Pratama", email: "andi.pratama@contoh.id", phone: "0857-0000-3003" },
    { name: "Nur Aisyah", email: "nur.aisyah@contoh.id", phone: "0821-0000-4004" },
    { name: "Yohanes Lubis", email: "yohanes.lubis@contoh.id", phone: "0811-0000-5005" },
  ],
};

const english: DemoTexts = {
  stories: {
    PUNGLI: [
      (service, counter) => `During my ${service}, the officer at counter ${counter} asked for extra cash on top of the official fee to "speed things up". No receipt was given.`,
      (service) => `An agent told me the ${service} would be refused unless I paid an additional "processing fee" in cash. The official fee list shows no such charge.`,
    ],
    CALO: [
      (service) => `A man outside the office offered to handle my ${service} without queueing for a fee far above the official tariff. He said he knew someone inside.`,
    ],
    SLOW_SERVICE: [
      (service) => `My ${service} has been pending for weeks beyond the published service standard, and nobody can tell me why.`,
    ],
    RUDE_OFFICER: [(_service, counter) => `The officer at counter ${counter} shouted at me for not speaking Indonesian and refused to explain the requirements.`],
    PROCEDURE_NOT_FOLLOWED: [(service) => `For my ${service} I was asked for a sponsor letter that is not in the official requirements.`],
    INFORMATION_NOT_GIVEN: [(service) => `Nobody could tell me the official fee or the processing time for my ${service}.`],
    OTHER: [(service) => `The online booking for my ${service} failed twice after payment and the slot was lost.`],
  },
  places: ["Service counter", "Interview room", "Passport collection counter", "Parking area", "Waiting room", "By phone / WhatsApp"],
  genericService: "immigration service",
  serviceNoun: nounFor(SERVICE_NOUNS_EN, "immigration service"),
  accused: [
    (counter) => `Male officer in uniform, about 35, at counter ${counter}, around 11 am.`,
    () => `A man without uniform near the gate, phone number 0812-0000-9921.`,
  ],
  rejectionReasons: ["The report does not contain enough detail to act on and the reporter could not be reached."],
  forwardNote: (target) =>
    ({
      REGIONAL_OFFICE: "Forwarded to the regional office for further examination.",
      INSPECTORATE_GENERAL: "Forwarded to the Inspectorate General as it concerns an officer's conduct.",
      SABER_PUNGLI: "Forwarded to the Saber Pungli task force.",
      OMBUDSMAN: "Forwarded to the Ombudsman at the reporter's request.",
    })[target],
  replyFor: (status, { forwardedTo, rejectionReason }) => {
    switch (status) {
      case "VERIFIED":
        return "Thank you for your report. We have verified it and an officer will handle it.";
      case "WAITING_FOR_REPORTER":
        return "Please send us more detail: the exact date and time, and any proof of payment.";
      case "RESOLVED":
        return "We have followed up on your report and the officer concerned has been dealt with according to the rules. Thank you for helping us improve.";
      case "REJECTED":
        return `We are sorry, we cannot follow up on your report. Reason: ${rejectionReason ?? "-"}`;
      case "FORWARDED":
        return forwardedTo ? `Your report has been forwarded. ${english.forwardNote(forwardedTo)}` : null;
      default:
        return null;
    }
  },
  internalNotes: ["Reporter is a foreign national; reply in English.", "Check the counter roster for that day."],
  reporterAnswers: ["It happened on Tuesday at about 10:30. I attached the transfer receipt."],
  ratingComments: {
    good: ["Handled quickly, thank you."],
    bad: ["It took far too long."],
  },
  people: [{ name: "Daniel Weber", email: "daniel.weber@example.org", phone: "+49 151 0000 1234" }],
};

export const DEMO_TEXTS: Record<Locale, DemoTexts> = { id: indonesian, en: english };
