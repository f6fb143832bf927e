import type { Role, ScopeLevel } from "@/lib/generated/prisma/enums";

/**
 * Demo staff accounts created by the seed on a non-production database, and
 * printed by `npm start`. Every office also gets an officer account
 * `petugas.<office>@demo.lapor-imigrasi.id` with the same password.
 */
export const DEMO_PASSWORD = "Demo-Lapor-2026";

export type DemoStaff = {
  email: string;
  name: string;
  role: Role;
  scopeLevel: ScopeLevel;
  /** Office code for OFFICE scope, regional office name for REGIONAL scope. */
  scope?: string;
  scopeLabel: string;
};

export const demoStaff: DemoStaff[] = [
  { email: "admin@demo.lapor-imigrasi.id", name: "Admin Nasional", role: "ADMIN", scopeLevel: "NATIONAL", scopeLabel: "Admin, national" },
  { email: "supervisor.nasional@demo.lapor-imigrasi.id", name: "Dewi Lestari", role: "SUPERVISOR", scopeLevel: "NATIONAL", scopeLabel: "Supervisor, national" },
  { email: "supervisor.jabar@demo.lapor-imigrasi.id", name: "Hendra Gunawan", role: "SUPERVISOR", scopeLevel: "REGIONAL", scope: "Jawa Barat", scopeLabel: "Supervisor, Kanwil Jawa Barat" },
  { email: "kepala.bekasi@demo.lapor-imigrasi.id", name: "Rina Marlina", role: "SUPERVISOR", scopeLevel: "OFFICE", scope: "kanim-bekasi", scopeLabel: "Office head, Kanim Bekasi" },
  { email: "petugas.bekasi@demo.lapor-imigrasi.id", name: "Agus Setiawan", role: "OFFICER", scopeLevel: "OFFICE", scope: "kanim-bekasi", scopeLabel: "Officer, Kanim Bekasi" },
  { email: "petugas2.bekasi@demo.lapor-imigrasi.id", name: "Siti Nurhaliza", role: "OFFICER", scopeLevel: "OFFICE", scope: "kanim-bekasi", scopeLabel: "Officer, Kanim Bekasi" },
  { email: "surveior.jabar@demo.lapor-imigrasi.id", name: "Yusuf Hidayat", role: "SURVEYOR", scopeLevel: "REGIONAL", scope: "Jawa Barat", scopeLabel: "Surveyor (visitor interviews), Kanwil Jawa Barat" },
  { email: "petugas.denpasar@demo.lapor-imigrasi.id", name: "I Made Wirawan", role: "OFFICER", scopeLevel: "OFFICE", scope: "kanim-denpasar", scopeLabel: "Officer, Kanim Denpasar" },
];

/** The email of the generated officer account of an office. */
export function officeOfficerEmail(officeCode: string): string {
  return `petugas.${officeCode.replace(/^kanim-/, "")}@demo.lapor-imigrasi.id`;
}

/**
 * Every demo case shares this receipt key (hashed once, to keep seeding fast),
 * so any demo tracking code can be opened on /lacak with it.
 */
export const DEMO_RECEIPT_KEY = "20261-12345-67890-24680-13579";

/**
 * Two demo cases get these fixed tracking codes (the others are random), so the README and the
 * start log can name a case to open at once: one being worked on, one resolved and not yet rated.
 */
export const DEMO_TRACKING_CODES = { inProgress: "LI-DEMA-2345", resolved: "LI-DEMA-6789" } as const;
