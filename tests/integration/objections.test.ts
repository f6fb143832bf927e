import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { assignCase } from "@/lib/cases/assignment";
import { changeCaseStatus } from "@/lib/cases/status";
import { objectToDecision, type ObjectionState } from "@/lib/objections/actions";
import { fileObjection } from "@/lib/objections/file-objection";
import { getObjectionStatistics } from "@/lib/objections/statistics";
import { findTrackedObjection } from "@/lib/objections/tracked-objection";
import { fileReport } from "@/lib/reports/file-report";
import { openTrackedCase } from "@/lib/reports/tracking-actions";
import { getStatistics, getStatisticsFromCaseRows } from "@/lib/statistics/queries";
import type { StatisticsFilters } from "@/lib/statistics/types";

import type { createNextRequestStandIn } from "../fixtures/next-request";
import { ensureReportReferenceData, pungliForm } from "../fixtures/reports";
import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";

/**
 * The reporter's objection to a decision (lib/objections): the window in working days of the
 * office's calendar, what the objection does to the case, idempotency, and that only the tracking
 * session of a case can object to it.
 */

const nextRequest = vi.hoisted(() => ({ standIn: undefined as unknown as ReturnType<typeof createNextRequestStandIn> }));
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn: create } = await import("../fixtures/next-request");
  nextRequest.standIn = create();
  return nextRequest.standIn.headersModule;
});
vi.mock("next/server", () => ({ after: vi.fn() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const db = connectTestDatabase();
let fixture: ScopeFixture;

/** Monday 24 August 2026, 10:00 in Jakarta; Tuesday 25 August is a national holiday (data/indonesia-holidays.csv). */
const DECIDED_AT = new Date("2026-08-24T03:00:00Z");
/**
 * Ten working days after the day of the decision, skipping the Tuesday holiday: Wed 26 Aug ... Tue
 * 8 Sep. The window ends with that day in Jakarta (16:59:59.999 UTC). Without the holiday it would
 * end a day earlier, on Monday 7 September.
 */
const LAST_DAY_LATE_EVENING = new Date("2026-09-08T16:00:00Z");
const DAY_AFTER_WINDOW = new Date("2026-09-08T17:00:01Z");
const REASON = "Uang yang diminta petugas belum dikembalikan, padahal laporan dinyatakan selesai.";

beforeAll(async () => {
  await ensureReportReferenceData(db);
  fixture = await createScopeFixture("objection");
});

afterAll(async () => {
  await db.$disconnect();
});

let clientNumber = 0;
beforeEach(() => {
  clientNumber += 1;
  nextRequest.standIn.useClientAddress(`198.18.${Math.floor(clientNumber / 250)}.${clientNumber % 250}`);
  nextRequest.standIn.cookieJar.clear();
});

async function resolvedCase(options: { status?: "RESOLVED" | "REJECTED" | "FORWARDED" | "IN_PROGRESS"; verifiedAt?: Date | null; officeId?: number } = {}) {
  const status = options.status ?? "RESOLVED";
  const isClosed = status !== "IN_PROGRESS";
  return createFixtureCase(fixture, {
    officeId: options.officeId ?? fixture.offices.a.id,
    receivedAt: new Date("2026-08-17T03:00:00Z"),
    status,
    verifiedAt: options.verifiedAt === undefined ? new Date("2026-08-18T03:00:00Z") : options.verifiedAt,
    resolutionDueAt: new Date("2026-08-26T16:59:59.999Z"),
    closedAt: isClosed ? DECIDED_AT : null,
    resolutionWorkingDays: isClosed ? 4 : null,
    assigneeId: fixture.staff.officerA.id,
    ...(status === "REJECTED" ? { rejectionReason: "Bukan wewenang kantor" } : {}),
  });
}

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

async function objectionEvents(caseId: string) {
  return db.caseEvent.findMany({ where: { caseId, action: "OBJECTED" }, select: { actorKind: true, isPublic: true, before: true, after: true } });
}

describe("the objection window", () => {
  it("is open through the last of its working days, counting the office's holidays", async () => {
    const { id } = await resolvedCase();
    const result = await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: LAST_DAY_LATE_EVENING, windowWorkingDays: 10 });
    expect(result).toMatchObject({ status: "filed" });
  });

  it("is closed the day after, and a refused objection writes nothing", async () => {
    const { id } = await resolvedCase();
    expect(await findTrackedObjection(id, { now: DAY_AFTER_WINDOW, windowWorkingDays: 10 })).toMatchObject({
      window: { status: "closed", closedAt: new Date("2026-09-08T16:59:59.999Z") },
    });

    const result = await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: DAY_AFTER_WINDOW, windowWorkingDays: 10 });

    expect(result).toEqual({ status: "rejected", error: "objectionWindowClosed" });
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { status: true, closedAt: true } })).toEqual({ status: "RESOLVED", closedAt: DECIDED_AT });
    expect(await db.caseObjection.count({ where: { caseId: id } })).toBe(0);
    expect(await objectionEvents(id)).toEqual([]);
  });

  it("follows the configured number of working days", async () => {
    const { id } = await resolvedCase();
    // Two working days: Wed 26 and Thu 27 August (the Tuesday is a holiday).
    expect(await findTrackedObjection(id, { now: new Date("2026-08-27T10:00:00Z"), windowWorkingDays: 2 })).toMatchObject({
      window: { status: "open", closesAt: new Date("2026-08-27T16:59:59.999Z"), workingDaysLeft: 0 },
    });
    expect(await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date("2026-08-27T17:00:00Z"), windowWorkingDays: 2 })).toEqual({
      status: "rejected",
      error: "objectionWindowClosed",
    });
  });

  it("does not apply to an open or a forwarded case", async () => {
    for (const status of ["IN_PROGRESS", "FORWARDED"] as const) {
      const { id } = await resolvedCase({ status });
      expect(await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: LAST_DAY_LATE_EVENING, windowWorkingDays: 10 })).toEqual({
        status: "rejected",
        error: "objectionNotAvailable",
      });
    }
  });
});

