import { beforeAll, describe, expect, it } from "vitest";

import { AccusedGroupsForbiddenError, findAccusedGroups, openAccusedGroup } from "@/lib/accused/groups";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, type ScopeFixture } from "./cases-fixtures";

const NOW = new Date("2026-11-30T05:00:00Z");
const settings = { windowDays: 60, minReports: 3, similarity: 0.5, maxCases: 20_000 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

let fixture: ScopeFixture;
let sameCounterIds: string[];
let oldCaseId: string;

beforeAll(async () => {
  fixture = await createScopeFixture("accused");
  const officeId = fixture.offices.a.id;
  const descriptions = ["petugas pria berkacamata rambut cepak seragam biru", "Ptgs pria, berkacamata, rambut cepak", "pegawai pria berkacamata rambut cepak biru"];
  const places = ["Loket No. 3", "lkt ke-3", "loket tiga"];
  sameCounterIds = [];
  for (let index = 0; index < 3; index += 1) {
    const created = await createFixtureCase(fixture, { officeId, receivedAt: daysAgo(40 - index * 10), incidentPlace: places[index], accusedDescription: descriptions[index] });
    sameCounterIds.push(created.id);
  }
  // The same person, but outside the 60-day window: not part of the group.
  oldCaseId = (await createFixtureCase(fixture, { officeId, receivedAt: daysAgo(90), incidentPlace: "loket 3", accusedDescription: descriptions[0] })).id;
});

describe("the repeated-accused signal", () => {
  it("shows the office's supervisor the group of reports naming the same counter and description, within the window", async () => {
    const list = await findAccusedGroups(fixture.staff.supervisorOfficeA, { now: NOW, settings });
    const group = list.groups.find((candidate) => candidate.caseIds.includes(sameCounterIds[0]!));
    expect(group?.caseIds).toEqual(sameCounterIds);
    expect(group?.caseIds).not.toContain(oldCaseId);
    expect(group?.reasons).toEqual(["counter", "description"]);
  });

  it("never shows the groups to the office's own officers: the data layer refuses them", async () => {
    await expect(findAccusedGroups(fixture.staff.officerA, { now: NOW, settings })).rejects.toBeInstanceOf(AccusedGroupsForbiddenError);
    await expect(openAccusedGroup(fixture.staff.officerA, "0".repeat(24), { now: NOW, settings })).rejects.toBeInstanceOf(AccusedGroupsForbiddenError);
  });

  it("keeps other scopes' reports out: a supervisor of another region sees no group of office A", async () => {
    const list = await findAccusedGroups(fixture.staff.supervisorRegion2, { now: NOW, settings });
    expect(list.groups.some((group) => group.caseIds.some((id) => sameCounterIds.includes(id)))).toBe(false);
  });

  it("records who opened a group and which reports it held", async () => {
    const list = await findAccusedGroups(fixture.staff.supervisorRegion1, { now: NOW, settings });
    const group = list.groups.find((candidate) => candidate.caseIds.includes(sameCounterIds[0]!))!;
    const opened = await openAccusedGroup(fixture.staff.supervisorRegion1, group.key, { now: NOW, settings });
    expect(opened?.cases.map((row) => row.id)).toEqual(sameCounterIds);
    const event = await db.caseEvent.findFirst({ where: { action: "ACCUSED_GROUP_OPENED", actorId: fixture.staff.supervisorRegion1.id }, orderBy: { id: "desc" }, select: { after: true, caseId: true } });
    expect(event).toMatchObject({ caseId: null, after: { groupKey: group.key, caseIds: sameCounterIds } });
  });

  it("leaves out a case the supervisor is involved in, so the group falls below the threshold for them", async () => {
    const supervisor = fixture.staff.supervisorNational;
    await markInvolvedDirectly(sameCounterIds[1]!, supervisor.id, fixture.staff.admin.id);
    const list = await findAccusedGroups(supervisor, { now: NOW, settings });
    expect(list.groups.some((group) => group.caseIds.includes(sameCounterIds[0]!))).toBe(false);
  });
});
