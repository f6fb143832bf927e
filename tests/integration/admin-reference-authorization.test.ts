import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AdminNotFoundError } from "@/lib/admin/errors";
import type { ReferenceFormState } from "@/lib/admin/reference-form";
import type { StaffActor } from "@/lib/auth/session";
import { createCategory, getCategoryForAdmin, listCategoriesForAdmin, reinstateCategory, retireCategory, updateCategory } from "@/lib/categories/categories";
import { closeOffice, createOffice, getOfficeForAdmin, listOfficesForAdmin, listRegionalOfficesForAdmin, reopenOffice, updateOffice } from "@/lib/offices/offices";
import {
  createReplyTemplate,
  deactivateReplyTemplate,
  getTemplateForEdit,
  getTemplateOverview,
  getTemplateTarget,
  reactivateReplyTemplate,
  updateReplyTemplate,
} from "@/lib/reply-templates/templates";
import { addServiceFee, createService, deleteServiceFee, getServiceForAdmin, listServicesForAdmin, updateService } from "@/lib/services/services";

import { createScopeFixture, type ScopeFixture, type StaffName } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";

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
const serviceActions = await import("@/lib/services/actions");
const categoryActions = await import("@/lib/categories/actions");
const templateActions = await import("@/lib/reply-templates/actions");

/**
 * WHO MAY ADMINISTER REFERENCE DATA. Offices, services and fees, and categories: admins only;
 * everyone else gets a 404 (never a 403), through the data functions and the Server Actions alike.
 * Reply templates: national ones by admins only; an office's by admins and the supervisor of that
 * one office; officers, regional and national supervisors, and other offices' supervisors get 404.
 */

const db = connectTestDatabase();
let fixture: ScopeFixture;
const IDLE: ReferenceFormState = { status: "idle" };

const ROLES: StaffName[] = ["officerA", "supervisorOfficeA", "supervisorRegion1", "supervisorNational", "admin"];

