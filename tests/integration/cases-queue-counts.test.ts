import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { assignCase } from "@/lib/cases/assignment";
import { escalateCase, escalateOverdueCases } from "@/lib/cases/escalation";
import { findQueueCases, getQueueFilterOptions } from "@/lib/cases/queue";
import { QUEUE_COUNT_LIMIT, parseQueueFilters, type QueueFilters } from "@/lib/cases/queue-filters";
import { changeCaseStatus } from "@/lib/cases/status";
import { CASE_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { fileReport } from "@/lib/reports/file-report";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, STAFF_NAMES, type ScopeFixture } from "./cases-fixtures";

/**
 * The queue's counts come from CaseStatusCount, kept by triggers on "Case"
 * (prisma/raw/010_case_queue_scale.sql). These tests change cases in every way the system does
 * and check after each that the table still equals a full count of the cases, and that the
 * queue's tabs equal a count of what each kind of actor can see.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
let fixture: ScopeFixture;

const filters = (overrides: Record<string, string> = {}): QueueFilters => parseQueueFilters({ status: "all", ...overrides });

/** The rows where the counts table and a full count of "Case" disagree, read in one snapshot. */
async function countsTableDifferences() {
  return db.$queryRaw<{ officeId: number; status: CaseStatus; isEscalated: boolean; kept: number | null; actual: number | null }[]>`
    SELECT COALESCE(kept."officeId", actual."officeId") AS "officeId", COALESCE(kept."status", actual."status") AS "status",
           COALESCE(kept."isEscalated", actual."isEscalated") AS "isEscalated", kept."count" AS "kept", actual."count"::int AS "actual"
    FROM (SELECT * FROM "CaseStatusCount" WHERE "count" <> 0) kept
    FULL JOIN (SELECT "officeId", "status", "isEscalated", count(*) AS "count" FROM "Case" GROUP BY 1, 2, 3) actual
      ON actual."officeId" = kept."officeId" AND actual."status" = kept."status" AND actual."isEscalated" = kept."isEscalated"
    WHERE kept."count" IS DISTINCT FROM actual."count"`;
}

async function expectCountsTableExact(): Promise<void> {
  expect(await countsTableDifferences()).toEqual([]);
}

