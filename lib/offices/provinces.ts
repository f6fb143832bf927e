/**
 * Indonesia's 38 provinces, as the offices' data (data/immigration-offices.csv) spells them: a new
 * office's province is picked from this list, so regional holidays ("province:<name>") and
 * filters keep matching it.
 */
export const PROVINCES = [
  "Aceh",
  "Bali",
  "Banten",
  "Bengkulu",
  "DI Yogyakarta",
  "DKI Jakarta",
  "Gorontalo",
  "Jambi",
  "Jawa Barat",
  "Jawa Tengah",
  "Jawa Timur",
  "Kalimantan Barat",
  "Kalimantan Selatan",
  "Kalimantan Tengah",
  "Kalimantan Timur",
  "Kalimantan Utara",
  "Kepulauan Bangka Belitung",
  "Kepulauan Riau",
  "Lampung",
  "Maluku",
  "Maluku Utara",
  "Nusa Tenggara Barat",
  "Nusa Tenggara Timur",
  "Papua",
  "Papua Barat",
  "Papua Barat Daya",
  "Papua Pegunungan",
  "Papua Selatan",
  "Papua Tengah",
  "Riau",
  "Sulawesi Barat",
  "Sulawesi Selatan",
  "Sulawesi Tengah",
  "Sulawesi Tenggara",
  "Sulawesi Utara",
  "Sumatera Barat",
  "Sumatera Selatan",
  "Sumatera Utara",
] as const;

/** The classes of Kantor Imigrasi (TPI: with an immigration checkpoint). An office may have none recorded. */
export const OFFICE_CLASSES = [
  "Kelas I Khusus TPI",
  "Kelas I Khusus Non TPI",
  "Kelas I TPI",
  "Kelas I Non TPI",
  "Kelas II TPI",
  "Kelas II Non TPI",
  "Kelas III TPI",
  "Kelas III Non TPI",
] as const;