beforeAll(async () => {
  fixture = await createScopeFixture("reference-matrix");
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

const unique = () => randomBytes(4).toString("hex");

/** Fresh records for one cell, so that an allowed call always has something to change. */
async function createTargets() {
  const id = unique();
  const office = await db.office.create({
    data: { code: `kanim-matrix-${id}`, name: `Kanim Matrix ${id}`, city: "Uji", province: "Bali", regionalOfficeId: fixture.region1.id },
    select: { id: true, version: true },
  });
  const service = await db.service.create({
    data: {
      code: `svc-matrix-${id}`,
      nameId: "Layanan uji",
      nameEn: "Test service",
      fees: { create: [{ feeRupiah: 100_000, effectiveFrom: new Date("2024-12-17T00:00:00Z") }, { feeRupiah: 200_000, effectiveFrom: new Date("2099-01-01T00:00:00Z") }] },
    },
    select: { id: true, version: true, fees: { where: { feeRupiah: 200_000 }, select: { id: true } } },
  });
  const category = await db.category.create({ data: { code: `CAT_MATRIX_${id.toUpperCase()}`, nameId: "Uji", nameEn: "Test", problemCode: "02" }, select: { id: true, version: true } });
  return { id, office, service: { id: service.id, version: service.version, futureFeeId: service.fees[0]!.id }, category };
}

type Targets = Awaited<ReturnType<typeof createTargets>>;

const officeDetails = { name: "Kanim diubah", officeClass: null, address: null, phone: null, openingHours: null };

/** Every admin-only data function. */
const ADMIN_DATA_FUNCTIONS: Record<string, (actor: StaffActor, targets: Targets) => Promise<unknown>> = {
  listOffices: (actor) => listOfficesForAdmin(actor, { q: "", regionalOfficeId: null, status: "all" }),
  listRegionalOffices: (actor) => listRegionalOfficesForAdmin(actor),
  getOffice: (actor, targets) => getOfficeForAdmin(actor, targets.office.id),
  createOffice: (actor, targets) => createOffice(actor, { code: `kanim-new-${targets.id}`, regionalOfficeId: fixture.region1.id, province: "Bali", city: "Uji", ...officeDetails }),
  updateOffice: (actor, targets) => updateOffice(actor, { officeId: targets.office.id, version: targets.office.version, ...officeDetails }),
  closeOffice: (actor, targets) => closeOffice(actor, { officeId: targets.office.id, version: targets.office.version }),
  reopenOffice: (actor, targets) => reopenOffice(actor, { officeId: targets.office.id, version: targets.office.version }),
  listServices: (actor) => listServicesForAdmin(actor),
  getService: (actor, targets) => getServiceForAdmin(actor, targets.service.id),
  createService: (actor, targets) =>
    createService(actor, { code: `svc-new-${targets.id}`, nameId: "Baru", nameEn: "New", feeUnit: null, feeRupiah: 1_000, effectiveFrom: "2025-01-01", legalBasis: null }),
  updateService: (actor, targets) => updateService(actor, { serviceId: targets.service.id, version: targets.service.version, nameId: "Diubah", nameEn: "Changed", feeUnit: null }),
  addFee: (actor, targets) => addServiceFee(actor, { serviceId: targets.service.id, version: targets.service.version, feeRupiah: 300_000, effectiveFrom: "2098-01-01", legalBasis: null }),
  deleteFee: (actor, targets) => deleteServiceFee(actor, { serviceId: targets.service.id, version: targets.service.version, feeId: targets.service.futureFeeId }),
  listCategories: (actor) => listCategoriesForAdmin(actor),
  getCategory: (actor, targets) => getCategoryForAdmin(actor, targets.category.id),
  createCategory: (actor, targets) => createCategory(actor, { code: `CAT_NEW_${targets.id.toUpperCase()}`, problemCode: "01", nameId: "Baru", nameEn: "New" }),
  updateCategory: (actor, targets) => updateCategory(actor, { categoryId: targets.category.id, version: targets.category.version, nameId: "Diubah", nameEn: "Changed" }),
  retireCategory: (actor, targets) => retireCategory(actor, { categoryId: targets.category.id, version: targets.category.version }),
  reinstateCategory: (actor, targets) => reinstateCategory(actor, { categoryId: targets.category.id, version: targets.category.version }),
};

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

const officeForm = { name: "Kanim diubah", officeClass: "", address: "", phone: "", openingHours: "" };

/** Every admin-only Server Action, called as a browser would. */
const ADMIN_ACTIONS: Record<string, (targets: Targets) => Promise<ReferenceFormState>> = {
  createOffice: (targets) =>
    officeActions.createOfficeAction(IDLE, form({ code: `kanim-act-${targets.id}`, regionalOfficeId: fixture.region1.id, province: "Bali", city: "Uji", ...officeForm })),
  updateOffice: (targets) => officeActions.updateOfficeAction(IDLE, form({ officeId: targets.office.id, version: targets.office.version, ...officeForm })),
  closeOffice: (targets) => officeActions.closeOfficeAction(IDLE, form({ officeId: targets.office.id, version: targets.office.version })),
  reopenOffice: (targets) => officeActions.reopenOfficeAction(IDLE, form({ officeId: targets.office.id, version: targets.office.version })),
  createService: (targets) =>
    serviceActions.createServiceAction(IDLE, form({ code: `svc-act-${targets.id}`, nameId: "Baru", nameEn: "New", feeUnit: "", feeRupiah: "1.000", effectiveFrom: "2025-01-01", legalBasis: "" })),
  updateService: (targets) => serviceActions.updateServiceAction(IDLE, form({ serviceId: targets.service.id, version: targets.service.version, nameId: "Diubah", nameEn: "Changed", feeUnit: "" })),
  addFee: (targets) =>
    serviceActions.addServiceFeeAction(IDLE, form({ serviceId: targets.service.id, version: targets.service.version, feeRupiah: "300000", effectiveFrom: "2098-01-01", legalBasis: "" })),
  deleteFee: (targets) => serviceActions.deleteServiceFeeAction(IDLE, form({ serviceId: targets.service.id, version: targets.service.version, feeId: targets.service.futureFeeId })),
  createCategory: (targets) => categoryActions.createCategoryAction(IDLE, form({ code: `CAT_ACT_${targets.id.toUpperCase()}`, problemCode: "01", nameId: "Baru", nameEn: "New" })),
  updateCategory: (targets) => categoryActions.updateCategoryAction(IDLE, form({ categoryId: targets.category.id, version: targets.category.version, nameId: "Diubah", nameEn: "Changed" })),
  retireCategory: (targets) => categoryActions.retireCategoryAction(IDLE, form({ categoryId: targets.category.id, version: targets.category.version })),
  reinstateCategory: (targets) => categoryActions.reinstateCategoryAction(IDLE, form({ categoryId: targets.category.id, version: targets.category.version })),
};

async function dataOutcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return error instanceof AdminNotFoundError ? "404" : `unexpected ${String(error)}`;
  }
}

