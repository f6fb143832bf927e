import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { CaseNotFoundError } from "@/lib/cases/errors";
import { findQueueCases } from "@/lib/cases/queue";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { changeCaseStatus } from "@/lib/cases/status";
import { setClockOffset } from "@/lib/clock";
import { AdminRuleError } from "@/lib/admin/errors";
import { reopenOffice } from "@/lib/offices/offices";
import { countExportCases } from "@/lib/exports/case-rows";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { addReporterMessage, findTrackedCase, verifyReceipt } from "@/lib/reports/tracking";
import { runAutoClose } from "@/lib/rules/auto-close";
import { findOpenRetaliationCheck, runRetaliationChecks } from "@/lib/rules/retaliation-check";
import { answerRetaliationCheck } from "@/lib/rules/retaliation-report";
import { getRetaliationStatistics } from "@/lib/rules/retaliation-statistics";
import { getStatistics } from "@/lib/statistics/queries";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { ensureReportReferenceData } from "../fixtures/reports";
import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";

/**
 * The rules that run by themselves (lib/rules, issue 13): auto-close after N working days of the
 * office's calendar, the retaliation check rounds, and a retaliation report routed above the
 * office: seen by the region's and national supervisors, by no office-level staff of the office
 * it is about in any read path.
 */

vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const db = connectTestDatabase();
let fixture: ScopeFixture;

/** Monday 5 October 2026, 10:00 in Jakarta: no national holiday in October 2026. */
const ASKED_AT = new Date("2026-10-05T03:00:00Z");
/**
 * With office A's own holiday on Wednesday 7 October, the 10th working day after the Monday is
 * Tuesday 20 October (6, 8, 9, 12, 13, 14, 15, 16, 19, 20): the reporter has until its end in
 * Jakarta (16:59:59.999 UTC). Without that holiday it would be Monday 19 October.
 */
const LAST_DAY_EVENING = new Date("2026-10-20T16:59:00Z");
const AFTER_LAST_DAY = new Date("2026-10-20T17:00:01Z");
const WITHOUT_HOLIDAY_DEADLINE_PASSED = new Date("2026-10-20T10:00:00Z");

beforeAll(async () => {
  await ensureReportReferenceData(db);
  fixture = await createScopeFixture("rules");
  await db.holiday.create({
    data: { date: new Date("2026-10-07T00:00:00Z"), nameId: "Libur kantor uji", nameEn: "Test office holiday", kind: "REGIONAL_HOLIDAY", officeId: fixture.offices.a.id, scopeKey: `office:${fixture.offices.a.id}` },
  });
});

afterAll(async () => {
  setClockOffset(null);
  await db.$disconnect();
});

async function waitingCase(officeId = fixture.offices.a.id, pausedAt = ASKED_AT) {
  return createFixtureCase(fixture, {
    officeId,
    receivedAt: new Date("2026-09-28T03:00:00Z"),
    status: "WAITING_FOR_REPORTER",
    verifiedAt: new Date("2026-09-29T03:00:00Z"),
    resolutionDueAt: new Date("2026-10-06T16:59:59.999Z"),
    clockPausedAt: pausedAt,
    assigneeId: fixture.staff.officerA.id,
  });
}

async function eventsOf(caseId: string, action: string) {
  return db.caseEvent.findMany({ where: { caseId, action }, select: { isPublic: true, actorKind: true, before: true, after: true } });
}