describe("filing an objection", () => {
  it("reopens the case without its officer, escalated, with a review deadline, in one audited step", async () => {
    const { id } = await resolvedCase();
    const objectedAt = new Date("2026-08-31T02:00:00Z");

    const result = await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: objectedAt, windowWorkingDays: 10 });

    // 14 working days after Monday 31 August: Tue 1 Sep ... Fri 18 Sep.
    const reviewDueAt = new Date("2026-09-18T16:59:59.999Z");
    expect(result).toMatchObject({ status: "filed", reviewDueAt });
    expect(
      await db.case.findUniqueOrThrow({
        where: { id },
        select: { status: true, closedAt: true, resolutionWorkingDays: true, assigneeId: true, isEscalated: true, escalatedAt: true, resolutionDueAt: true, verifiedAt: true },
      }),
    ).toEqual({
      status: "IN_PROGRESS",
      closedAt: null,
      resolutionWorkingDays: null,
      assigneeId: null,
      isEscalated: true,
      escalatedAt: objectedAt,
      resolutionDueAt: reviewDueAt,
      verifiedAt: new Date("2026-08-18T03:00:00Z"),
    });
    expect(await db.caseObjection.findUniqueOrThrow({ where: { caseId: id }, select: { reason: true, decidedStatus: true, decidedAt: true } })).toEqual({
      reason: REASON,
      decidedStatus: "RESOLVED",
      decidedAt: DECIDED_AT,
    });
    const [event, ...others] = await objectionEvents(id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ actorKind: "REPORTER", isPublic: true, before: { status: "RESOLVED", assigneeId: fixture.staff.officerA.id }, after: { status: "IN_PROGRESS", isEscalated: true } });
    // The reason is the reporter's text: it stays in its row, not in the append-only trail.
    expect(JSON.stringify(event)).not.toContain(REASON);
  });

  it("keeps the first decision's instant for a case rejected straight from NEW, so its verification figures stay", async () => {
    const { id } = await resolvedCase({ status: "REJECTED", verifiedAt: null });
    await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date("2026-08-26T02:00:00Z"), windowWorkingDays: 10 });
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { status: true, verifiedAt: true } })).toEqual({ status: "IN_PROGRESS", verifiedAt: DECIDED_AT });
  });

  it("makes one objection of the same form sent twice, even at the same moment", async () => {
    const { id } = await resolvedCase();
    const submissionId = randomUUID();
    const now = new Date("2026-08-26T02:00:00Z");

    const [first, second] = await Promise.all([
      fileObjection({ caseId: id, reason: REASON, submissionId, now, windowWorkingDays: 10 }),
      fileObjection({ caseId: id, reason: REASON, submissionId, now, windowWorkingDays: 10 }),
    ]);
    const again = await fileObjection({ caseId: id, reason: REASON, submissionId, now: new Date("2026-08-26T03:00:00Z"), windowWorkingDays: 10 });

    expect(first).toMatchObject({ status: "filed" });
    expect(second).toEqual(first);
    expect(again).toEqual(first);
    expect(await db.caseObjection.count({ where: { caseId: id } })).toBe(1);
    expect(await objectionEvents(id)).toHaveLength(1);
  });

  it("allows one objection per case: a second, different one is refused", async () => {
    const { id } = await resolvedCase();
    await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date("2026-08-26T02:00:00Z"), windowWorkingDays: 10 });
    // The office decides again; the reporter tries to object once more.
    await db.case.update({ where: { id }, data: { status: "RESOLVED", closedAt: new Date("2026-08-28T03:00:00Z") } });

    expect(await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date("2026-08-31T02:00:00Z"), windowWorkingDays: 10 })).toEqual({
      status: "rejected",
      error: "alreadyObjected",
    });
    expect(await findTrackedObjection(id, { now: new Date("2026-08-31T02:00:00Z") })).toMatchObject({ window: { status: "alreadyObjected" } });
  });
});

