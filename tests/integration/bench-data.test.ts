import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SEAL_ACTION } from "@/lib/audit/seal";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { StaffActor } from "@/lib/auth/session";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { escalateOverdueCases } from "@/lib/cases/escalation";
import { findQueueCases } from "@/lib/cases/queue";
import { queueFiltersSchema } from "@/lib/cases/queue-filters";
import { isClosedStatus } from "@/lib/cases/workflow";
import { disconnectDatabases } from "@/lib/db";
import { computeResolutionDueAt, computeVerificationDueAt, isOverdue, workingDaysToClose } from "@/lib/deadlines/case-clock";
import { loadHolidayKeysForOffice, loadNationalHolidayKeys } from "@/lib/deadlines/holidays";
import { countWorkingDaysBetween } from "@/lib/deadlines/working-days";
import { normalizeTrackingCode } from "@/lib/reports/receipt";
import { parseStatisticsFilters } from "@/lib/statistics/filters";
import { getStatistics } from "@/lib/statistics/queries";
import { seedDemoStaff } from "@/prisma/seed/demo-staff";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { generateBenchCases } from "@/scripts/bench/data";

import { connectTestDatabase } from "./support/database";

/**
 * The bench's generated cases (scripts/bench/data.ts) hold to the app's own rules, so what the
 * bench measures at a million cases is what the app would have written: the deadline functions
 * give the stored due dates, the escalation sweep finds nothing left to escalate, the queue, the
 * case page and the statistics read them, the tracking codes are valid and unique, and the audit
 * trail verifies.
 */

const CASES = 5_000;
const NOW = new Date();
const db = connectTestDatabase();
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

type CaseRow = Awaited<ReturnType<typeof loadCases>>[number];

function loadCases() {
  return db.case.findMany({
    select: {
      id: true, officeId: true, status: true, deadlineTier: true, receivedAt: true, verificationDueAt: true, verifiedAt: true, resolutionDueAt: true,
      clockPausedAt: true, pausedWorkingDays: true, closedAt: true, verificationWorkingDays: true, resolutionWorkingDays: true, isEscalated: true,
      kind: true, amountDemandedRupiah: true, officialFeeRupiah: true, feeDifferenceRupiah: true, paymentMethod: true, trackingCode: true, description: true,
    },
  });
}

function loadActor(email: string): Promise<StaffActor> {
  return db.staffUser.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true } });
}

let cases: CaseRow[] = [];

beforeAll(async () => {
  await seedReferenceData(db);
  await seedDemoStaff(db, "not-a-real-hash");
  await client.connect();
  await generateBenchCases(client, { caseCount: CASES, now: NOW });
  await client.query(`ANALYZE "Case"`);
  cases = await loadCases();
});

afterAll(async () => {
  await client.end();
  await db.$disconnect();
  await disconnectDatabases();
});

