import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AdminConflictError, AdminRuleError } from "@/lib/admin/errors";
import type { ReferenceFormState } from "@/lib/admin/reference-form";
import type { StaffActor } from "@/lib/auth/session";
import { createCategory, reinstateCategory, retireCategory, updateCategory } from "@/lib/categories/categories";
import { getQueueFilterOptions } from "@/lib/cases/queue";
import { closeOffice, createOffice, getOfficeForAdmin, listOfficesForAdmin, reopenOffice, updateOffice } from "@/lib/offices/offices";
import { fileReport } from "@/lib/reports/file-report";
import { listCategoriesForForm, listOfficesForForm, listServicesForForm } from "@/lib/reports/lookups";
import { addServiceFee, createService, deleteServiceFee, getServiceForAdmin, updateService } from "@/lib/services/services";
import { getStatisticsFilterOptions } from "@/lib/statistics/queries";

import { ensureReportReferenceData, FILING_NOW, pungliForm, TEST_OFFICE, TEST_SERVICE, TEST_SERVICE_FEE } from "../fixtures/reports";
import { createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";

// The session is whoever the test says is signed in; the Server Actions read it.
const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getCurrentStaff: async () => session.current,
    requireStaff: async () => {
      if (!session.current) redirect("/masuk");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const officeActions = await import("@/lib/offices/actions");

/**
 * Offices, services and fees, and categories as admins change them, and what the rest of the app
 * makes of the change: the report form's choices, filing, the staff filters, and the audit trail.
 */

const db = connectTestDatabase();
let fixture: ScopeFixture;
let admin: StaffActor;

beforeAll(async () => {
  await ensureReportReferenceData(db);
  fixture = await createScopeFixture("reference");
  admin = fixture.staff.admin;
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

const IDLE: ReferenceFormState = { status: "idle" };

async function lastEventBy(actorId: string) {
  return db.caseEvent.findFirst({ where: { actorId }, orderBy: { id: "desc" }, select: { action: true, caseId: true, before: true, after: true } });
}

async function officeVersion(code: string) {
  return (await db.office.findUniqueOrThrow({ where: { code }, select: { version: true } })).version;
}

describe("offices", () => {
  it("adds an office with its regional office, offered on /lapor at once, and audits it", async () => {
    const created = await createOffice(admin, {
      code: `kanim-baru-${fixture.suffix}`,
      regionalOfficeId: fixture.region1.id,
      province: "Jawa Barat",
      city: "Cikarang",
      name: `Kantor Imigrasi Cikarang ${fixture.suffix}`,
      officeClass: "Kelas II Non TPI",
      address: "Jl. Raya Cikarang 1",
      phone: null,
      openingHours: "Senin-Jumat 08.00-16.00",
    });
    const office = await getOfficeForAdmin(admin, created.id);
    expect(office).toMatchObject({ regionalOffice: { id: fixture.region1.id }, isActive: true, version: 1, address: "Jl. Raya Cikarang 1" });
    expect((await listOfficesForForm()).map((option) => option.code)).toContain(`kanim-baru-${fixture.suffix}`);
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "OFFICE_CREATED", caseId: null, before: null, after: { officeId: created.id, city: "Cikarang" } });
  });

  it("refuses a second office with the same code", async () => {
    const input = { regionalOfficeId: fixture.region2.id, province: "Bali" as const, city: "Kuta", name: "Kanim kembar", officeClass: null, address: null, phone: null, openingHours: null };
    await expect(createOffice(admin, { ...input, code: fixture.offices.a.code })).rejects.toEqual(new AdminRuleError("duplicateCode"));
  });

  it("refuses a regional office that does not exist, and keeps what was typed", async () => {
    session.current = admin;
    const fields = { code: `kanim-tanpa-kanwil-${fixture.suffix}`, regionalOfficeId: 999_999_999, province: "Bali", city: "Kuta", name: "Kanim tanpa kanwil", officeClass: "", address: "", phone: "", openingHours: "" };
    expect(await officeActions.createOfficeAction(IDLE, form(fields))).toMatchObject({ status: "error", message: "regionalOfficeUnknown", values: { name: "Kanim tanpa kanwil", city: "Kuta" } });
    expect(await db.office.count({ where: { code: fields.code } })).toBe(0);
  });

  it("edits the contact details at the version the admin saw, and refuses a stale version", async () => {
    const { a } = fixture.offices;
    const details = { name: a.name, officeClass: "Kelas I TPI", address: "Jl. Uji 2", phone: "021-555", openingHours: null };
    await updateOffice(admin, { officeId: a.id, version: 1, ...details });
    expect(await getOfficeForAdmin(admin, a.id)).toMatchObject({ version: 2, phone: "021-555", officeClass: "Kelas I TPI" });
    await expect(updateOffice(admin, { officeId: a.id, version: 1, ...details, phone: "021-666" })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await getOfficeForAdmin(admin, a.id)).toMatchObject({ version: 2, phone: "021-555" });
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "OFFICE_UPDATED", before: { phone: null }, after: { phone: "021-555" } });
  });

  it("closes an office: gone from /lapor and refused by filing, still in the staff filters marked closed; reopens it", async () => {
    const office = await db.office.findUniqueOrThrow({ where: { code: TEST_OFFICE }, select: { id: true, version: true } });
    await closeOffice(admin, { officeId: office.id, version: office.version });

    expect((await listOfficesForForm()).map((option) => option.code)).not.toContain(TEST_OFFICE);
    const refused = await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id", now: FILING_NOW });
    expect(refused).toMatchObject({ status: "invalid", fieldErrors: { officeCode: ["officeUnknown"] } });
    expect((await getQueueFilterOptions(admin)).offices).toContainEqual({ code: TEST_OFFICE, name: expect.any(String), isActive: false });
    expect((await getStatisticsFilterOptions(admin)).offices).toContainEqual(expect.objectContaining({ code: TEST_OFFICE, isActive: false }));
    expect((await listOfficesForAdmin(admin, { q: TEST_OFFICE, regionalOfficeId: null, status: "closed" })).map((row) => row.code)).toEqual([TEST_OFFICE]);
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "OFFICE_CLOSED", before: { isActive: true }, after: { isActive: false } });

    await reopenOffice(admin, { officeId: office.id, version: office.version + 1 });
    expect((await listOfficesForForm()).map((option) => option.code)).toContain(TEST_OFFICE);
    expect(await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id", now: FILING_NOW })).toMatchObject({ status: "filed" });
  });

  it("keeps what was typed when the office changed meanwhile (Server Action)", async () => {
    session.current = admin;
    const { b } = fixture.offices;
    const stale = await officeVersion(b.code);
    await updateOffice(admin, { officeId: b.id, version: stale, name: b.name, officeClass: null, address: "Alamat orang lain", phone: null, openingHours: null });
    const typed = { officeId: b.id, version: stale, name: "Nama yang saya ketik", officeClass: "", address: "Alamat saya", phone: "0812", openingHours: "" };
    const result = await officeActions.updateOfficeAction(IDLE, form(typed));
    expect(result).toEqual({ status: "error", message: "conflict", fieldErrors: {}, values: Object.fromEntries(Object.entries(typed).map(([key, value]) => [key, String(value)])) });
    expect(await getOfficeForAdmin(admin, b.id)).toMatchObject({ address: "Alamat orang lain" });
  });

  it("answers bad input with field codes and the values typed, and redirects after a save", async () => {
    session.current = admin;
    const { c } = fixture.offices;
    const invalid = await officeActions.updateOfficeAction(IDLE, form({ officeId: c.id, version: await officeVersion(c.code), name: " ", officeClass: "Kelas IX", address: "x".repeat(501) }));
    expect(invalid).toMatchObject({ status: "error", message: "invalid", fieldErrors: { name: ["required"], officeClass: ["invalidChoice"], address: ["tooLong"] }, values: { officeClass: "Kelas IX" } });
    const saved = officeActions.updateOfficeAction(IDLE, form({ officeId: c.id, version: await officeVersion(c.code), name: "Kanim C baru", officeClass: "", address: "", phone: "", openingHours: "" }));
    await expect(saved).rejects.toMatchObject({ digest: expect.stringContaining(`/dasbor/admin/kantor/${c.id}?status=saved`) });
    expect(await getOfficeForAdmin(admin, c.id)).toMatchObject({ name: "Kanim C baru" });
  });
});

