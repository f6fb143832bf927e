import type { Database } from "@/lib/prisma-client";

import { demoStaff, officeOfficerEmail } from "../demo-staff";

/** Demo staff for each role and scope, plus one officer account per office. All share one password hash. */
export async function seedDemoStaff(db: Database, passwordHash: string) {
  const [offices, regionalOffices] = await Promise.all([
    db.office.findMany({ select: { id: true, code: true, city: true } }),
    db.regionalOffice.findMany({ select: { id: true, name: true } }),
  ]);
  const officeIdByCode = new Map(offices.map((office) => [office.code, office.id]));

  for (const staff of demoStaff) {
    const officeId = staff.scopeLevel === "OFFICE" ? officeIdByCode.get(staff.scope ?? "") ?? null : null;
    const regionalOfficeId =
      staff.scopeLevel === "REGIONAL" ? regionalOffices.find((regional) => regional.name.endsWith(` ${staff.scope}`))?.id ?? null : null;
    const data = { name: staff.name, role: staff.role, scopeLevel: staff.scopeLevel, officeId, regionalOfficeId };
    await db.staffUser.upsert({ where: { email: staff.email }, create: { email: staff.email, passwordHash, ...data }, update: {} });
  }

  const named = new Set(demoStaff.map((staff) => staff.email));
  const officeOfficers = offices
    .map((office) => ({ office, email: officeOfficerEmail(office.code) }))
    .filter(({ email }) => !named.has(email))
    .map(({ office, email }) => ({
      email,
      name: `Petugas Posko ${office.city.replace(/\s*\(.*\)$/, "")}`,
      passwordHash,
      role: "OFFICER" as const,
      scopeLevel: "OFFICE" as const,
      officeId: office.id,
    }));
  const created = await db.staffUser.createMany({ data: officeOfficers, skipDuplicates: true });
  return { namedStaff: demoStaff.length, officeOfficers: created.count };
}