describe("auto-close", () => {
  it("keeps a waiting case open until the end of the 10th working day of its office's calendar, and closes it after", async () => {
    const waiting = await waitingCase();
    await runAutoClose({ now: WITHOUT_HOLIDAY_DEADLINE_PASSED, workingDays: 10 });
    await runAutoClose({ now: LAST_DAY_EVENING, workingDays: 10 });
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("WAITING_FOR_REPORTER");

    await runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 });
    const closed = await db.case.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(closed.status).toBe("RESOLVED");
    expect(closed.closedAt).toEqual(AFTER_LAST_DAY);
    expect(closed.clockPausedAt).toBeNull();
    // The 11 working days from the pause to the day of closing (6 to 21 October less the 7th) are
    // the reporter's: the office's own time is the 5 working days from receipt to the pause.
    expect(closed.pausedWorkingDays).toBe(11);
    expect(closed.resolutionWorkingDays).toBe(5);

    const [event] = await eventsOf(waiting.id, "CASE_AUTO_CLOSED");
    expect(event).toMatchObject({ isPublic: true, actorKind: "SYSTEM", after: { status: "RESOLVED", reason: "NO_REPORTER_RESPONSE", workingDays: 10 } });
  });

  it("closes a case of an office without that holiday a day earlier", async () => {
    const waiting = await waitingCase(fixture.offices.b.id);
    await runAutoClose({ now: WITHOUT_HOLIDAY_DEADLINE_PASSED, workingDays: 10 });
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("RESOLVED");
  });

  it("shows the reporter why on /lacak's timeline", async () => {
    const waiting = await waitingCase();
    await runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 });
    const tracked = await findTrackedCase(waiting.id, "id", { now: AFTER_LAST_DAY });
    expect(tracked?.status).toBe("RESOLVED");
    expect(tracked?.timeline.at(-1)).toMatchObject({ action: "CASE_AUTO_CLOSED", statusAfter: "RESOLVED", workingDays: 10 });
    expect(tracked?.canRate).toBe(true);
  });

  it("never closes a case the reporter answered, and counts a new wait from its own start", async () => {
    const waiting = await waitingCase();
    const answer = await addReporterMessage({ caseId: waiting.id, body: "Ini dokumen yang diminta petugas.", evidenceTokens: [], idempotencyKey: crypto.randomUUID(), now: new Date("2026-10-15T03:00:00Z") });
    expect(answer.status).toBe("done");
    await runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 });
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("IN_PROGRESS");

    const { version } = await db.case.findUniqueOrThrow({ where: { id: waiting.id }, select: { version: true } });
    await changeCaseStatus(fixture.staff.officerA, { caseId: waiting.id, version, to: "WAITING_FOR_REPORTER" }, { now: new Date("2026-10-16T03:00:00Z") });
    // Ten working days after Friday 16 October: 19 ... 30 October.
    await runAutoClose({ now: new Date("2026-10-30T16:59:00Z"), workingDays: 10 });
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("WAITING_FOR_REPORTER");
    await runAutoClose({ now: new Date("2026-10-30T17:00:01Z"), workingDays: 10 });
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("RESOLVED");
  });

  it("closes a case once however many runs meet on it", async () => {
    const waiting = await waitingCase();
    await Promise.all([runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 }), runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 }), runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 })]);
    await runAutoClose({ now: AFTER_LAST_DAY, workingDays: 10 });
    expect(await eventsOf(waiting.id, "CASE_AUTO_CLOSED")).toHaveLength(1);
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).version).toBe(2);
  });

  it("runs as the registered job on the test clock: a waiting case passes 10 working days without sleeping", async () => {
    const waiting = await waitingCase();
    setClockOffset(AFTER_LAST_DAY.getTime() - Date.now());
    try {
      await db.$transaction((tx) => enqueueJob(tx, "auto-close", {}));
      const run = await runQueuedJobs("auto-close");
      expect(run.failed).toBe(0);
    } finally {
      setClockOffset(null);
    }
    expect((await db.case.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("RESOLVED");
  });
});