describe("the review of an objection", () => {
  it("is not decided by, nor assigned to, the officer whose decision was objected to", async () => {
    const { id } = await resolvedCase({ status: "IN_PROGRESS" });
    const officer = fixture.staff.officerA;
    const version = async () => (await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    await changeCaseStatus(officer, { caseId: id, version: await version(), to: "RESOLVED", replyToReporter: "Uang sudah dikembalikan." });
    const decidedAt = (await db.case.findUniqueOrThrow({ where: { id }, select: { closedAt: true } })).closedAt!;
    expect(await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date(decidedAt.getTime() + 60_000) })).toMatchObject({ status: "filed" });
    expect(await db.caseObjection.findUniqueOrThrow({ where: { caseId: id }, select: { decidedById: true } })).toEqual({ decidedById: officer.id });

    await expect(changeCaseStatus(officer, { caseId: id, version: await version(), to: "RESOLVED" })).rejects.toMatchObject({ code: "objectionReviewByAnother" });
    await expect(assignCase(officer, { caseId: id, version: await version(), assigneeId: officer.id })).rejects.toMatchObject({ code: "objectionReviewByAnother" });
    await expect(assignCase(fixture.staff.supervisorOfficeA, { caseId: id, version: await version(), assigneeId: officer.id })).rejects.toMatchObject({
      code: "objectionReviewByAnother",
    });
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { status: true, assigneeId: true } })).toEqual({ status: "IN_PROGRESS", assigneeId: null });

    // A colleague takes the review and decides it.
    const colleague = fixture.staff.colleagueA;
    await assignCase(colleague, { caseId: id, version: await version(), assigneeId: colleague.id });
    await changeCaseStatus(colleague, { caseId: id, version: await version(), to: "RESOLVED", replyToReporter: "Sudah ditinjau ulang." });
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "RESOLVED" });
  });
});

describe("objections in the statistics", () => {
  const filters: StatisticsFilters = { period: { preset: "custom", from: "2026-08-01", to: "2026-08-31" } };

  it("are counted per office within each supervisor's scope, and the rollups still equal the case rows", async () => {
    const region2Fixture = await createScopeFixture("objection-stats");
    const inA = await createFixtureCase(region2Fixture, { officeId: region2Fixture.offices.a.id, receivedAt: new Date("2026-08-17T03:00:00Z"), status: "RESOLVED", verifiedAt: new Date("2026-08-18T03:00:00Z"), closedAt: DECIDED_AT, resolutionWorkingDays: 4 });
    const inC = await createFixtureCase(region2Fixture, { officeId: region2Fixture.offices.c.id, receivedAt: new Date("2026-08-17T03:00:00Z"), status: "REJECTED", verifiedAt: null, closedAt: DECIDED_AT, rejectionReason: "Tidak lengkap" });
    for (const { id } of [inA, inC]) await fileObjection({ caseId: id, reason: REASON, submissionId: randomUUID(), now: new Date("2026-08-26T02:00:00Z"), windowWorkingDays: 10 });

    expect(await getObjectionStatistics(region2Fixture.staff.supervisorRegion1, filters)).toEqual({
      total: 1,
      byOffice: [{ code: region2Fixture.offices.a.code, name: region2Fixture.offices.a.name, count: 1 }],
    });
    expect(await getObjectionStatistics(region2Fixture.staff.supervisorRegion2, filters)).toMatchObject({ total: 1, byOffice: [{ code: region2Fixture.offices.c.code }] });
    expect(await getObjectionStatistics(region2Fixture.staff.supervisorOfficeA, { ...filters, period: { preset: "custom", from: "2026-09-01", to: "2026-09-30" } })).toEqual({ total: 0, byOffice: [] });
    await expect(getObjectionStatistics(region2Fixture.staff.officerA, filters)).rejects.toThrow();

    const actor = region2Fixture.staff.supervisorRegion1;
    const at = new Date("2026-09-01T02:00:00Z");
    expect(await getStatistics(actor, filters, { now: at, minimumCases: 1 })).toEqual(await getStatisticsFromCaseRows(actor, filters, { now: at, minimumCases: 1 }));
  });
});

