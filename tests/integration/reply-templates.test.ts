import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AdminConflictError, AdminNotFoundError } from "@/lib/admin/errors";
import type { ReferenceFormState } from "@/lib/admin/reference-form";
import type { StaffActor } from "@/lib/auth/session";
import { CaseNotFoundError } from "@/lib/cases/errors";
import {
  createReplyTemplate,
  deactivateReplyTemplate,
  getTemplateOverview,
  listCaseReplyTemplates,
  reactivateReplyTemplate,
  updateReplyTemplate,
} from "@/lib/reply-templates/templates";
import { INITIAL_REPLY_TEMPLATES, seedReplyTemplates } from "@/prisma/seed/reply-templates";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
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

const templateActions = await import("@/lib/reply-templates/actions");

/**
 * Reply templates: national ones (admins) and each office's (admins and that office's
 * supervisor), offered on the case page in the reporter's language.
 */

const db = connectTestDatabase();
let fixture: ScopeFixture;

const texts = (label: string) => ({ titleId: `Judul ${label}`, bodyId: `Isi ${label}`, titleEn: `Title ${label}`, bodyEn: `Body ${label}` });

beforeAll(async () => {
  fixture = await createScopeFixture("templates");
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

describe("the seed", () => {
  it("inserts the four national templates in both languages once, while the table is empty", async () => {
    await db.replyTemplate.deleteMany();
    expect(await seedReplyTemplates(db)).toBe(4);
    expect(await seedReplyTemplates(db)).toBe(0);
    const rows = await db.replyTemplate.findMany({ orderBy: { sortOrder: "asc" }, select: { officeId: true, titleId: true, titleEn: true, isActive: true } });
    expect(rows).toEqual(INITIAL_REPLY_TEMPLATES.map((template) => ({ officeId: null, titleId: template.titleId, titleEn: template.titleEn, isActive: true })));
  });
});

describe("editing", () => {
  it("lets an admin add a national template and edit it at its version, audited", async () => {
    const { admin } = fixture.staff;
    const created = await createReplyTemplate(admin, { officeId: null, ...texts("nasional") });
    await updateReplyTemplate(admin, { templateId: created.id, version: 1, ...texts("nasional 2") });
    await expect(updateReplyTemplate(admin, { templateId: created.id, version: 1, ...texts("basi") })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await db.replyTemplate.findUniqueOrThrow({ where: { id: created.id }, select: { titleEn: true, version: true } })).toEqual({ titleEn: "Title nasional 2", version: 2 });
    const event = await db.caseEvent.findFirst({ where: { actorId: admin.id }, orderBy: { id: "desc" }, select: { action: true, before: true, after: true } });
    expect(event).toMatchObject({ action: "REPLY_TEMPLATE_UPDATED", before: { titleEn: "Title nasional" }, after: { titleEn: "Title nasional 2" } });
  });

  it("lets an office supervisor edit only their own office's templates", async () => {
    const { supervisorOfficeA } = fixture.staff;
    const own = await createReplyTemplate(supervisorOfficeA, { officeId: fixture.offices.a.id, ...texts("kantor A") });
    await updateReplyTemplate(supervisorOfficeA, { templateId: own.id, version: 1, ...texts("kantor A baru") });
    await expect(createReplyTemplate(supervisorOfficeA, { officeId: fixture.offices.b.id, ...texts("kantor B") })).rejects.toBeInstanceOf(AdminNotFoundError);
    await expect(createReplyTemplate(supervisorOfficeA, { officeId: null, ...texts("nasional") })).rejects.toBeInstanceOf(AdminNotFoundError);
    const national = await db.replyTemplate.findFirstOrThrow({ where: { officeId: null }, select: { id: true, version: true } });
    await expect(updateReplyTemplate(supervisorOfficeA, { templateId: national.id, version: national.version, ...texts("dibajak") })).rejects.toBeInstanceOf(AdminNotFoundError);

    const overview = await getTemplateOverview(supervisorOfficeA, fixture.offices.c.id);
    expect(overview.office?.id).toBe(fixture.offices.a.id);
    expect(overview.officeChoices).toEqual([]);
    expect(overview.national.every((template) => !template.canEdit)).toBe(true);
    expect(overview.office?.templates.map((template) => [template.titleId, template.canEdit])).toEqual([["Judul kantor A baru", true]]);
  });

  it("keeps what was typed when the template changed meanwhile (Server Action)", async () => {
    const { supervisorOfficeA } = fixture.staff;
    session.current = supervisorOfficeA;
    const template = await createReplyTemplate(supervisorOfficeA, { officeId: fixture.offices.a.id, ...texts("konflik") });
    await updateReplyTemplate(fixture.staff.admin, { templateId: template.id, version: 1, ...texts("dari admin") });
    const typed = { templateId: String(template.id), version: "1", ...texts("ketikan saya") };
    const result = await templateActions.updateReplyTemplateAction({ status: "idle" } satisfies ReferenceFormState, toFormData(typed));
    expect(result).toEqual({ status: "error", message: "conflict", fieldErrors: {}, values: typed });
  });
});

describe("on the case page", () => {
  it("offers the active national templates, then the case office's, in the reporter's language", async () => {
    const { admin, officerA, officerC } = fixture.staff;
    await db.replyTemplate.deleteMany();
    await seedReplyTemplates(db);
    const officeA = await createReplyTemplate(admin, { officeId: fixture.offices.a.id, ...texts("A") });
    await createReplyTemplate(admin, { officeId: fixture.offices.c.id, ...texts("C") });
    const retired = await createReplyTemplate(admin, { officeId: null, ...texts("lama") });
    await deactivateReplyTemplate(admin, { templateId: retired.id, version: 1 });

    const englishCase = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, locale: "en" });
    const offered = await listCaseReplyTemplates(officerA, englishCase.id);
    expect(offered.map((template) => template.title)).toEqual([...INITIAL_REPLY_TEMPLATES.map((template) => template.titleEn), "Title A"]);
    expect(offered.at(-1)).toEqual({ key: String(officeA.id), title: "Title A", body: "Body A" });

    const indonesianCase = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, locale: "id" });
    expect((await listCaseReplyTemplates(officerA, indonesianCase.id)).at(0)?.body).toBe(INITIAL_REPLY_TEMPLATES[0].bodyId);
    await expect(listCaseReplyTemplates(officerC, indonesianCase.id)).rejects.toBeInstanceOf(CaseNotFoundError);

    await reactivateReplyTemplate(admin, { templateId: retired.id, version: 2 });
    expect((await listCaseReplyTemplates(officerA, indonesianCase.id)).map((template) => template.title)).toContain("Judul lama");
  });
});

function toFormData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