/** A Server Action's success redirects; a 404 is Next's not-found error. */
async function actionOutcome(run: () => Promise<ReferenceFormState>): Promise<string> {
  try {
    return `answered ${JSON.stringify(await run())}`;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? error);
    if (digest.includes("NEXT_REDIRECT")) return "ok";
    if (digest.includes("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    return `threw ${digest}`;
  }
}

const eventsBy = (actorId: string) => db.caseEvent.count({ where: { actorId } });

describe("offices, services and fees, categories: admins only", () => {
  const cells = ROLES.flatMap((role) => Object.keys(ADMIN_DATA_FUNCTIONS).map((operation) => ({ role, operation })));
  it.each(cells)("data function $operation by $role", async ({ role, operation }) => {
    const actor = fixture.staff[role];
    const before = await eventsBy(actor.id);
    expect(await dataOutcome(async () => ADMIN_DATA_FUNCTIONS[operation]!(actor, await createTargets()))).toBe(role === "admin" ? "ok" : "404");
    if (role !== "admin") expect(await eventsBy(actor.id)).toBe(before);
  });

  const actionCells = ROLES.flatMap((role) => Object.keys(ADMIN_ACTIONS).map((operation) => ({ role, operation })));
  it.each(actionCells)("Server Action $operation by $role", async ({ role, operation }) => {
    session.current = fixture.staff[role];
    const before = await eventsBy(session.current.id);
    const targets = await createTargets();
    expect(await actionOutcome(() => ADMIN_ACTIONS[operation]!(targets))).toBe(role === "admin" ? "ok" : "404");
    expect(await eventsBy(session.current.id)).toBe(role === "admin" ? before + 1 : before);
  });

  it.each(Object.keys(ADMIN_ACTIONS))("the %s action sends a signed-out caller to /masuk", async (operation) => {
    session.current = null;
    await expect(ADMIN_ACTIONS[operation]!(await createTargets())).rejects.toMatchObject({ digest: expect.stringContaining("/masuk") });
  });
});

/**
 * Reply templates, on a national template, one of office A and one of office C.
 * Each cell: "<national> <office A> <office C>".
 */
const TEMPLATE_MATRIX = `
  operation   | officerA    | supervisorOfficeA | supervisorRegion1 | supervisorNational | admin
  overview    | 404 404 404 | ok ok ok          | 404 404 404       | 404 404 404        | ok ok ok
  getForEdit  | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
  target      | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
  create      | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
  update      | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
  deactivate  | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
  reactivate  | 404 404 404 | 404 ok 404        | 404 404 404       | 404 404 404        | ok ok ok
`;

type TemplateTarget = { officeId: number | null; templateId: number; version: number };
const templateTexts = { titleId: "Judul", bodyId: "Isi", titleEn: "Title", bodyEn: "Body" };

const TEMPLATE_DATA_FUNCTIONS: Record<string, (actor: StaffActor, target: TemplateTarget) => Promise<unknown>> = {
  overview: (actor, target) => getTemplateOverview(actor, target.officeId),
  getForEdit: (actor, target) => getTemplateForEdit(actor, target.templateId),
  target: (actor, target) => getTemplateTarget(actor, target.officeId),
  create: (actor, target) => createReplyTemplate(actor, { officeId: target.officeId, ...templateTexts }),
  update: (actor, target) => updateReplyTemplate(actor, { templateId: target.templateId, version: target.version, ...templateTexts }),
  deactivate: (actor, target) => deactivateReplyTemplate(actor, { templateId: target.templateId, version: target.version }),
  reactivate: (actor, target) => reactivateReplyTemplate(actor, { templateId: target.templateId, version: target.version }),
};

const TEMPLATE_ACTIONS: Record<string, (target: TemplateTarget) => Promise<ReferenceFormState>> = {
  create: (target) => templateActions.createReplyTemplateAction(IDLE, form({ officeId: target.officeId ?? "national", ...templateTexts })),
  update: (target) => templateActions.updateReplyTemplateAction(IDLE, form({ templateId: target.templateId, version: target.version, ...templateTexts })),
  deactivate: (target) => templateActions.deactivateReplyTemplateAction(IDLE, form({ templateId: target.templateId, version: target.version })),
  reactivate: (target) => templateActions.reactivateReplyTemplateAction(IDLE, form({ templateId: target.templateId, version: target.version })),
};

async function createTemplateTargets(): Promise<TemplateTarget[]> {
  return Promise.all(
    [null, fixture.offices.a.id, fixture.offices.c.id].map(async (officeId) => {
      const created = await db.replyTemplate.create({ data: { officeId, ...templateTexts }, select: { id: true, version: true } });
      return { officeId, templateId: created.id, version: created.version };
    }),
  );
}

function parseTemplateMatrix() {
  const [header, ...rows] = TEMPLATE_MATRIX.trim().split("\n").map((line) => line.split("|").map((cell) => cell.trim()));
  const columns = header!.slice(1) as StaffName[];
  return rows.flatMap(([operation, ...cells]) => cells.map((cell, index) => ({ operation: operation!, role: columns[index]!, expected: cell.split(/\s+/) })));
}

describe("reply templates: admins, and the supervisor of the template's one office", () => {
  it.each(parseTemplateMatrix())("data function $operation by $role: $expected", async ({ operation, role, expected }) => {
    const targets = await createTemplateTargets();
    const outcomes = [];
    for (const target of targets) outcomes.push(await dataOutcome(() => TEMPLATE_DATA_FUNCTIONS[operation]!(fixture.staff[role], target)));
    expect(outcomes).toEqual(expected);
  });

  it.each(parseTemplateMatrix().filter((cell) => cell.operation in TEMPLATE_ACTIONS))("Server Action $operation by $role: $expected", async ({ operation, role, expected }) => {
    session.current = fixture.staff[role];
    const targets = await createTemplateTargets();
    const outcomes = [];
    for (const target of targets) outcomes.push(await actionOutcome(() => TEMPLATE_ACTIONS[operation]!(target)));
    expect(outcomes).toEqual(expected);
  });
});