describe("the objection form's Server Action", () => {
  async function fileAndOpen() {
    const result = await fileReport({ form: pungliForm({ description: `Laporan keberatan ${randomUUID()} untuk diuji.` }, new Date()), evidenceTokens: [], locale: "id" });
    if (result.status !== "filed") throw new Error(JSON.stringify(result));
    const { id } = await db.case.findUniqueOrThrow({ where: { trackingCode: result.receipt.trackingCode }, select: { id: true } });
    await db.case.update({ where: { id }, data: { status: "RESOLVED", verifiedAt: new Date(), closedAt: new Date(), resolutionWorkingDays: 0 } });
    return { id, receipt: result.receipt };
  }

  const idle: ObjectionState = { status: "idle" };

  it("refuses without a tracking session and writes nothing", async () => {
    const { id } = await fileAndOpen();
    nextRequest.standIn.cookieJar.clear();
    expect(await objectToDecision(idle, form({ reason: REASON, idempotencyKey: randomUUID(), caseId: id }))).toMatchObject({ formErrors: ["trackingSessionExpired"] });
    expect(await db.caseObjection.count({ where: { caseId: id } })).toBe(0);
  });

  it("acts only on the case of the session, whatever the form names", async () => {
    const other = await fileAndOpen();
    const mine = await fileAndOpen();
    expect(await openTrackedCase({ status: "idle" }, form({ trackingCode: mine.receipt.trackingCode, secretKey: mine.receipt.secretKey }))).toEqual({ status: "opened" });

    expect(await objectToDecision(idle, form({ reason: REASON, idempotencyKey: randomUUID(), caseId: other.id, trackingCode: other.receipt.trackingCode }))).toEqual({ status: "filed" });

    expect(await db.caseObjection.count({ where: { caseId: mine.id } })).toBe(1);
    expect(await db.caseObjection.count({ where: { caseId: other.id } })).toBe(0);
    expect(await db.case.findUniqueOrThrow({ where: { id: other.id }, select: { status: true } })).toEqual({ status: "RESOLVED" });
  });

  it("says what is wrong with the reason and gives the text back", async () => {
    const mine = await fileAndOpen();
    await openTrackedCase({ status: "idle" }, form({ trackingCode: mine.receipt.trackingCode, secretKey: mine.receipt.secretKey }));
    const key = randomUUID();

    expect(await objectToDecision(idle, form({ reason: "  Tidak puas.  ", idempotencyKey: key }))).toEqual({
      status: "invalid",
      fieldErrors: { reason: ["tooShort"] },
      formErrors: [],
      values: { reason: "  Tidak puas.  ", idempotencyKey: key },
    });
    expect(await objectToDecision(idle, form({ reason: "", idempotencyKey: key }))).toMatchObject({ fieldErrors: { reason: ["required"] } });
    expect(await objectToDecision(idle, form({ reason: REASON }))).toMatchObject({ fieldErrors: {}, formErrors: ["formOutdated"] });
    expect(await db.caseObjection.count({ where: { caseId: mine.id } })).toBe(0);
  });
});

describe("opening a case with a malformed key", () => {
  it("says what shape a key has, and accepts the key typed with spaces or other dashes", async () => {
    const result = await fileReport({ form: pungliForm({ description: `Laporan kunci ${randomUUID()} untuk diuji.` }, new Date()), evidenceTokens: [], locale: "id" });
    if (result.status !== "filed") throw new Error(JSON.stringify(result));
    const { trackingCode, secretKey } = result.receipt;

    for (const malformed of [secretKey.slice(0, -1), secretKey.replace(/^\d/, "A"), `${secretKey}1`]) {
      expect(await openTrackedCase({ status: "idle" }, form({ trackingCode, secretKey: malformed }))).toEqual({
        status: "invalid",
        fieldErrors: { secretKey: ["secretKeyMalformed"] },
        formErrors: [],
        values: { trackingCode },
      });
    }
    expect(await openTrackedCase({ status: "idle" }, form({ trackingCode: "LI-12", secretKey }))).toMatchObject({ fieldErrors: { trackingCode: ["trackingCodeMalformed"] } });
    expect(await openTrackedCase({ status: "idle" }, form({ trackingCode, secretKey: ` ${secretKey.replace(/-/g, " – ")} ` }))).toEqual({ status: "opened" });
  });
});