describe("bench data", () => {
  it("generates the number of cases asked for, with every status and both kinds", () => {
    expect(cases).toHaveLength(CASES);
    expect(new Set(cases.map((row) => row.status)).size).toBe(7);
    expect(new Set(cases.map((row) => row.kind))).toEqual(new Set(["COMPLAINT", "PUNGLI"]));
  });

  it("stores the due dates and working-day figures the app's deadline functions compute", async () => {
    const holidaysByOffice = new Map<number, Awaited<ReturnType<typeof loadHolidayKeysForOffice>>>();
    for (const row of cases) {
      if (!holidaysByOffice.has(row.officeId)) holidaysByOffice.set(row.officeId, await loadHolidayKeysForOffice(db, row.officeId));
      const holidays = holidaysByOffice.get(row.officeId)!;
      expect(row.verificationDueAt).toEqual(computeVerificationDueAt(row.receivedAt, holidays));
      if (row.verifiedAt) expect(row.resolutionDueAt).toEqual(computeResolutionDueAt(row.verifiedAt, row.deadlineTier, row.pausedWorkingDays, holidays));
      else expect(row.resolutionDueAt).toBeNull();
      const firstDecision = row.verifiedAt ?? row.closedAt;
      expect(row.verificationWorkingDays).toBe(firstDecision ? countWorkingDaysBetween(row.receivedAt, firstDecision, holidays) : null);
      expect(row.resolutionWorkingDays).toBe(row.closedAt ? workingDaysToClose(row.receivedAt, row.closedAt, row.pausedWorkingDays, holidays) : null);
    }
  });

  it("closes exactly the closed statuses, pauses exactly the waiting ones, and nothing happens after now", () => {
    for (const row of cases) {
      expect(row.closedAt !== null).toBe(isClosedStatus(row.status));
      expect(row.clockPausedAt !== null).toBe(row.status === "WAITING_FOR_REPORTER");
      for (const moment of [row.receivedAt, row.verifiedAt, row.closedAt, row.clockPausedAt]) if (moment) expect(moment.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (row.verifiedAt) expect(row.verifiedAt.getTime()).toBeGreaterThanOrEqual(row.receivedAt.getTime());
      if (row.closedAt) expect(row.closedAt.getTime()).toBeGreaterThanOrEqual(row.receivedAt.getTime());
    }
  });

  it("marks escalated exactly the overdue cases, so the escalation sweep finds none left", async () => {
    const holidays = await loadNationalHolidayKeys();
    for (const row of cases) expect(row.isEscalated).toBe(isOverdue(row, NOW, holidays));
    expect(cases.some((row) => row.isEscalated)).toBe(true);
    expect(await escalateOverdueCases(NOW)).toEqual({ status: "done", escalated: 0 });
  });

  it("gives pungli cases their fee details and complaints none", () => {
    for (const row of cases) {
      if (row.kind === "COMPLAINT") expect([row.amountDemandedRupiah, row.paymentMethod, row.officialFeeRupiah]).toEqual([null, null, null]);
      else expect(row.paymentMethod).not.toBeNull();
      const expected = row.amountDemandedRupiah != null && row.officialFeeRupiah != null ? row.amountDemandedRupiah - row.officialFeeRupiah : null;
      expect(row.feeDifferenceRupiah).toBe(expected);
    }
  });

  it("gives every case a valid tracking code of its own", () => {
    for (const row of cases) expect(normalizeTrackingCode(row.trackingCode)).toBe(row.trackingCode);
    expect(new Set(cases.map((row) => row.trackingCode)).size).toBe(CASES);
  });

  it("varies the descriptions, with the common word in about 60 % of them", () => {
    const share = cases.filter((row) => row.description.toLowerCase().includes("paspor")).length / CASES;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    expect(new Set(cases.map((row) => row.description)).size).toBeGreaterThan(CASES / 2);
  });

  it("lays the cases out in the order they were received", async () => {
    const { rows } = await client.query<{ correlation: number }>(`SELECT correlation FROM pg_stats WHERE tablename = 'Case' AND attname = 'receivedAt'`);
    expect(rows[0]!.correlation).toBeGreaterThan(0.99);
  });

  it("has messages, ratings and audit events, and the audit trail verifies", async () => {
    const [messages, ratings, events] = await Promise.all([db.caseMessage.count(), db.satisfactionRating.count(), db.caseEvent.count()]);
    expect(messages).toBeGreaterThan(0);
    expect(ratings).toBeGreaterThan(0);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true, checked: events });
    expect(events).toBeGreaterThan(0);
    // Sealed as the app seals (a seal per batch, every later event witnessing the seal before it), and it would catch a deleted tail.
    const seals = await db.caseEvent.count({ where: { action: SEAL_ACTION } });
    expect(verdict).toMatchObject({ sealsChecked: seals });
    expect(seals).toBeGreaterThan(0);
    expect(await db.caseEvent.count({ where: { witnessId: null, id: { gt: (await db.caseEvent.findFirstOrThrow({ where: { action: SEAL_ACTION }, orderBy: { id: "asc" } })).id } } })).toBe(0);
    const { rows: tail } = await client.query<{ id: string; row: string }>(
      `SELECT id::text AS id, row_to_json(e)::text AS row FROM "CaseEvent" e
       WHERE id = (SELECT max(id) FROM (SELECT DISTINCT ON ("caseId") id FROM "CaseEvent" WHERE "caseId" IS NOT NULL ORDER BY "caseId", id DESC) AS tails
                   WHERE id <= (SELECT max((after->>'through')::bigint) FROM "CaseEvent" WHERE action = $1))`,
      [SEAL_ACTION],
    );
    await client.query(`DELETE FROM "CaseEvent" WHERE id = $1`, [tail[0]!.id]);
    try {
      // The newest event of a case's chain: only the seal after it can tell it is gone.
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: "sealMismatch" });
    } finally {
      await client.query(`INSERT INTO "CaseEvent" SELECT * FROM json_populate_record(NULL::"CaseEvent", $1::json)`, [tail[0]!.row]);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("loads in the queue, on the case page and in the statistics", async () => {
    const supervisor = await loadActor("supervisor.nasional@demo.lapor-imigrasi.id");
    const officer = await loadActor("petugas.bekasi@demo.lapor-imigrasi.id");
    const page = await findQueueCases(supervisor, queueFiltersSchema.parse({ status: "all", sort: "newest" }), { now: NOW });
    expect(page.cases.length).toBeGreaterThan(0);
    const search = await findQueueCases(supervisor, queueFiltersSchema.parse({ status: "all", sort: "newest", q: "paspor" }), { now: NOW });
    expect(search.cases.length).toBeGreaterThan(0);
    const officerQueue = await findQueueCases(officer, queueFiltersSchema.parse({}), { now: NOW });
    expect(officerQueue.cases.every((row) => row.id !== undefined)).toBe(true);
    const sample = cases.filter((_, index) => index % 97 === 0);
    for (const row of sample) expect((await getCaseDetail(supervisor, row.id, { now: NOW })).id).toBe(row.id);
    const parsed = parseStatisticsFilters({ period: "year" }, NOW);
    if (!parsed.ok) throw new Error("the year period did not resolve");
    const report = await getStatistics(supervisor, parsed.filters, { now: NOW });
    expect(report.volume.received).toBeGreaterThan(0);
  });
});