/** Closed on Monday 5 October 2026, 10:00 in Jakarta. */
const CLOSED_AT = new Date("2026-10-05T03:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const afterClosing = (days: number, extraMs = 0) => new Date(CLOSED_AT.getTime() + days * DAY_MS + extraMs);
const MESSAGE = "Setelah melapor, petugas loket menolak melayani perpanjangan paspor saya dan mengancam saya.";

async function closedCase(officeId = fixture.offices.a.id) {
  return createFixtureCase(fixture, {
    officeId,
    receivedAt: new Date("2026-09-28T03:00:00Z"),
    status: "RESOLVED",
    verifiedAt: new Date("2026-09-29T03:00:00Z"),
    resolutionDueAt: new Date("2026-10-06T16:59:59.999Z"),
    closedAt: CLOSED_AT,
    resolutionWorkingDays: 5,
    assigneeId: fixture.staff.officerA.id,
  });
}

describe("the retaliation check", () => {
  it("asks 30 days after closing, not before, once however often it runs", async () => {
    const closed = await closedCase();
    await runRetaliationChecks({ now: afterClosing(30, -60_000) });
    expect(await findOpenRetaliationCheck(db, closed.id)).toBeNull();

    await Promise.all([runRetaliationChecks({ now: afterClosing(30, 60_000) }), runRetaliationChecks({ now: afterClosing(30, 60_000) })]);
    await runRetaliationChecks({ now: afterClosing(31) });
    expect(await findOpenRetaliationCheck(db, closed.id)).toMatchObject({ round: 30 });
    const due = await eventsOf(closed.id, "RETALIATION_CHECK_DUE");
    expect(due).toEqual([expect.objectContaining({ isPublic: true, actorKind: "SYSTEM", after: { round: 30 } })]);
  });

  it("keeps an unanswered question open until the 90-day round replaces it", async () => {
    const closed = await closedCase();
    await runRetaliationChecks({ now: afterClosing(30, 60_000) });
    await runRetaliationChecks({ now: afterClosing(89) });
    expect(await findOpenRetaliationCheck(db, closed.id)).toMatchObject({ round: 30 });
    await runRetaliationChecks({ now: afterClosing(90, 60_000) });
    expect(await findOpenRetaliationCheck(db, closed.id)).toMatchObject({ round: 90 });
    expect(await answerRetaliationCheck({ caseId: closed.id, round: 30, answer: "NO", now: afterClosing(91) })).toEqual({ status: "rejected", error: "noOpenCheck" });
  });

  it("records a no, and asks no more in that round", async () => {
    const closed = await closedCase();
    await runRetaliationChecks({ now: afterClosing(30, 60_000) });
    expect(await answerRetaliationCheck({ caseId: closed.id, round: 30, answer: "NO", now: afterClosing(31) })).toEqual({ status: "recordedNo" });
    expect(await findOpenRetaliationCheck(db, closed.id)).toBeNull();
    expect(await db.retaliationCheck.findUniqueOrThrow({ where: { caseId_round: { caseId: closed.id, round: 30 } } })).toMatchObject({ answer: "NO" });
    expect(await eventsOf(closed.id, "RETALIATION_CHECK_ANSWERED")).toEqual([expect.objectContaining({ isPublic: true, after: { round: 30, answer: "NO" } })]);
  });
});

describe("a retaliation report", () => {
  const filters = (values: Record<string, string> = {}) => parseQueueFilters(values);
  const PERIOD: StatisticsFilters = { period: { preset: "custom", from: "2026-10-01", to: "2026-12-31" } };
  let original: { id: string; trackingCode: string };
  let reported: { trackingCode: string; secretKey: string | null };
  let retaliationCaseId: string;
  let officeACountsBefore: Record<string, number> | null;

  beforeAll(async () => {
    original = await closedCase();
    officeACountsBefore = (await findQueueCases(fixture.staff.officerA, filters())).statusCounts;
    await runRetaliationChecks({ now: afterClosing(30, 60_000) });
    const result = await answerRetaliationCheck({ caseId: original.id, round: 30, answer: "YES", message: MESSAGE, now: afterClosing(31) });
    if (result.status !== "reported") throw new Error(`not reported: ${JSON.stringify(result)}`);
    reported = result;
    retaliationCaseId = (await db.case.findUniqueOrThrow({ where: { trackingCode: result.trackingCode }, select: { id: true } })).id;
  });

  it("is a new RETALIATION case at the oversight desk of the original office's region, linked, with the message carried over", async () => {
    const created = await db.case.findUniqueOrThrow({ where: { id: retaliationCaseId }, include: { office: true, linksTo: true } });
    expect(created).toMatchObject({ kind: "RETALIATION", status: "NEW", description: MESSAGE, retaliationOfCaseId: original.id, retaliationRound: 30, reporterMode: "ANONYMOUS" });
    expect(created.office).toMatchObject({ regionalOfficeId: fixture.region1.id, isOversightDesk: true, isActive: false });
    expect(created.linksTo).toEqual([expect.objectContaining({ fromCaseId: original.id, kind: "RELATED", createdById: null })]);
    expect(await eventsOf(original.id, "RETALIATION_REPORTED")).toEqual([expect.objectContaining({ isPublic: true, after: { round: 30, retaliationCaseId } })]);
  });

  it("keeps the oversight desk off /lapor: an admin cannot reopen it", async () => {
    const desk = await db.office.findFirstOrThrow({ where: { regionalOfficeId: fixture.region1.id, isOversightDesk: true }, select: { id: true, version: true } });
    await expect(reopenOffice(fixture.staff.admin, { officeId: desk.id, version: desk.version })).rejects.toEqual(new AdminRuleError("oversightDeskStaysClosed"));
    expect((await db.office.findUniqueOrThrow({ where: { id: desk.id } })).isActive).toBe(false);
  });

  it("gives the reporter a receipt that opens the new case", async () => {
    expect(reported.secretKey).toEqual(expect.any(String));
    const check = await verifyReceipt({ trackingCode: reported.trackingCode, secretKey: reported.secretKey!, clientAddress: "198.18.200.1" });
    expect(check).toEqual({ status: "verified", caseId: retaliationCaseId });
  });

  it("files one case when the same yes is sent twice", async () => {
    const again = await answerRetaliationCheck({ caseId: original.id, round: 30, answer: "YES", message: MESSAGE, now: afterClosing(31) });
    expect(again).toEqual({ status: "reported", trackingCode: reported.trackingCode, secretKey: null });
    expect(await db.case.count({ where: { retaliationOfCaseId: original.id } })).toBe(1);
  });

  it.each(["supervisorRegion1", "supervisorNational", "admin"] as const)("is seen by %s: case page, queue, search, link and timeline of the original", async (name) => {
    const actor: StaffActor = fixture.staff[name];
    await expect(getCaseDetail(actor, retaliationCaseId)).resolves.toMatchObject({ kind: "RETALIATION" });
    const queue = await findQueueCases(actor, filters({ kind: "RETALIATION", q: reported.trackingCode }));
    expect(queue.cases.map((row) => row.id)).toContain(retaliationCaseId);
    const originalDetail = await getCaseDetail(actor, original.id);
    expect(originalDetail.links.map((link) => link.case.id)).toContain(retaliationCaseId);
    expect(originalDetail.events.map((event) => event.action)).toEqual(expect.arrayContaining(["RETALIATION_CHECK_DUE", "RETALIATION_REPORTED"]));
  });

  it.each(["officerA", "colleagueA", "supervisorOfficeA", "officerB", "supervisorRegion2"] as const)("is invisible to %s in every read path", async (name) => {
    const actor: StaffActor = fixture.staff[name];
    await expect(getCaseDetail(actor, retaliationCaseId)).rejects.toBeInstanceOf(CaseNotFoundError);
    for (const values of [{}, { kind: "RETALIATION" }, { q: reported.trackingCode }, { q: "mengancam" }, { status: "all" }] as Record<string, string>[]) {
      const page = await findQueueCases(actor, filters(values));
      expect(page.cases.map((row) => row.id)).not.toContain(retaliationCaseId);
    }
    if (name === "officerA" || name === "colleagueA" || name === "supervisorOfficeA") {
      expect((await findQueueCases(actor, filters())).statusCounts).toEqual(officeACountsBefore);
      const originalDetail = await getCaseDetail(actor, original.id);
      expect(originalDetail.links).toEqual([]);
      // Nor the question and its answer: an unanswered question beside answered ones would tell.
      expect(originalDetail.events.map((event) => event.action)).not.toEqual(expect.arrayContaining(["RETALIATION_CHECK_DUE"]));
      for (const hidden of ["RETALIATION_REPORTED", "RETALIATION_CHECK_DUE", "RETALIATION_CHECK_ANSWERED"]) expect(originalDetail.events.map((event) => event.action)).not.toContain(hidden);
    }
    if (actor.role === "SUPERVISOR") {
      expect(await countExportCases(actor, { ...PERIOD, kind: "RETALIATION" })).toBe(0);
      const statistics = await getStatistics(actor, { ...PERIOD, kind: "RETALIATION" }, { now: afterClosing(32) });
      expect(statistics.volume.received).toBe(0);
      expect(await getRetaliationStatistics(actor, PERIOD)).toEqual({ total: 0, byOffice: [] });
    }
  });

  it("counts in the statistics, exports and retaliation figure of the supervisors above the office, by the original office", async () => {
    const actor = fixture.staff.supervisorRegion1;
    expect(await countExportCases(actor, { ...PERIOD, kind: "RETALIATION" })).toBeGreaterThanOrEqual(1);
    const statistics = await getStatistics(actor, { ...PERIOD, kind: "RETALIATION" }, { now: afterClosing(32) });
    expect(statistics.volume.received).toBeGreaterThanOrEqual(1);
    const retaliation = await getRetaliationStatistics(actor, { ...PERIOD, office: fixture.offices.a.code });
    expect(retaliation.byOffice).toEqual([{ code: fixture.offices.a.code, name: fixture.offices.a.name, count: 1 }]);
  });

  it("asks no retaliation question about a retaliation report itself", async () => {
    await db.case.update({ where: { id: retaliationCaseId }, data: { status: "RESOLVED", closedAt: CLOSED_AT } });
    await runRetaliationChecks({ now: afterClosing(30, 60_000) });
    expect(await findOpenRetaliationCheck(db, retaliationCaseId)).toBeNull();
  });
});
