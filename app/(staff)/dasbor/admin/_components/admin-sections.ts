/** The administration's sections, in menu order: one place for the menu and the overview. */
export const ADMIN_SECTIONS = [
  { key: "staff", href: "/dasbor/admin/petugas" },
  { key: "offices", href: "/dasbor/admin/kantor" },
  { key: "services", href: "/dasbor/admin/layanan" },
  { key: "categories", href: "/dasbor/admin/kategori" },
  { key: "holidays", href: "/dasbor/admin/hari-libur" },
  { key: "audit", href: "/dasbor/admin/audit" },
  { key: "mail", href: "/dasbor/admin/surat" },
] as const;
