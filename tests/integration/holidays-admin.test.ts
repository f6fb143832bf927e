import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { StaffActor } from "@/lib/auth/session";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { db } from "@/lib/db";
import { computeResolutionDueAt, computeVerificationDueAt } from "@/lib/deadlines/case-clock";
import { loadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import { addWorkingDays, toJakartaDateKey } from "@/lib/deadlines/working-days";
import { findHolidayForEdit, findHolidayPlaces, findHolidayYear } from "@/lib/holidays/calendar";
import { addHoliday, deleteHoliday, updateHoliday } from "@/lib/holidays/changes";
import { applyHolidayImport, previewHolidayImport } from "@/lib/holidays/import";
import { findHolidayNotice } from "@/lib/holidays/notice";
import { findTrackedCase } from "@/lib/reports/tracking";

import { createFixtureCase, createScopeFixture, STAFF_NAMES, type ScopeFixture } from "./cases-fixtures";

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

const actions = await import("@/lib/holidays/actions");

const jakarta = (local: string) => new Date(`${local}+07:00`);
/** Monday 4 January 2027, 10:00 in Jakarta: "now" for every change below. */
const NOW = jakarta("2027-01-04T10:00:00");
/** Tuesday 5 January 2027: the day the tests make a holiday. */
const NEW_DAY = "2027-01-05";

let fixture: ScopeFixture;
let provinceA: string;
let provinceC: string;

async function holidaysChangedEvents() {
  return db.caseEvent.findMany({ where: { action: "HOLIDAYS_CHANGED" }, orderBy: { id: "asc" }, select: { before: true, after: true, actorId: true } });
}

/** A verified open case of the office, 60 working days (INVESTIGATION), its deadline computed from the holidays as they stand. */
async function createInvestigationCase(officeId: number, options: { status?: "IN_PROGRESS" | "WAITING_FOR_REPORTER" | "RESOLVED"; pausedWorkingDays?: number } = {}) {
  const receivedAt = jakarta("2026-12-10T09:00:00");
  const verifiedAt = jakarta("2026-12-14T09:00:00");
  const holidays = await loadHolidayKeysForOffice(db, officeId);
  const status = options.status ?? "IN_PROGRESS";
  return createFixtureCase(fixture, {
    officeId,
    status,
    deadlineTier: "INVESTIGATION",
    receivedAt,
    verificationDueAt: computeVerificationDueAt(receivedAt, holidays),
    verifiedAt,
    resolutionDueAt: computeResolutionDueAt(verifiedAt, "INVESTIGATION", options.pausedWorkingDays ?? 0, holidays),
    pausedWorkingDays: options.pausedWorkingDays ?? 0,
    clockPausedAt: status === "WAITING_FOR_REPORTER" ? jakarta("2026-12-30T09:00:00") : null,
    closedAt: status === "RESOLVED" ? jakarta("2026-12-20T09:00:00") : null,
    resolutionWorkingDays: status === "RESOLVED" ? 5 : null,
  });
}

async function readCase(id: string) {
  return db.case.findUniqueOrThrow({ where: { id }, select: { verificationDueAt: true, resolutionDueAt: true, version: true, clockPausedAt: true, pausedWorkingDays: true, resolutionWorkingDays: true } });
}

beforeAll(async () => {
  fixture = await createScopeFixture("holidays");
  provinceA = `Provinsi A ${fixture.suffix}`;
  provinceC = `Provinsi C ${fixture.suffix}`;
  await db.office.updateMany({ where: { id: { in: [fixture.offices.a.id, fixture.offices.b.id] } }, data: { province: provinceA } });
  await db.office.update({ where: { id: fixture.offices.c.id }, data: { province: provinceC } });
});

beforeEach(() => {
  session.current = null;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("adding a regional holiday", () => {
  it("moves the open cases of the province's offices by one working day, with a public timeline event, and nothing else", async () => {
    const { admin } = fixture.staff;
    const open = await createInvestigationCase(fixture.offices.a.id);
    const sameProvince = await createInvestigationCase(fixture.offices.b.id);
    const paused = await createInvestigationCase(fixture.offices.a.id, { status: "WAITING_FOR_REPORTER", pausedWorkingDays: 2 });
    const closed = await createInvestigationCase(fixture.offices.a.id, { status: "RESOLVED" });
    const otherProvince = await createInvestigationCase(fixture.offices.c.id);
    const before = {
      open: await readCase(open.id),
      paused: await readCase(paused.id),
      closed: await readCase(closed.id),
      otherProvince: await readCase(otherProvince.id),
    };
    const eventsBefore = (await holidaysChangedEvents()).length;

    const result = await addHoliday(
      admin,
      { date: NEW_DAY, nameId: "Libur daerah uji", nameEn: "Test regional day", kind: "REGIONAL_HOLIDAY", place: `province:${provinceA}`, source: null },
      { now: NOW },
    );

    expect(result.movedCases).toBe(3);
    const holidays = await loadHolidayKeysForOffice(db, fixture.offices.a.id);
    expect(holidays.has(NEW_DAY)).toBe(true);

    const afterOpen = await readCase(open.id);
    expect(toJakartaDateKey(afterOpen.resolutionDueAt!)).toBe(toJakartaDateKey(addWorkingDays(before.open.resolutionDueAt!, 1, holidays)));
    expect(afterOpen.version).toBe(before.open.version + 1);
    expect(toJakartaDateKey((await readCase(sameProvince.id)).resolutionDueAt!)).toBe(toJakartaDateKey(afterOpen.resolutionDueAt!));

    const afterPaused = await readCase(paused.id);
    expect(toJakartaDateKey(afterPaused.resolutionDueAt!)).toBe(toJakartaDateKey(addWorkingDays(before.paused.resolutionDueAt!, 1, holidays)));
    expect(afterPaused).toMatchObject({ clockPausedAt: before.paused.clockPausedAt, pausedWorkingDays: 2 });

    expect(await readCase(closed.id)).toEqual(before.closed);
    expect(await readCase(otherProvince.id)).toEqual(before.otherProvince);

    const [event] = await db.caseEvent.findMany({ where: { caseId: open.id, action: "DEADLINE_RECOMPUTED" }, select: { isPublic: true, before: true, after: true, actorId: true } });
    expect(event).toMatchObject({
      isPublic: true,
      actorId: admin.id,
      before: { kind: "resolution", dueAt: before.open.resolutionDueAt!.toISOString() },
      after: { kind: "resolution", dueAt: afterOpen.resolutionDueAt!.toISOString() },
    });
    expect(await db.caseEvent.count({ where: { caseId: { in: [closed.id, otherProvince.id] }, action: "DEADLINE_RECOMPUTED" } })).toBe(0);

    const changes = await holidaysChangedEvents();
    expect(changes).toHaveLength(eventsBefore + 1);
    expect(changes.at(-1)).toMatchObject({ actorId: admin.id, after: { operation: "add", movedCases: 3, added: [{ date: NEW_DAY, place: `province:${provinceA}` }] } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The reporter sees the moved deadline and a timeline entry; staff see it on the case page.
    const tracked = await findTrackedCase(open.id, "id", { now: NOW });
    expect(tracked?.deadline?.dueAt).toBe(afterOpen.resolutionDueAt!.toISOString());
    expect(tracked?.timeline.map((entry) => entry.action)).toContain("DEADLINE_RECOMPUTED");
    const detail = await getCaseDetail(admin, open.id, { now: NOW });
    expect(detail.deadline.dueAt).toEqual(afterOpen.resolutionDueAt);
  });

  it("leaves a case whose deadline has already passed as it was", async () => {
    // Received Monday 28 December 2026: verification was due Thursday 31 December, before NOW.
    const receivedAt = jakarta("2026-12-28T09:00:00");
    const overdue = await createFixtureCase(fixture, { officeId: fixture.offices.c.id, receivedAt, verificationDueAt: computeVerificationDueAt(receivedAt, new Set()) });
    const before = await readCase(overdue.id);
    const result = await addHoliday(
      fixture.staff.admin,
      { date: "2026-12-29", nameId: "Libur kantor C", nameEn: "Office C day", kind: "REGIONAL_HOLIDAY", place: `office:${fixture.offices.c.id}`, source: null },
      { now: NOW },
    );
    // Office C's open 60-day case counts through 29 December and moves; the overdue one does not.
    expect(result.movedCases).toBe(1);
    expect(await readCase(overdue.id)).toEqual(before);
    expect(await db.caseEvent.count({ where: { caseId: overdue.id, action: "DEADLINE_RECOMPUTED" } })).toBe(0);
  });

  it("refuses a second holiday on the same day and place, and writes nothing", async () => {
    const events = (await holidaysChangedEvents()).length;
    await expect(
      addHoliday(fixture.staff.admin, { date: NEW_DAY, nameId: "Lagi", nameEn: "Again", kind: "REGIONAL_HOLIDAY", place: `province:${provinceA}`, source: null }, { now: NOW }),
    ).rejects.toEqual(new AdminRuleError("holidayDuplicate"));
    expect(await holidaysChangedEvents()).toHaveLength(events);
  });

  it("refuses a place no office has, and a national kind for a regional place", async () => {
    await expect(
      addHoliday(fixture.staff.admin, { date: "2027-02-01", nameId: "X", nameEn: "X", kind: "REGIONAL_HOLIDAY", place: "province:Atlantis", source: null }, { now: NOW }),
    ).rejects.toEqual(new AdminRuleError("placeUnknown"));
    await expect(
      addHoliday(fixture.staff.admin, { date: "2027-02-01", nameId: "X", nameEn: "X", kind: "NATIONAL_HOLIDAY", place: `province:${provinceA}`, source: null }, { now: NOW }),
    ).rejects.toEqual(new AdminRuleError("kindPlaceMismatch"));
  });
});

describe("editing and deleting a holiday", () => {
  it("refuses an edit of a version someone else changed, and keeps the row", async () => {
    const { admin } = fixture.staff;
    const [row] = (await findHolidayYear(admin, { year: 2027, regionalScopeKey: `province:${provinceA}` })).regional!;
    await updateHoliday(admin, { id: row!.id, version: row!.version, date: row!.dateKey, nameId: "Nama baru", nameEn: "New name", kind: "REGIONAL_HOLIDAY", source: null }, { now: NOW });
    const events = (await holidaysChangedEvents()).length;

    await expect(
      updateHoliday(admin, { id: row!.id, version: row!.version, date: row!.dateKey, nameId: "Nama basi", nameEn: "Stale name", kind: "REGIONAL_HOLIDAY", source: null }, { now: NOW }),
    ).rejects.toBeInstanceOf(AdminConflictError);
    await expect(deleteHoliday(admin, { id: row!.id, version: row!.version }, { now: NOW })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await findHolidayForEdit(admin, row!.id)).toMatchObject({ nameId: "Nama baru", version: row!.version + 1 });
    expect(await holidaysChangedEvents()).toHaveLength(events);
  });

  it("moves deadlines back when a day is deleted, with one audited event", async () => {
    const { admin } = fixture.staff;
    const open = await createInvestigationCase(fixture.offices.a.id);
    const before = await readCase(open.id);
    const row = (await findHolidayYear(admin, { year: 2027, regionalScopeKey: `province:${provinceA}` })).regional!.find((holiday) => holiday.dateKey === NEW_DAY)!;
    const events = (await holidaysChangedEvents()).length;

    const result = await deleteHoliday(admin, { id: row.id, version: row.version }, { now: NOW });

    expect(result.movedCases).toBeGreaterThanOrEqual(1);
    const after = await readCase(open.id);
    expect(toJakartaDateKey(addWorkingDays(after.resolutionDueAt!, 1, new Set([NEW_DAY])))).toBe(toJakartaDateKey(before.resolutionDueAt!));
    expect(await holidaysChangedEvents()).toHaveLength(events + 1);
  });
});

describe("importing a year from CSV", () => {
  const header = "date,name_id,name_en,kind,source,province,office_code";
  const file2027 = [header, `2027-01-01,Tahun Baru 2027 Masehi,New Year's Day 2027,libur_nasional,SKB uji,,`, `${NEW_DAY},Libur uji,Test holiday,cuti_bersama,SKB uji,,`].join("\n");

  it("previews what changes, then applies exactly that and moves the open cases", async () => {
    const { admin } = fixture.staff;
    const open = await createInvestigationCase(fixture.offices.c.id);
    const before = await readCase(open.id);
    const events = (await holidaysChangedEvents()).length;

    const preview = await previewHolidayImport(admin, { year: 2027, content: file2027 });
    if (!preview.ok) throw new Error("the preview should succeed");
    expect(preview.plan.added.map((row) => row.dateKey)).toEqual(["2027-01-01", NEW_DAY]);
    expect(preview.plan.removed).toEqual([]);
    expect(await db.holiday.count({ where: { scopeKey: "national" } })).toBe(0);

    const result = await applyHolidayImport(admin, { year: 2027, content: preview.content, contentHash: preview.contentHash, stateFingerprint: preview.stateFingerprint }, { now: NOW });

    expect(result.movedCases).toBeGreaterThanOrEqual(1);
    expect((await findHolidayYear(admin, { year: 2027, regionalScopeKey: null })).national.map((row) => [row.dateKey, row.kind])).toEqual([
      ["2027-01-01", "NATIONAL_HOLIDAY"],
      [NEW_DAY, "CUTI_BERSAMA"],
    ]);
    // Two weekdays became days off (Friday 1 and Tuesday 5 January): the deadline moves by two working days.
    expect(toJakartaDateKey((await readCase(open.id)).resolutionDueAt!)).toBe(toJakartaDateKey(addWorkingDays(before.resolutionDueAt!, 2, new Set(["2027-01-01", NEW_DAY]))));
    const changes = await holidaysChangedEvents();
    expect(changes).toHaveLength(events + 1);
    expect(changes.at(-1)).toMatchObject({ after: { operation: "import", year: 2027, places: ["national"], added: [{ date: "2027-01-01" }, { date: NEW_DAY }] } });

    // The same file again changes nothing; a corrected one renames and removes.
    const again = await previewHolidayImport(admin, { year: 2027, content: file2027 });
    expect(again.ok && again.plan).toMatchObject({ added: [], changed: [], removed: [], unchangedCount: 2 });
    const corrected = await previewHolidayImport(admin, { year: 2027, content: [header, "2027-01-01,Tahun Baru Masehi,New Year's Day,libur_nasional,SKB uji,,"].join("\n") });
    expect(corrected.ok && [corrected.plan.changed.length, corrected.plan.removed.map((row) => row.dateKey)]).toEqual([1, [NEW_DAY]]);
  });

  it("refuses a file with a bad row, naming its line, and writes nothing", async () => {
    const { admin } = fixture.staff;
    const holidays = await db.holiday.count();
    const events = await db.caseEvent.count();
    const content = [header, "2027-08-17,Hari Kemerdekaan,Independence Day,libur_nasional,,,", "2027-13-01,Salah,Wrong,libur_nasional,,,"].join("\n");

    expect(await previewHolidayImport(admin, { year: 2027, content })).toEqual({ ok: false, errors: [{ line: 3, code: "dateInvalid", value: "2027-13-01" }] });
    const { hashContent } = await import("@/lib/holidays/import");
    await expect(applyHolidayImport(admin, { year: 2027, content, contentHash: hashContent(content), stateFingerprint: "x" }, { now: NOW })).rejects.toBeInstanceOf(AdminRuleError);
    expect(await db.holiday.count()).toBe(holidays);
    expect(await db.caseEvent.count()).toBe(events);
  });

  it("refuses to apply a preview made before the year's days changed, or with other content", async () => {
    const { admin } = fixture.staff;
    const content = [header, "2027-01-01,Tahun Baru 2027 Masehi,New Year's Day 2027,libur_nasional,SKB uji,,", "2027-08-17,Hari Kemerdekaan,Independence Day,libur_nasional,,,"].join("\n");
    const preview = await previewHolidayImport(admin, { year: 2027, content });
    if (!preview.ok) throw new Error("the preview should succeed");
    const stale = { year: 2027, content, contentHash: preview.contentHash, stateFingerprint: preview.stateFingerprint };

    await expect(applyHolidayImport(admin, { ...stale, content: `${content}\n2027-12-25,Natal,Christmas,libur_nasional,,,` }, { now: NOW })).rejects.toEqual(new AdminRuleError("importPreviewStale"));

    await addHoliday(admin, { date: "2027-03-10", nameId: "Nyepi", nameEn: "Nyepi", kind: "NATIONAL_HOLIDAY", place: "national", source: null }, { now: NOW });
    const holidays = await db.holiday.count();
    await expect(applyHolidayImport(admin, stale, { now: NOW })).rejects.toEqual(new AdminRuleError("importPreviewStale"));
    expect(await db.holiday.count()).toBe(holidays);
  });
});

describe("the import form's two steps", () => {
  it("apply the very file previewed, whatever the browser does to line breaks in form values, and answer with the year's page", async () => {
    session.current = fixture.staff.admin;
    const content = "date,name_id,name_en,kind,source,province,office_code\n2027-01-01,Tahun Baru 2027 Masehi,New Year's Day 2027,libur_nasional,SKB uji,,\n2027-06-10,Hari Jadi Kantor C,Office C Day,libur_daerah,,,kanim-c-" + fixture.suffix + "\n";
    const upload = new FormData();
    upload.set("intent", "preview");
    upload.set("year", "2027");
    upload.set("file", new File([content], "libur.csv", { type: "text/csv" }));
    const previewed = await actions.submitHolidayImport({}, upload);
    expect(previewed.preview?.plan.added.map((row) => row.dateKey)).toEqual(["2027-06-10"]);
    expect(previewed.preview?.plan.removed.length).toBeGreaterThan(0);

    const apply = new FormData();
    apply.set("intent", "apply");
    apply.set("year", "2027");
    apply.set("encodedContent", previewed.preview!.encodedContent);
    apply.set("contentHash", previewed.preview!.contentHash);
    apply.set("stateFingerprint", previewed.preview!.stateFingerprint);
    const redirectedTo = await actions.submitHolidayImport({}, apply).then(
      () => null,
      (error: unknown) => (error as { digest?: string }).digest ?? String(error),
    );
    expect(redirectedTo).toMatch(/^NEXT_REDIRECT;replace;\/dasbor\/admin\/hari-libur\?tahun=2027&selesai=imported&kasus=\d+;/);
    expect((await findHolidayYear(fixture.staff.admin, { year: 2027, regionalScopeKey: `office:${fixture.offices.c.id}` })).regional!.map((row) => row.dateKey)).toEqual(["2027-06-10"]);
  });
});

describe("the notice for next year's holidays", () => {
  it("shows admins (with the link) and supervisors from 1 October while next year has no national days, never officers", async () => {
    const october = jakarta("2027-10-01T08:00:00");
    expect(await findHolidayNotice(fixture.staff.admin, { now: october })).toEqual({ year: 2028, canEnterHolidays: true });
    expect(await findHolidayNotice(fixture.staff.supervisorRegion1, { now: october })).toEqual({ year: 2028, canEnterHolidays: false });
    expect(await findHolidayNotice(fixture.staff.officerA, { now: october })).toBeNull();
    // 2027 has national days by now (imported above).
    expect(await findHolidayNotice(fixture.staff.admin, { now: jakarta("2026-10-01T08:00:00") })).toBeNull();
  });
});

describe("who may administer holidays", () => {
  const isNotFound = (error: unknown) => (error as { digest?: string } | null)?.digest === "NEXT_HTTP_ERROR_FALLBACK;404";
  const formData = (entries: Record<string, string | Blob>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(entries)) data.set(key, value);
    return data;
  };

  it("answers every holiday data function and action with not-found for everyone but admins", async () => {
    const row = (await findHolidayYear(fixture.staff.admin, { year: 2027, regionalScopeKey: null })).national[0]!;
    const holidaysBefore = await db.holiday.count();
    const csv = new File(["date,name_id,name_en,kind\n2027-09-01,X,X,libur_nasional\n"], "libur.csv", { type: "text/csv" });
    const dataCalls: Record<string, (actor: StaffActor) => Promise<unknown>> = {
      findHolidayPlaces: (actor) => findHolidayPlaces(actor),
      findHolidayYear: (actor) => findHolidayYear(actor, { year: 2027, regionalScopeKey: null }),
      findHolidayForEdit: (actor) => findHolidayForEdit(actor, row.id),
      addHoliday: (actor) => addHoliday(actor, { date: "2027-09-01", nameId: "X", nameEn: "X", kind: "NATIONAL_HOLIDAY", place: "national", source: null }, { now: NOW }),
      updateHoliday: (actor) => updateHoliday(actor, { id: row.id, version: row.version, date: row.dateKey, nameId: "X", nameEn: "X", kind: row.kind, source: null }, { now: NOW }),
      deleteHoliday: (actor) => deleteHoliday(actor, { id: row.id, version: row.version }, { now: NOW }),
      previewHolidayImport: (actor) => previewHolidayImport(actor, { year: 2027, content: "date,name_id,name_en,kind\n2027-09-01,X,X,libur_nasional\n" }),
      applyHolidayImport: (actor) => applyHolidayImport(actor, { year: 2027, content: "", contentHash: "", stateFingerprint: "" }, { now: NOW }),
    };
    const actionCalls: Record<string, () => Promise<unknown>> = {
      submitAddHoliday: () => actions.submitAddHoliday({}, formData({ date: "2027-09-01", nameId: "X", nameEn: "X", kind: "NATIONAL_HOLIDAY", place: "national", source: "" })),
      submitUpdateHoliday: () => actions.submitUpdateHoliday({}, formData({ id: String(row.id), version: String(row.version), date: row.dateKey, nameId: "X", nameEn: "X", kind: row.kind, source: "" })),
      submitDeleteHoliday: () => actions.submitDeleteHoliday({}, formData({ id: String(row.id), version: String(row.version) })),
      submitHolidayImportPreview: () => actions.submitHolidayImport({}, formData({ intent: "preview", year: "2027", file: csv })),
      submitHolidayImportApply: () => actions.submitHolidayImport({}, formData({ intent: "apply", year: "2027", encodedContent: "", contentHash: "", stateFingerprint: "" })),
    };

    for (const name of STAFF_NAMES.filter((staffName) => staffName !== "admin")) {
      const actor = fixture.staff[name];
      for (const [call, run] of Object.entries(dataCalls)) {
        await expect(run(actor), `${name} ${call}`).rejects.toBeInstanceOf(AdminNotFoundError);
      }
      session.current = actor;
      for (const [action, run] of Object.entries(actionCalls)) {
        const outcome = await run().then(
          () => "answered",
          (error: unknown) => (isNotFound(error) ? "404" : String(error)),
        );
        expect(outcome, `${name} ${action}`).toBe("404");
      }
    }
    expect(await db.holiday.count()).toBe(holidaysBefore);
  });
});
