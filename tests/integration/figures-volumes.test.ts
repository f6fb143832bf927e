import { beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findOfficeVolumeMonth, importVolumeCsv, monthDate, saveOfficeVolumes, VolumeAccessError } from "@/lib/volumes/volumes";

import { createScopeFixture, type ScopeFixture } from "./cases-fixtures";

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

const actions = await import("@/lib/volumes/actions");

let fixture: ScopeFixture;
let otherService: { id: number; code: string };

beforeAll(async () => {
  fixture = await createScopeFixture("volumes");
  otherService = await db.service.create({ data: { code: `visa-${fixture.suffix}`, nameId: "Visa uji", nameEn: "Test visa" }, select: { id: true, code: true } });
});

async function storedCounts(officeIds: number[], month: string) {
  const rows = await db.serviceVolume.findMany({ where: { officeId: { in: officeIds }, month: monthDate(month) }, orderBy: [{ officeId: "asc" }, { serviceId: "asc" }], select: { officeId: true, serviceId: true, count: true, enteredById: true } });
  return rows;
}

function csvFile(text: string) {
  return new File([text], "volumes.csv", { type: "text/csv" });
}

describe("importing a month of service volumes by CSV", () => {
  it("writes every row of a valid file, records who entered it, and audits the import", async () => {
    const { a, b } = fixture.offices;
    const before = await db.caseEvent.count({ where: { action: "SERVICE_VOLUMES_CHANGED", actorId: fixture.staff.supervisorRegion1.id } });
    const result = await importVolumeCsv(fixture.staff.supervisorRegion1, {
      month: "2026-10",
      content: `office_code,service_code,count\n${a.code},${fixture.service.code},"12.450"\n${b.code},${otherService.code},300\n`,
    });
    expect(result).toEqual({ ok: true, written: 2 });
    expect(await storedCounts([a.id, b.id], "2026-10")).toEqual([
      { officeId: a.id, serviceId: fixture.service.id, count: 12450, enteredById: fixture.staff.supervisorRegion1.id },
      { officeId: b.id, serviceId: otherService.id, count: 300, enteredById: fixture.staff.supervisorRegion1.id },
    ]);
    const events = await db.caseEvent.findMany({ where: { action: "SERVICE_VOLUMES_CHANGED", actorId: fixture.staff.supervisorRegion1.id }, orderBy: { id: "desc" }, select: { after: true } });
    expect(events.length).toBe(before + 1);
    expect(events[0]!.after).toMatchObject({ month: "2026-10", source: "csv" });
  });

  it("writes nothing when one row is bad, and names the row", async () => {
    const { a, c } = fixture.offices;
    const result = await importVolumeCsv(fixture.staff.supervisorRegion1, {
      month: "2026-09",
      content: `office_code,service_code,count\n${a.code},${fixture.service.code},100\n${a.code},${otherService.code},1.5\n`,
    });
    expect(result).toEqual({ ok: false, errors: [{ line: 3, code: "countInvalid", value: "1.5" }] });
    expect(await storedCounts([a.id, c.id], "2026-09")).toEqual([]);
  });

  it("treats an office outside the supervisor's scope as unknown, and writes nothing", async () => {
    const { a, c } = fixture.offices;
    const result = await importVolumeCsv(fixture.staff.supervisorRegion1, {
      month: "2026-08",
      content: `office_code,service_code,count\n${a.code},${fixture.service.code},100\n${c.code},${fixture.service.code},100\n`,
    });
    expect(result).toEqual({ ok: false, errors: [{ line: 3, code: "officeUnknown", value: c.code }] });
    expect(await storedCounts([a.id, c.id], "2026-08")).toEqual([]);
  });

  it("replaces a month's count when imported again", async () => {
    const { a } = fixture.offices;
    await importVolumeCsv(fixture.staff.admin, { month: "2026-07", content: `office_code,service_code,count\n${a.code},${fixture.service.code},100\n` });
    await importVolumeCsv(fixture.staff.admin, { month: "2026-07", content: `office_code,service_code,count\n${a.code},${fixture.service.code},250\n` });
    expect((await storedCounts([a.id], "2026-07")).map((row) => row.count)).toEqual([250]);
  });

  it("the import action answers a bad file with every bad line and keeps the chosen month", async () => {
    session.current = fixture.staff.supervisorOfficeA;
    const form = new FormData();
    form.set("month", "2026-06");
    form.set("file", csvFile(`office_code,service_code,count\n${fixture.offices.b.code},${fixture.service.code},5\n`));
    const state = await actions.submitVolumeImport({}, form);
    expect(state).toEqual({ error: "fileHasErrors", month: "2026-06", csvErrors: [{ line: 2, code: "officeUnknown", value: fixture.offices.b.code }] });
  });
});

describe("entering one office's month on the form", () => {
  it("saves the counts typed, leaves blank services alone, and shows who entered them", async () => {
    const { a } = fixture.offices;
    await saveOfficeVolumes(fixture.staff.supervisorOfficeA, { officeId: a.id, month: "2026-05", counts: [{ serviceId: fixture.service.id, count: 900 }] });
    const entries = await findOfficeVolumeMonth(fixture.staff.supervisorOfficeA, { officeId: a.id, month: "2026-05" });
    expect(entries.find((entry) => entry.serviceId === fixture.service.id)).toMatchObject({ count: 900, enteredByName: fixture.staff.supervisorOfficeA.name });
    expect(entries.find((entry) => entry.serviceId === otherService.id)).toMatchObject({ count: null });
  });

  it("refuses officers and offices outside the scope in the data layer", async () => {
    await expect(findOfficeVolumeMonth(fixture.staff.officerA, { officeId: fixture.offices.a.id, month: "2026-05" })).rejects.toBeInstanceOf(VolumeAccessError);
    await expect(saveOfficeVolumes(fixture.staff.supervisorOfficeA, { officeId: fixture.offices.b.id, month: "2026-05", counts: [{ serviceId: fixture.service.id, count: 1 }] })).rejects.toBeInstanceOf(VolumeAccessError);
    expect(await storedCounts([fixture.offices.b.id], "2026-05")).toEqual([]);
  });

  it("a refused form keeps every number typed and marks the bad one", async () => {
    session.current = fixture.staff.supervisorOfficeA;
    const form = new FormData();
    form.set("month", "2026-04");
    form.set("office", String(fixture.offices.a.id));
    form.set(`count-${fixture.service.id}`, "1.234");
    form.set(`count-${otherService.id}`, "dua ratus");
    const state = await actions.submitOfficeVolumes({}, form);
    expect(state.error).toBe("countsInvalid");
    expect(state.fieldErrors).toEqual({ [String(otherService.id)]: "countInvalid" });
    expect(state.values).toMatchObject({ [`count-${fixture.service.id}`]: "1.234", [`count-${otherService.id}`]: "dua ratus" });
    expect(await storedCounts([fixture.offices.a.id], "2026-04")).toEqual([]);
  });
});