describe("services and official fees", () => {
  it("adds a service with its first fee, offered on /lapor with that fee", async () => {
    const code = `visa-uji-${fixture.suffix}`;
    const created = await createService(admin, { code, nameId: "Visa uji", nameEn: "Test visa", feeUnit: "per orang", feeRupiah: 500_000, effectiveFrom: "2025-01-01", legalBasis: "PP 45/2024" });
    expect(await getServiceForAdmin(admin, created.id)).toMatchObject({ code, version: 1, fees: [{ feeRupiah: 500_000, effectiveFrom: "2025-01-01", state: "inForce", isDeletable: false, createdByName: admin.name }] });
    expect((await listServicesForForm("en")).find((option) => option.code === code)).toEqual({
      code,
      name: "Test visa",
      feeRupiah: 500_000,
      fees: [{ feeRupiah: 500_000, effectiveFrom: "2025-01-01" }],
    });
    await expect(createService(admin, { code, nameId: "Lagi", nameEn: "Again", feeUnit: null, feeRupiah: 1, effectiveFrom: "2025-01-01", legalBasis: null })).rejects.toEqual(
      new AdminRuleError("duplicateCode"),
    );
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "SERVICE_CREATED", after: { serviceId: created.id, feeRupiah: 500_000, effectiveFrom: "2025-01-01" } });
  });

  it("renames a service in both languages at its version", async () => {
    const { service } = fixture;
    await updateService(admin, { serviceId: service.id, version: 1, nameId: "Paspor uji baru", nameEn: "New test passport", feeUnit: null });
    await expect(updateService(admin, { serviceId: service.id, version: 1, nameId: "Lama", nameEn: "Old", feeUnit: null })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await getServiceForAdmin(admin, service.id)).toMatchObject({ nameId: "Paspor uji baru", nameEn: "New test passport", version: 2 });
  });

  it("keeps the history: a fee on a date already taken is refused, a future fee may be deleted, one in force may not", async () => {
    const { service } = fixture;
    const version = () => db.service.findUniqueOrThrow({ where: { id: service.id }, select: { version: true } }).then((row) => row.version);
    await expect(addServiceFee(admin, { serviceId: service.id, version: await version(), feeRupiah: 400_000, effectiveFrom: "2024-12-17", legalBasis: null })).rejects.toEqual(
      new AdminRuleError("feeDateTaken"),
    );
    await addServiceFee(admin, { serviceId: service.id, version: await version(), feeRupiah: 400_000, effectiveFrom: "2099-01-01", legalBasis: "PP masa depan" });
    const detail = await getServiceForAdmin(admin, service.id);
    expect(detail.fees.map((fee) => [fee.feeRupiah, fee.state, fee.isDeletable])).toEqual([
      [400_000, "upcoming", true],
      [350_000, "inForce", false],
    ]);
    const inForce = detail.fees[1]!;
    await expect(deleteServiceFee(admin, { serviceId: service.id, version: detail.version, feeId: inForce.id })).rejects.toEqual(new AdminRuleError("feeAlreadyInForce"));
    await expect(deleteServiceFee(admin, { serviceId: service.id, version: detail.version - 1, feeId: detail.fees[0]!.id })).rejects.toBeInstanceOf(AdminConflictError);
    await deleteServiceFee(admin, { serviceId: service.id, version: detail.version, feeId: detail.fees[0]!.id });
    expect((await getServiceForAdmin(admin, service.id)).fees.map((fee) => fee.feeRupiah)).toEqual([350_000]);
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "SERVICE_FEE_DELETED", before: { feeRupiah: 400_000, effectiveFrom: "2099-01-01" }, after: null });
    const newService = await createService(admin, { code: `svc-satu-tarif-${fixture.suffix}`, nameId: "Satu tarif", nameEn: "One fee", feeUnit: null, feeRupiah: 100_000, effectiveFrom: "2099-01-01", legalBasis: null });
    const only = await getServiceForAdmin(admin, newService.id);
    await expect(deleteServiceFee(admin, { serviceId: newService.id, version: only.version, feeId: only.fees[0]!.id })).rejects.toEqual(new AdminRuleError("lastFeeNotDeletable"));
    // The seeded row was never rewritten.
    expect(await db.serviceFee.count({ where: { serviceId: service.id, feeRupiah: 350_000 } })).toBe(1);
  });

  it("compares a pungli report with the fee in force on its incident date, and a filed case keeps its fee", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { code: TEST_SERVICE }, select: { id: true, version: true } });
    await addServiceFee(admin, { serviceId: service.id, version: service.version, feeRupiah: 1_100_000, effectiveFrom: "2026-08-20", legalBasis: "PP uji" });

    const before = await fileReport({ form: pungliForm({ incidentDate: "2026-08-19" }), evidenceTokens: [], locale: "id", now: FILING_NOW });
    const after = await fileReport({ form: pungliForm({ incidentDate: "2026-08-21" }), evidenceTokens: [], locale: "id", now: FILING_NOW });
    if (before.status !== "filed" || after.status !== "filed") throw new Error("both reports should be filed");
    const feesOf = (caseId: string) => db.case.findUniqueOrThrow({ where: { id: caseId }, select: { officialFeeRupiah: true, feeDifferenceRupiah: true } });
    // The form asked 1.500.000.
    expect(await feesOf(before.caseId)).toEqual({ officialFeeRupiah: TEST_SERVICE_FEE, feeDifferenceRupiah: 1_500_000 - TEST_SERVICE_FEE });
    expect(await feesOf(after.caseId)).toEqual({ officialFeeRupiah: 1_100_000, feeDifferenceRupiah: 400_000 });

    const changed = await db.service.findUniqueOrThrow({ where: { id: service.id }, select: { version: true } });
    await addServiceFee(admin, { serviceId: service.id, version: changed.version, feeRupiah: 1_300_000, effectiveFrom: "2026-08-21", legalBasis: "PP ralat" });
    expect(await feesOf(after.caseId)).toEqual({ officialFeeRupiah: 1_100_000, feeDifferenceRupiah: 400_000 });
    const later = await fileReport({ form: pungliForm({ incidentDate: "2026-08-21" }), evidenceTokens: [], locale: "id", now: FILING_NOW });
    if (later.status !== "filed") throw new Error("the report should be filed");
    expect(await feesOf(later.caseId)).toEqual({ officialFeeRupiah: 1_300_000, feeDifferenceRupiah: 200_000 });
    // The form gets the whole history, so it can show the fee of the incident date.
    expect((await listServicesForForm("id", FILING_NOW)).find((option) => option.code === TEST_SERVICE)).toMatchObject({
      feeRupiah: 1_300_000,
      fees: [
        { feeRupiah: TEST_SERVICE_FEE, effectiveFrom: "2024-12-17" },
        { feeRupiah: 1_100_000, effectiveFrom: "2026-08-20" },
        { feeRupiah: 1_300_000, effectiveFrom: "2026-08-21" },
      ],
    });
  });
});

