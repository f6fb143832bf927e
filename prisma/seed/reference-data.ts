import { readFileSync } from "node:fs";
import path from "node:path";

import type { Database } from "@/lib/prisma-client";

import { parseCsv } from "./csv";
import { seedReplyTemplates } from "./reply-templates";

/**
 * Reference data every installation needs: regional offices, offices,
 * services with their official fees, complaint categories, national reply
 * templates and holidays.
 * Sources: data/SOURCES.md. Adds only what is missing (by code, by date and
 * place): once loaded, the data is the admins' to correct in /dasbor/admin, so
 * running the seed again (every `npm start` does) never undoes their edits.
 */

const DATA_DIR = path.join(process.cwd(), "data");

function readData(fileName: string) {
  return parseCsv(readFileSync(path.join(DATA_DIR, fileName), "utf8"));
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Complaint categories with the national complaint problem code (01 abuse of authority, 02 public service, 03 corruption / pungli). */
/** PP 45/2024, the fee table data/immigration-services-fees.csv lists, took effect on this day. */
const SEEDED_FEES_EFFECTIVE_FROM = new Date("2024-12-17T00:00:00.000Z");

export const CATEGORIES = [
  { code: "PUNGLI", nameId: "Pungutan liar (pungli)", nameEn: "Illegal levy (pungli)", problemCode: "03" },
  { code: "CALO", nameId: "Calo atau perantara", nameEn: "Broker (calo)", problemCode: "03" },
  { code: "SLOW_SERVICE", nameId: "Pelayanan lambat atau tidak jelas", nameEn: "Slow or unclear service", problemCode: "02" },
  { code: "RUDE_OFFICER", nameId: "Petugas tidak sopan atau tidak profesional", nameEn: "Rude or unprofessional officer", problemCode: "02" },
  { code: "PROCEDURE_NOT_FOLLOWED", nameId: "Prosedur tidak sesuai ketentuan", nameEn: "Procedure not followed", problemCode: "01" },
  { code: "INFORMATION_NOT_GIVEN", nameId: "Informasi tidak diberikan", nameEn: "Information not given", problemCode: "02" },
  { code: "OTHER", nameId: "Lainnya", nameEn: "Other", problemCode: "02" },
] as const;

export type CategoryCode = (typeof CATEGORIES)[number]["code"];

export async function seedReferenceData(db: Database) {
  const offices = readData("immigration-offices.csv");
  const regionalNames = [...new Set(offices.map((office) => office.regional_office ?? ""))].filter(Boolean).sort();

  const regionalIdByName = new Map<string, number>();
  for (const name of regionalNames) {
    const code = `kanwil-${slugify(name)}`;
    const data = { name: `Kantor Wilayah Ditjen Imigrasi ${name}` };
    const regional = await db.regionalOffice.upsert({ where: { code }, create: { code, ...data }, update: {} });
    regionalIdByName.set(name, regional.id);
  }

  for (const office of offices) {
    const data = {
      name: office.name ?? "",
      officeClass: office.class && office.class !== "unknown" ? office.class : null,
      city: office.city ?? "",
      province: office.province ?? "",
      regionalOfficeId: regionalIdByName.get(office.regional_office ?? "")!,
    };
    await db.office.upsert({ where: { code: office.code! }, create: { code: office.code!, ...data }, update: {} });
  }

  const services = readData("immigration-services-fees.csv");
  for (const [index, service] of services.entries()) {
    const data = {
      nameId: service.service_name_id ?? "",
      nameEn: service.service_name_en ?? "",
      feeUnit: service.unit || null,
      legalBasis: service.legal_basis || null,
      sourceUrl: service.source_url || null,
      sortOrder: index,
    };
    const saved = await db.service.upsert({ where: { code: service.code! }, create: { code: service.code!, ...data }, update: {}, select: { id: true } });
    // The seeded fee is the first entry of the service's fee history; fees entered by admins later are kept.
    await db.serviceFee.upsert({
      where: { serviceId_effectiveFrom: { serviceId: saved.id, effectiveFrom: SEEDED_FEES_EFFECTIVE_FROM } },
      create: { serviceId: saved.id, effectiveFrom: SEEDED_FEES_EFFECTIVE_FROM, feeRupiah: Number(service.fee_idr), legalBasis: data.legalBasis },
      update: {},
    });
  }

  for (const [index, category] of CATEGORIES.entries()) {
    const data = { nameId: category.nameId, nameEn: category.nameEn, problemCode: category.problemCode, sortOrder: index };
    await db.category.upsert({ where: { code: category.code }, create: { code: category.code, ...data }, update: {} });
  }

  const replyTemplates = await seedReplyTemplates(db);

  // A year's national days are loaded only while the database has no national day in that year:
  // once it has, the year is the admins' (an admin who deletes a wrong day must not see it come
  // back at the next start). Regional days an admin entered first do not count as the year entered.
  const holidays = readData("indonesia-holidays.csv");
  const yearsWithHolidays = new Set(
    (await db.holiday.findMany({ where: { scopeKey: "national" }, select: { date: true } })).map((row) => row.date.toISOString().slice(0, 4)),
  );
  for (const holiday of holidays) {
    if (yearsWithHolidays.has((holiday.date ?? "").slice(0, 4))) continue;
    const date = new Date(`${holiday.date}T00:00:00.000Z`);
    const data = {
      nameId: holiday.name_id ?? "",
      nameEn: holiday.name_en ?? "",
      kind: holiday.kind === "cuti_bersama" ? ("CUTI_BERSAMA" as const) : ("NATIONAL_HOLIDAY" as const),
      source: holiday.source || null,
    };
    await db.holiday.upsert({ where: { date_scopeKey: { date, scopeKey: "national" } }, create: { date, ...data }, update: {} });
  }

  return {
    regionalOffices: regionalNames.length,
    offices: offices.length,
    services: services.length,
    categories: CATEGORIES.length,
    replyTemplates,
    holidays: holidays.length,
  };
}
