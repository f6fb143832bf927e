import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assignCase } from "@/lib/cases/assignment";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { setDeadlineTier } from "@/lib/cases/deadline-tier";
import { CaseActionForbiddenError, CaseRuleError } from "@/lib/cases/errors";
import { markStaffInvolved } from "@/lib/cases/involvement";
import { changeCaseStatus } from "@/lib/cases/status";
import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

let fixture: ScopeFixture;

/** An instant given as Jakarta wall-clock time. */
const jakarta = (local: string) => new Date(`${local}+07:00`);
const day = (instant: Date | null | undefined) => (instant ? toJakartaDateKey(instant) : null);

beforeAll(async () => {
  fixture = await createScopeFixture("workflow");
  // July 2026 has no holiday: the working days below are plain weekdays whatever the table holds.
});

afterAll(async () => {
  await db.$disconnect();
});

async function load(caseId: string) {
  return db.case.findUniqueOrThrow({ where: { id: caseId } });
}

describe("a case through its workflow", () => {
  it("verifies, pauses for the reporter, resumes with the due date moved, and closes", async () => {
    const { offices, staff } = fixture;
    const officer = staff.officerA;
    const created = await createFixtureCase(fixture, { officeId: offices.a.id, receivedAt: jakarta("2026-07-03T09:00:00") });

    await changeCaseStatus(officer, { caseId: created.id, version: 1, to: "VERIFIED" }, { now: jakarta("2026-07-06T09:00:00") });
    let row = await load(created.id);
    expect(day(row.verifiedAt)).toBe("2026-07-06");
    expect(day(row.resolutionDueAt)).toBe("2026-07-13"); // NORMATIVE: 5 working days

    await changeCaseStatus(officer, { caseId: created.id, version: 2, to: "IN_PROGRESS" }, { now: jakarta("2026-07-07T09:00:00") });
    await changeCaseStatus(officer, { caseId: created.id, version: 3, to: "WAITING_FOR_REPORTER", replyToReporter: "Mohon kirim foto kuitansi." }, { now: jakarta("2026-07-08T10:00:00") });
    row = await load(created.id);
    expect(row.clockPausedAt).toEqual(jakarta("2026-07-08T10:00:00"));
    expect(await db.caseMessage.findFirst({ where: { caseId: created.id }, select: { kind: true, body: true } })).toEqual({ kind: "PUBLIC_REPLY", body: "Mohon kirim foto kuitansi." });

    await changeCaseStatus(officer, { caseId: created.id, version: 4, to: "IN_PROGRESS" }, { now: jakarta("2026-07-13T09:00:00") });
    row = await load(created.id);
    expect(row).toMatchObject({ clockPausedAt: null, pausedWorkingDays: 3 });
    expect(day(row.resolutionDueAt)).toBe("2026-07-16");

    await changeCaseStatus(officer, { caseId: created.id, version: 5, to: "RESOLVED" }, { now: jakarta("2026-07-15T09:00:00") });
    row = await load(created.id);
    expect(row).toMatchObject({ status: "RESOLVED", closedAt: jakarta("2026-07-15T09:00:00"), version: 6 });

    const events = await db.caseEvent.findMany({ where: { caseId: created.id, action: "STATUS_CHANGED" }, orderBy: { id: "asc" }, select: { actorId: true, isPublic: true, after: true } });
    expect(events.map((event) => (event.after as { status: string }).status)).toEqual(["VERIFIED", "IN_PROGRESS", "WAITING_FOR_REPORTER", "IN_PROGRESS", "RESOLVED"]);
    expect(events.every((event) => event.actorId === officer.id && event.isPublic)).toBe(true);
  });

  it("refuses a move the workflow does not allow, and changes nothing", async () => {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.a.id });
    await expect(changeCaseStatus(fixture.staff.officerA, { caseId: created.id, version: 1, to: "RESOLVED" })).rejects.toEqual(new CaseRuleError("transitionNotAllowed"));
    expect((await load(created.id)).version).toBe(1);
  });

  it("keeps the rejection reason and the forward target the reporter will read", async () => {
    const { offices, staff } = fixture;
    const rejected = await createFixtureCase(fixture, { officeId: offices.a.id });
    await changeCaseStatus(staff.officerA, { caseId: rejected.id, version: 1, to: "REJECTED", rejectionReason: "Kejadian di luar kantor imigrasi." });
    expect(await load(rejected.id)).toMatchObject({ status: "REJECTED", rejectionReason: "Kejadian di luar kantor imigrasi." });

    const forwarded = await createFixtureCase(fixture, { officeId: offices.a.id });
    await changeCaseStatus(staff.officerA, { caseId: forwarded.id, version: 1, to: "FORWARDED", forwardTarget: "SABER_PUNGLI", forwardNote: "Diteruskan ke Satgas Saber Pungli." });
    expect(await load(forwarded.id)).toMatchObject({ status: "FORWARDED", forwardedTo: "SABER_PUNGLI", forwardNote: "Diteruskan ke Satgas Saber Pungli." });
  });

  it("recomputes the resolution deadline when the tier changes", async () => {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, receivedAt: jakarta("2026-07-03T09:00:00") });
    await changeCaseStatus(fixture.staff.officerA, { caseId: created.id, version: 1, to: "VERIFIED" }, { now: jakarta("2026-07-06T09:00:00") });
    await setDeadlineTier(fixture.staff.officerA, { caseId: created.id, version: 2, tier: "LIGHT" });
    expect(day((await load(created.id)).resolutionDueAt)).toBe("2026-07-08");
  });

  it("shows the page's deadline, allowed moves and assignable colleagues", async () => {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.a.id });
    await assignCase(fixture.staff.officerA, { caseId: created.id, version: 1, assigneeId: fixture.staff.officerA.id });
    const detail = await getCaseDetail(fixture.staff.officerA, created.id);
    expect(detail.allowedTransitions).toEqual(["VERIFIED", "REJECTED", "FORWARDED"]);
    expect(detail.assignee?.id).toBe(fixture.staff.officerA.id);
    expect(detail.assignableStaff.map((person) => person.id).sort()).toEqual(
      [fixture.staff.officerA.id, fixture.staff.colleagueA.id, fixture.staff.involvedOfficerA.id].sort(),
    );
    expect(detail.deadline.kind).toBe("verification");
    expect(detail.events.map((event) => event.action)).toEqual(["ASSIGNED"]);
  });

  it("never lets an officer mark anyone as involved, so no case can be hidden from its office or oversight", async () => {
    const created = await createFixtureCase(fixture, { officeId: fixture.offices.a.id });
    for (const person of [fixture.staff.colleagueA, fixture.staff.supervisorOfficeA, fixture.staff.supervisorRegion1, fixture.staff.supervisorNational, fixture.staff.admin]) {
      await expect(markStaffInvolved(fixture.staff.officerA, { caseId: created.id, staffUserId: person.id, reason: "Mencoba menyembunyikan kasus" })).rejects.toBeInstanceOf(
        CaseActionForbiddenError,
      );
      expect((await getCaseDetail(person, created.id)).id).toBe(created.id);
    }
  });
});