describe("categories", () => {
  it("adds a category with its problem code and refuses a duplicate code", async () => {
    const code = `NEW_${fixture.suffix.toUpperCase().replace(/-/g, "_")}`;
    const created = await createCategory(admin, { code, problemCode: "01", nameId: "Kategori baru", nameEn: "New category" });
    expect((await listCategoriesForForm("en")).find((option) => option.code === code)).toEqual({ code, name: "New category", problemCode: "01" });
    await expect(createCategory(admin, { code, problemCode: "02", nameId: "Lagi", nameEn: "Again" })).rejects.toEqual(new AdminRuleError("duplicateCode"));
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "CATEGORY_CREATED", after: { categoryId: created.id, code, problemCode: "01" } });
  });

  it("renames in both languages at the version seen, and refuses a stale version", async () => {
    const { otherCategory } = fixture;
    await updateCategory(admin, { categoryId: otherCategory.id, version: 1, nameId: "Layanan lambat", nameEn: "Slow service" });
    await expect(updateCategory(admin, { categoryId: otherCategory.id, version: 1, nameId: "X", nameEn: "Y" })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await db.category.findUniqueOrThrow({ where: { id: otherCategory.id }, select: { nameId: true, nameEn: true, version: true } })).toEqual({
      nameId: "Layanan lambat",
      nameEn: "Slow service",
      version: 2,
    });
  });

  it("retires a category: not offered and refused by filing, still in the queue and statistics filters; reinstates it", async () => {
    const pungli = await db.category.findUniqueOrThrow({ where: { code: "PUNGLI" }, select: { id: true, version: true } });
    await retireCategory(admin, { categoryId: pungli.id, version: pungli.version });
    expect((await listCategoriesForForm("id")).map((option) => option.code)).not.toContain("PUNGLI");
    expect(await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id", now: FILING_NOW })).toMatchObject({
      status: "invalid",
      fieldErrors: { categoryCode: ["categoryUnknown"] },
    });
    const retiredOption = { code: "PUNGLI", nameId: expect.any(String), nameEn: expect.any(String), isActive: false };
    expect((await getQueueFilterOptions(fixture.staff.officerA)).categories).toContainEqual(retiredOption);
    expect((await getStatisticsFilterOptions(fixture.staff.supervisorNational)).categories).toContainEqual(retiredOption);
    expect(await lastEventBy(admin.id)).toMatchObject({ action: "CATEGORY_RETIRED", after: { isActive: false } });

    await reinstateCategory(admin, { categoryId: pungli.id, version: pungli.version + 1 });
    expect((await listCategoriesForForm("id")).map((option) => option.code)).toContain("PUNGLI");
  });
});
