import { randomBytes, randomUUID } from "node:crypto";

import type { StaffActor } from "@/lib/auth/session";
import { encryptContact } from "@/lib/contacts/encryption";
import { db } from "@/lib/db";
import { computeVerificationDueAt } from "@/lib/deadlines/case-clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ScopeLevel } from "@/lib/generated/prisma/enums";
import { generateTrackingCode } from "@/lib/reports/receipt";

/**
 * Offices, staff and cases for the case tests. Every call makes its own, with codes unique to
 * the run, so the test files can share one database without seeing each other's data.
 *
 * Two regions: region 1 holds offices A and B, region 2 holds office C.
 */

export type ScopeFixture = Awaited<ReturnType<typeof createScopeFixture>>;

export const STAFF_NAMES = [
  "officerA",
  "colleagueA",
  "involvedOfficerA",
  "officerB",
  "officerC",
  "supervisorOfficeA",
  "supervisorRegion1",
  "supervisorRegion2",
  "supervisorNational",
  "admin",
] as const;
export type StaffName = (typeof STAFF_NAMES)[number];

export async function createScopeFixture(label: string) {
  const suffix = `${label}-${randomBytes(4).toString("hex")}`;
  const region1 = await db.regionalOffice.create({ data: { code: `kanwil-1-${suffix}`, name: `Kanwil Satu ${suffix}` } });
  const region2 = await db.regionalOffice.create({ data: { code: `kanwil-2-${suffix}`, name: `Kanwil Dua ${suffix}` } });
  const office = (name: string, regionalOfficeId: number) =>
    db.office.create({ data: { code: `kanim-${name}-${suffix}`, name: `Kanim ${name.toUpperCase()} ${suffix}`, city: name, province: "Uji", regionalOfficeId } });
  const offices = { a: await office("a", region1.id), b: await office("b", region1.id), c: await office("c", region2.id) };
  const category = await db.category.create({ data: { code: `CAT_${suffix}`, nameId: "Pungli uji", nameEn: "Test pungli", problemCode: "03" } });
  const otherCategory = await db.category.create({ data: { code: `CAT2_${suffix}`, nameId: "Lambat uji", nameEn: "Test slow", problemCode: "02" } });
  const service = await db.service.create({ data: { code: `svc-${suffix}`, nameId: "Paspor uji", nameEn: "Test passport", fees: { create: { feeRupiah: 350_000, effectiveFrom: new Date("2024-12-17T00:00:00Z") } } } });

  const staffSpec: Record<StaffName, { role: Role; scopeLevel: ScopeLevel; officeId?: number; regionalOfficeId?: number }> = {
    officerA: { role: "OFFICER", scopeLevel: "OFFICE", officeId: offices.a.id },
    colleagueA: { role: "OFFICER", scopeLevel: "OFFICE", officeId: offices.a.id },
    involvedOfficerA: { role: "OFFICER", scopeLevel: "OFFICE", officeId: offices.a.id },
    officerB: { role: "OFFICER", scopeLevel: "OFFICE", officeId: offices.b.id },
    officerC: { role: "OFFICER", scopeLevel: "OFFICE", officeId: offices.c.id },
    supervisorOfficeA: { role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: offices.a.id },
    supervisorRegion1: { role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: region1.id },
    supervisorRegion2: { role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: region2.id },
    supervisorNational: { role: "SUPERVISOR", scopeLevel: "NATIONAL" },
    admin: { role: "ADMIN", scopeLevel: "NATIONAL" },
  };
  const staff = {} as Record<StaffName, StaffActor>;
  for (const name of STAFF_NAMES) {
    const spec = staffSpec[name];
    const created = await db.staffUser.create({
      data: {
        name: `${name} ${suffix}`,
        email: `${name.toLowerCase()}.${suffix}@test.invalid`,
        passwordHash: "not-a-real-hash",
        role: spec.role,
        scopeLevel: spec.scopeLevel,
        officeId: spec.officeId ?? null,
        regionalOfficeId: spec.regionalOfficeId ?? null,
      },
      select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
    });
    staff[name] = created;
  }
  return { suffix, region1, region2, offices, category, otherCategory, service, staff };
}

export type FixtureCaseOptions = Partial<Omit<Prisma.CaseUncheckedCreateInput, "officeId">> & {
  officeId: number;
  contact?: { name: string; email?: string; phone?: string };
};

/** A case as the filing code would create it, with whatever fields the test needs changed. */
export async function createFixtureCase(fixture: ScopeFixture, options: FixtureCaseOptions) {
  const { contact, ...data } = options;
  const caseId = data.id ?? randomUUID();
  const receivedAt = (data.receivedAt as Date | undefined) ?? new Date();
  const created = await db.case.create({
    data: {
      id: caseId,
      trackingCode: generateTrackingCode(),
      receiptSecretHash: "not-a-real-hash",
      kind: "PUNGLI",
      channel: "ONLINE",
      categoryId: fixture.category.id,
      serviceId: fixture.service.id,
      description: `Petugas loket meminta uang tambahan untuk paspor (${randomUUID()}).`,
      reporterMode: contact ? "IDENTIFIED" : "ANONYMOUS",
      verificationDueAt: computeVerificationDueAt(receivedAt, new Set()),
      ...data,
      receivedAt,
      ...(contact ? { reporterContact: { create: encryptContact({ name: contact.name, email: contact.email ?? null, phone: contact.phone ?? null }, caseId) } } : {}),
    },
    select: { id: true, trackingCode: true, version: true, officeId: true },
  });
  return created;
}

export async function markInvolvedDirectly(caseId: string, staffUserId: string, markedById: string) {
  await db.caseInvolvement.create({ data: { caseId, staffUserId, markedById, reason: "Disebut dalam laporan" } });
}