/** What the queue counted before the counts table: the cases the actor sees, per status. */
async function countScopeDirectly(actor: StaffActor, extra: Prisma.Sql = Prisma.sql`TRUE`): Promise<Record<CaseStatus, number>> {
  const rows = await db.$queryRaw<{ status: CaseStatus; count: number }[]>`
    SELECT c."status", count(*)::int AS "count" FROM "Case" c WHERE ${caseAccessSql(actor, "c")} AND ${extra} GROUP BY 1`;
  const counts = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

beforeAll(async () => {
  fixture = await createScopeFixture("counts");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the counts table", () => {
  it("counts a report filed through the public form", async () => {
    const result = await fileReport({
      form: {
        kind: "PUNGLI",
        officeCode: fixture.offices.a.code,
        serviceCode: fixture.service.code,
        categoryCode: fixture.category.code,
        incidentDate: toJakartaDateKey(new Date()),
        incidentPlace: "Loket 2",
        description: "Petugas meminta uang tambahan agar paspor cepat selesai, tanpa kuitansi.",
        pungli: { amountDemandedRupiah: 500_000, amountPaidRupiah: 500_000, paymentMethod: "CASH", brokerInvolved: false, receiptGiven: false, accusedDescription: "Petugas loket 2" },
        reporter: { mode: "ANONYMOUS" },
        idempotencyKey: randomUUID(),
      },
      evidenceTokens: [],
      locale: "id",
    });
    expect(result.status).toBe("filed");
    await expectCountsTableExact();
  });

  it("follows status changes, assignment and both kinds of escalation", async () => {
    const { offices, staff } = fixture;
    const now = Date.now();
    const working = await createFixtureCase(fixture, { officeId: offices.a.id });
    const late = await createFixtureCase(fixture, { officeId: offices.b.id, receivedAt: new Date(now - 20 * DAY_MS), verificationDueAt: new Date(now - DAY_MS) });
    await expectCountsTableExact();

    await assignCase(staff.supervisorOfficeA, { caseId: working.id, version: working.version, assigneeId: staff.officerA.id });
    await expectCountsTableExact();
    await changeCaseStatus(staff.officerA, { caseId: working.id, version: working.version + 1, to: "VERIFIED" });
    await expectCountsTableExact();
    await escalateCase(staff.supervisorOfficeA, { caseId: working.id, note: "Pelapor mengadu lagi lewat telepon." });
    await expectCountsTableExact();
    await changeCaseStatus(staff.officerA, { caseId: working.id, version: working.version + 2, to: "REJECTED", rejectionReason: "Bukan wewenang kantor ini." });
    await expectCountsTableExact();

    await escalateOverdueCases();
    expect((await db.case.findUniqueOrThrow({ where: { id: late.id }, select: { isEscalated: true } })).isEscalated).toBe(true);
    await expectCountsTableExact();
  });

  it("follows a case moved to another office, and a case deleted", async () => {
    const { offices } = fixture;
    const moved = await createFixtureCase(fixture, { officeId: offices.a.id, status: "IN_PROGRESS" });
    await db.case.update({ where: { id: moved.id }, data: { officeId: offices.c.id } });
    await expectCountsTableExact();
    await db.case.delete({ where: { id: moved.id } });
    await expectCountsTableExact();
  });

  it("follows bulk inserts, updates and deletes in raw SQL", async () => {
    const { offices } = fixture;
    const template = await createFixtureCase(fixture, { officeId: offices.b.id, description: "Templat salinan massal untuk uji hitungan." });
    const copies = await db.$executeRaw`
      INSERT INTO "Case" ("id", "trackingCode", "receiptSecretHash", "kind", "channel", "officeId", "serviceId", "categoryId", "description",
                          "reporterMode", "status", "isEscalated", "receivedAt", "verificationDueAt", "updatedAt")
      SELECT gen_random_uuid(), 'BULK-' || n || '-' || ${fixture.suffix}, source."receiptSecretHash", source."kind", source."channel",
             CASE WHEN n % 2 = 0 THEN ${offices.a.id}::int ELSE ${offices.b.id}::int END, source."serviceId", source."categoryId", source."description",
             source."reporterMode", (ARRAY['NEW', 'IN_PROGRESS', 'RESOLVED']::"CaseStatus"[])[1 + n % 3], n % 5 = 0,
             source."receivedAt" - make_interval(mins => n), source."verificationDueAt", source."updatedAt"
      FROM "Case" source, generate_series(1, 300) AS n WHERE source."id" = ${template.id}::uuid`;
    expect(copies).toBe(300);
    await expectCountsTableExact();

    await db.$executeRaw`UPDATE "Case" SET "status" = 'FORWARDED', "officeId" = ${offices.c.id}::int WHERE "trackingCode" LIKE ${`BULK-%-${fixture.suffix}`} AND "status" = 'NEW'`;
    await expectCountsTableExact();
    await db.$executeRaw`DELETE FROM "Case" WHERE "trackingCode" LIKE ${`BULK-1%-${fixture.suffix}`}`;
    await expectCountsTableExact();
  });

  it("is rebuilt from the cases by case_status_count_rebuild()", async () => {
    await db.$executeRaw`UPDATE "CaseStatusCount" SET "count" = "count" + 7`;
    expect((await countsTableDifferences()).length).toBeGreaterThan(0);
    await db.$executeRaw`SELECT case_status_count_rebuild()`;
    await expectCountsTableExact();
  });
});

describe("the queue's counts", () => {
  beforeAll(async () => {
    const { offices, staff } = fixture;
    const involving = await createFixtureCase(fixture, { officeId: offices.a.id, status: "IN_PROGRESS", isEscalated: true });
    await markInvolvedDirectly(involving.id, staff.involvedOfficerA.id, staff.supervisorOfficeA.id);
    await createFixtureCase(fixture, { officeId: offices.c.id, status: "WAITING_FOR_REPORTER", isEscalated: true });
  });

  it.each(STAFF_NAMES)("equal a count of the cases %s can see, involvement excluded", async (name) => {
    const actor = fixture.staff[name];
    const page = await findQueueCases(actor, filters());
    expect(page.statusCounts).toEqual(await countScopeDirectly(actor));
    const escalatedOpen = await countScopeDirectly(actor, Prisma.sql`c."isEscalated"`);
    expect(page.escalatedOpenCount).toBe(OPEN_STATUSES.reduce((sum, status) => sum + escalatedOpen[status], 0));
  });

  it("equal a count of one office's cases when a supervisor picks that office", async () => {
    const { offices, staff } = fixture;
    const page = await findQueueCases(staff.supervisorRegion1, filters({ office: offices.b.code }));
    expect(page.statusCounts).toEqual(await countScopeDirectly(staff.supervisorRegion1, Prisma.sql`c."officeId" = ${offices.b.id}`));
  });

  it("equal a count of the open escalated cases in the escalated view", async () => {
    const { staff } = fixture;
    const page = await findQueueCases(staff.supervisorNational, filters({ view: "escalated" }));
    const open = Prisma.sql`c."isEscalated" AND c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER')`;
    expect(page.statusCounts).toEqual(await countScopeDirectly(staff.supervisorNational, open));
  });

  it("are exact for a filtered view with few matches", async () => {
    const { staff } = fixture;
    const marker = `hitungan${randomUUID().slice(0, 8)}`;
    for (const status of ["NEW", "NEW", "RESOLVED"] as const) await createFixtureCase(fixture, { officeId: fixture.offices.a.id, status, description: `Kata ${marker} dalam laporan.` });
    const page = await findQueueCases(staff.officerA, filters({ q: marker }));
    expect(page.statusCounts).toMatchObject({ NEW: 2, RESOLVED: 1, IN_PROGRESS: 0 });
  });

  it("are left out, not guessed, when a filtered view matches more than the limit", async () => {
    const { offices, staff } = fixture;
    const template = await createFixtureCase(fixture, { officeId: offices.c.id, description: "Antrean kantor padat sekali hari ini." });
    await db.$executeRaw`
      INSERT INTO "Case" ("id", "trackingCode", "receiptSecretHash", "kind", "channel", "officeId", "serviceId", "categoryId", "description",
                          "reporterMode", "receivedAt", "verificationDueAt", "updatedAt")
      SELECT gen_random_uuid(), 'MANY-' || n || '-' || ${fixture.suffix}, source."receiptSecretHash", source."kind", 'PHONE', source."officeId",
             source."serviceId", source."categoryId", source."description", source."reporterMode", source."receivedAt", source."verificationDueAt", source."updatedAt"
      FROM "Case" source, generate_series(1, ${QUEUE_COUNT_LIMIT + 1}) AS n WHERE source."id" = ${template.id}::uuid`;
    const filtered = await findQueueCases(staff.officerC, filters({ channel: "PHONE" }));
    expect(filtered.statusCounts).toBeNull();
    expect(filtered.cases.length).toBeGreaterThan(0);
    // The unfiltered view still counts them all, from the table.
    const unfiltered = await findQueueCases(staff.officerC, filters());
    expect(unfiltered.statusCounts).toEqual(await countScopeDirectly(staff.officerC));
  });
});

describe("keyset pages on the queue's indexes", () => {
  let officeCaseIds: Set<string>;

  beforeAll(async () => {
    const { offices } = fixture;
    const base = new Date("2026-05-04T02:00:00Z").getTime();
    for (let index = 0; index < 30; index += 1) {
      const status = (["NEW", "VERIFIED", "IN_PROGRESS", "WAITING_FOR_REPORTER", "RESOLVED", "REJECTED"] as const)[index % 6];
      // Groups of three share instants and due dates, so the id must break ties.
      const receivedAt = new Date(base + Math.floor(index / 3) * DAY_MS);
      const verifiedAt = index % 2 === 0 ? receivedAt : null;
      await createFixtureCase(fixture, {
        officeId: offices.b.id,
        status,
        receivedAt,
        verifiedAt,
        resolutionDueAt: verifiedAt ? new Date(receivedAt.getTime() + 30 * DAY_MS) : null,
      });
    }
    officeCaseIds = new Set((await db.case.findMany({ where: { officeId: offices.b.id }, select: { id: true } })).map((row) => row.id));
  });

  async function collect(actor: StaffActor, base: QueueFilters, pageSize: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page += 1) {
      const result = await findQueueCases(actor, { ...base, cursor }, { pageSize });
      ids.push(...result.cases.map((row) => row.id));
      if (!result.nextCursor) return ids;
      cursor = result.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  const views = (["deadline", "newest", "oldest"] as const).flatMap((sort) => (["open", "all", "IN_PROGRESS"] as const).map((status) => [sort, status] as const));

  it.each(views)("list every case of an office exactly once, sorted by %s, status %s", async (sort, status) => {
    const { offices, staff } = fixture;
    const statuses: CaseStatus[] = status === "open" ? [...OPEN_STATUSES] : status === "all" ? [...CASE_STATUSES] : [status];
    const expected = await db.case.findMany({ where: { officeId: offices.b.id, status: { in: statuses } }, select: { id: true } });
    const officer = await collect(staff.officerB, filters({ sort, status }), 7);
    expect(officer).toHaveLength(expected.length);
    expect(new Set(officer)).toEqual(new Set(expected.map((row) => row.id)));
    // Nationally, among every other office's cases, this office's still come exactly once.
    const national = (await collect(staff.supervisorNational, filters({ sort, status }), 60)).filter((id) => officeCaseIds.has(id));
    expect(national).toHaveLength(expected.length);
    expect(new Set(national)).toEqual(new Set(expected.map((row) => row.id)));
  });
});

describe("the filter form's officer choices", () => {
  it("lists no officers for a scope of several offices until one office is chosen", async () => {
    const { offices, staff } = fixture;
    const unchosen = await getQueueFilterOptions(staff.supervisorRegion1);
    expect(unchosen.assigneesNeedOffice).toBe(true);
    expect(unchosen.assignees).toEqual([]);

    const chosen = await getQueueFilterOptions(staff.supervisorRegion1, { office: offices.a.code });
    expect(chosen.assigneesNeedOffice).toBe(false);
    expect(chosen.assignees.map((person) => person.id).sort()).toEqual([staff.officerA.id, staff.colleagueA.id, staff.involvedOfficerA.id].sort());
  });

  it("keeps the officer already filtered by, and lists an officer's own office in full", async () => {
    const { staff } = fixture;
    const kept = await getQueueFilterOptions(staff.supervisorNational, { assignee: staff.officerB.id });
    expect(kept.assignees.map((person) => person.id)).toEqual([staff.officerB.id]);

    const own = await getQueueFilterOptions(staff.officerA);
    expect(own.assigneesNeedOffice).toBe(false);
    expect(own.assignees.map((person) => person.id).sort()).toEqual([staff.officerA.id, staff.colleagueA.id, staff.involvedOfficerA.id].sort());
  });

  it("never lists an officer outside the scope, even when filtered by", async () => {
    const { offices, staff } = fixture;
    const options = await getQueueFilterOptions(staff.supervisorRegion1, { office: offices.c.code, assignee: staff.officerC.id });
    expect(options.assignees).toEqual([]);
  });
});
