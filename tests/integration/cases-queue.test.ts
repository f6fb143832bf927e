import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { caseAccessSql, caseAccessWhere } from "@/lib/cases/access";
import { escalateOverdueCases } from "@/lib/cases/escalation";
import { decodeQueueCursor, encodeQueueCursor, findNamedBySearch, findQueueCases } from "@/lib/cases/queue";
import { parseQueueFilters, type QueueFilters } from "@/lib/cases/queue-filters";
import { db } from "@/lib/db";
import { getDeadlineState } from "@/lib/deadlines/case-clock";
import { endOfJakartaDay, toJakartaDateKey } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, STAFF_NAMES, type ScopeFixture } from "./cases-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;
let fixture: ScopeFixture;

const filters = (overrides: Record<string, string> = {}): QueueFilters => parseQueueFilters({ status: "all", ...overrides });

/** Every case the actor's queue lists under `base`, following the cursors page by page. */
async function collectAllPages(actor: ScopeFixture["staff"][keyof ScopeFixture["staff"]], base: QueueFilters, pageSize: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await findQueueCases(actor, { ...base, cursor }, { pageSize });
    ids.push(...result.cases.map((row) => row.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

beforeAll(async () => {
  fixture = await createScopeFixture("queue");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the access rule", () => {
  it("selects the same cases in SQL as in Prisma for every kind of staff user", async () => {
    const { offices, staff } = fixture;
    const ids = [] as string[];
    for (const office of [offices.a, offices.b, offices.c]) ids.push((await createFixtureCase(fixture, { officeId: office.id })).id);
    await markInvolvedDirectly(ids[0]!, staff.involvedOfficerA.id, staff.officerA.id);
    const inFixture = Prisma.sql`c."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;

    for (const name of STAFF_NAMES) {
      const actor = staff[name];
      const viaPrisma = await db.case.findMany({ where: { AND: [caseAccessWhere(actor), { id: { in: ids } }] }, select: { id: true } });
      const viaSql = await db.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Case" c WHERE ${caseAccessSql(actor, "c")} AND ${inFixture}`;
      expect(viaSql.map((row) => row.id).sort(), name).toEqual(viaPrisma.map((row) => row.id).sort());
    }
  });
});

describe("keyset pagination", () => {
  it.each(["newest", "oldest", "deadline"] as const)("lists every case exactly once across pages when sorted by %s", async (sort) => {
    const { offices, staff } = fixture;
    const base = new Date("2026-06-01T03:00:00Z").getTime();
    const created: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      // Groups of three share the same instant, so the id must break ties.
      const receivedAt = new Date(base + Math.floor(index / 3) * DAY_MS);
      created.push((await createFixtureCase(fixture, { officeId: offices.b.id, receivedAt, description: `Antrean halaman ${sort} ${index} petugas lambat` })).id);
    }
    const listed = await collectAllPages(staff.officerB, filters({ sort, q: `halaman ${sort}` }), 5);
    expect(listed).toHaveLength(created.length);
    expect(new Set(listed)).toEqual(new Set(created));
  });

  it("orders the newest first and ties by id", async () => {
    const { staff } = fixture;
    const page = await findQueueCases(staff.officerB, filters({ sort: "newest", q: "halaman newest" }), { pageSize: 50 });
    const keys = page.cases.map((row) => [row.receivedAt.getTime(), row.id] as const);
    const sorted = [...keys].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : -1));
    expect(keys).toEqual(sorted);
  });

  it("starts from the top for a cursor that was tampered with", async () => {
    const { staff } = fixture;
    const first = await findQueueCases(staff.officerB, filters({ sort: "oldest", q: "halaman oldest", cursor: "bm90LWEtY3Vyc29y" }), { pageSize: 5 });
    const top = await findQueueCases(staff.officerB, filters({ sort: "oldest", q: "halaman oldest" }), { pageSize: 5 });
    expect(first.cases.map((row) => row.id)).toEqual(top.cases.map((row) => row.id));
  });
});

describe("search", () => {
  it("finds words in the case text by their Indonesian stem", async () => {
    const { offices, staff } = fixture;
    const match = await createFixtureCase(fixture, { officeId: offices.a.id, description: "Calo di depan gerbang menawarkan jasa percepatan dengan bayaran pelicin." });
    await createFixtureCase(fixture, { officeId: offices.a.id, description: "Ruang tunggu terlalu panas dan antrean tidak teratur." });
    const result = await findQueueCases(staff.officerA, filters({ q: "menawarkan pelicinnya" }));
    expect(result.cases.map((row) => row.id)).toEqual([match.id]);
  });

  it("finds a case by its exact tracking code, typed loosely", async () => {
    const { offices, staff } = fixture;
    const target = await createFixtureCase(fixture, { officeId: offices.a.id });
    const typed = target.trackingCode.toLowerCase().replace(/-/g, " ");
    const result = await findQueueCases(staff.officerA, filters({ q: typed }));
    expect(result.cases.map((row) => row.trackingCode)).toEqual([target.trackingCode]);
  });

  it("never finds a case outside the actor's scope, even by its code", async () => {
    const { offices, staff } = fixture;
    const foreign = await createFixtureCase(fixture, { officeId: offices.c.id });
    expect((await findQueueCases(staff.officerA, filters({ q: foreign.trackingCode }))).cases).toEqual([]);
  });

  it("treats search text as data, not as SQL or a query syntax", async () => {
    const { staff } = fixture;
    const result = await findQueueCases(staff.officerA, filters({ q: `'); DROP TABLE "Case"; -- & | ! :*` }));
    expect(result.cases).toEqual([]);
    expect(await db.case.count()).toBeGreaterThan(0);
  });
});

describe("search by category and service names", () => {
  /** A case whose own text names neither its category nor its service. */
  async function createPlainCase(options: { categoryId?: number; serviceId?: number | null }) {
    return createFixtureCase(fixture, { officeId: fixture.offices.a.id, description: "Petugas meminta uang tambahan di loket tanpa kuitansi resmi.", ...options });
  }

  it("finds the cases of a category named by the search, in Indonesian and in English", async () => {
    const { suffix, staff } = fixture;
    const category = await db.category.create({ data: { code: `BRK_${suffix}`, nameId: "Makelar gelap uji", nameEn: "Shadowbroker test", problemCode: "03" } });
    const filed = await createPlainCase({ categoryId: category.id });
    const other = await createPlainCase({});
    for (const q of ["makelar", "MAKELAR gelap", "shadowbroker"]) {
      const listed = (await findQueueCases(staff.officerA, filters({ q }))).cases.map((row) => row.id);
      expect(listed, q).toContain(filed.id);
      expect(listed, q).not.toContain(other.id);
    }
  });

  it("finds the cases of a service named by the search, in both languages", async () => {
    const { suffix, staff } = fixture;
    const service = await db.service.create({ data: { code: `itas-${suffix}`, nameId: "Izin tinggal terbatas uji", nameEn: "Limited stay permit test" } });
    const filed = await createPlainCase({ serviceId: service.id });
    for (const q of ["izin tinggal terbatas", "stay permit"]) {
      expect((await findQueueCases(staff.officerA, filters({ q }))).cases.map((row) => row.id), q).toContain(filed.id);
    }
  });

  it("matches names by whole words, so calo does not find calon", async () => {
    const { suffix } = fixture;
    const broker = await db.category.create({ data: { code: `CALO_${suffix}`, nameId: "Calo atau perantara uji", nameEn: "Broker (calo) test", problemCode: "03" } });
    const migrant = await db.service.create({ data: { code: `pmi-${suffix}`, nameId: "Paspor calon pekerja migran uji", nameEn: "Passport for migrant workers test" } });
    const named = await findNamedBySearch("calo");
    expect(named.categoryIds).toContain(broker.id);
    expect(named.serviceIds).not.toContain(migrant.id);
  });

  it("never finds a named category's cases outside the actor's scope", async () => {
    const { suffix, offices, staff } = fixture;
    const category = await db.category.create({ data: { code: `FAR_${suffix}`, nameId: "Kategori jauhsekali", nameEn: "Faraway category", problemCode: "03" } });
    await createFixtureCase(fixture, { officeId: offices.c.id, categoryId: category.id });
    expect((await findQueueCases(staff.officerA, filters({ q: "jauhsekali" }))).cases).toEqual([]);
  });

  it("names nothing for a search too short to tell names apart, or for regular-expression syntax", async () => {
    expect(await findNamedBySearch("ca")).toEqual({ categoryIds: [], serviceIds: [] });
    expect(await findNamedBySearch(".*")).toEqual({ categoryIds: [], serviceIds: [] });
    expect(await findNamedBySearch("(((")).toEqual({ categoryIds: [], serviceIds: [] });
  });
});

describe("deadline filters and escalation", () => {
  let ids: Record<"overdue" | "dueSoon" | "onTime" | "paused" | "closedLate" | "overdueVerified", string>;
  // Its own offices: no other test's cases in office C.
  let fixture: ScopeFixture;

  beforeAll(async () => {
    fixture = await createScopeFixture("deadlines");
    const { offices } = fixture;
    const now = new Date();
    const officeId = offices.c.id;
    const long = new Date(now.getTime() - 40 * DAY_MS);
    ids = {
      overdue: (await createFixtureCase(fixture, { officeId, receivedAt: long, verificationDueAt: new Date(now.getTime() - 2 * DAY_MS) })).id,
      dueSoon: (await createFixtureCase(fixture, { officeId, verificationDueAt: endOfJakartaDay(toJakartaDateKey(now)) })).id,
      onTime: (await createFixtureCase(fixture, { officeId, verificationDueAt: new Date(now.getTime() + 30 * DAY_MS) })).id,
      paused: (
        await createFixtureCase(fixture, {
          officeId,
          receivedAt: long,
          status: "WAITING_FOR_REPORTER",
          verifiedAt: long,
          resolutionDueAt: new Date(now.getTime() - 5 * DAY_MS),
          clockPausedAt: new Date(now.getTime() - 10 * DAY_MS),
        })
      ).id,
      closedLate: (await createFixtureCase(fixture, { officeId, receivedAt: long, status: "RESOLVED", verifiedAt: long, resolutionDueAt: new Date(now.getTime() - 20 * DAY_MS), closedAt: now })).id,
      overdueVerified: (
        await createFixtureCase(fixture, {
          officeId,
          receivedAt: long,
          status: "IN_PROGRESS",
          verifiedAt: long,
          // Verification was long due too: only the resolution deadline counts once verified.
          verificationDueAt: new Date(now.getTime() - 39 * DAY_MS),
          resolutionDueAt: new Date(now.getTime() - DAY_MS),
        })
      ).id,
    };
  });

  it.each([
    ["OVERDUE", ["overdue", "overdueVerified"]],
    ["DUE_SOON", ["dueSoon"]],
    ["ON_TIME", ["onTime"]],
    ["PAUSED", ["paused"]],
  ] as const)("lists exactly the %s cases, and each carries that state", async (state, expected) => {
    const result = await findQueueCases(fixture.staff.officerC, filters({ deadline: state }));
    expect(result.cases.map((row) => row.id).sort()).toEqual(expected.map((key) => ids[key]).sort());
    for (const row of result.cases) expect(row.deadlineState).toBe(state);
  });

  it("agrees with the pure deadline state for every case", async () => {
    const rows = await db.case.findMany({ where: { id: { in: Object.values(ids) } } });
    const listed = await findQueueCases(fixture.staff.officerC, filters());
    for (const row of rows) {
      const fromQueue = listed.cases.find((item) => item.id === row.id);
      expect(fromQueue?.deadlineState).toBe(getDeadlineState(row, new Date(), new Set()));
    }
  });

  it("counts cases per status under the other filters", async () => {
    const result = await findQueueCases(fixture.staff.officerC, filters({ status: "NEW" }));
    expect(result.statusCounts).toMatchObject({ NEW: 3, WAITING_FOR_REPORTER: 1, RESOLVED: 1, IN_PROGRESS: 1 });
    expect(result.cases).toHaveLength(3);
  });

  it("escalates only the open overdue cases, once, with an event each", async () => {
    const first = await escalateOverdueCases();
    expect(first.status).toBe("done");
    const rows = await db.case.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, isEscalated: true, escalatedAt: true, version: true } });
    const escalated = rows.filter((row) => row.isEscalated).map((row) => row.id).sort();
    expect(escalated).toEqual([ids.overdue, ids.overdueVerified].sort());
    // The flag leaves the version alone, so officers' open forms stay valid.
    expect(rows.every((row) => row.version === 1)).toBe(true);

    const events = await db.caseEvent.findMany({ where: { caseId: { in: Object.values(ids) }, action: "ESCALATED" }, select: { caseId: true, actorKind: true } });
    expect(events.map((event) => event.caseId).sort()).toEqual(escalated);
    expect(events.every((event) => event.actorKind === "SYSTEM")).toBe(true);

    await escalateOverdueCases();
    expect(await db.caseEvent.count({ where: { caseId: { in: Object.values(ids) }, action: "ESCALATED" } })).toBe(2);
  });

  it("lets only one of several simultaneous sweeps work", async () => {
    const { offices } = fixture;
    const now = Date.now();
    const late = await Promise.all(
      [1, 2, 3].map(() => createFixtureCase(fixture, { officeId: offices.c.id, receivedAt: new Date(now - 9 * DAY_MS), verificationDueAt: new Date(now - DAY_MS) })),
    );
    const results = await Promise.all([escalateOverdueCases(), escalateOverdueCases(), escalateOverdueCases()]);
    const worked = results.filter((result) => result.status === "done" && result.escalated > 0);
    expect(worked).toHaveLength(1);
    expect(await db.caseEvent.count({ where: { caseId: { in: late.map((row) => row.id) }, action: "ESCALATED" } })).toBe(3);
  });

  it("surfaces escalated open cases in the escalated view", async () => {
    const result = await findQueueCases(fixture.staff.supervisorRegion2, filters({ view: "escalated", office: fixture.offices.c.code }));
    expect(result.cases.length).toBeGreaterThanOrEqual(2);
    expect(result.cases.every((row) => row.isEscalated && row.status !== "RESOLVED")).toBe(true);
    expect(result.escalatedOpenCount).toBeGreaterThanOrEqual(result.cases.length);
  });
});

describe("queue cursors from the URL", () => {
  const craft = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");

  it("reads back the cursors the queue writes", () => {
    const cursor = { sort: "newest" as const, key: "2026-03-17T03:00:00.000Z", id: "6b28d699-4fa6-4a1d-b7ba-5ad309a92ff6" };
    expect(decodeQueueCursor(encodeQueueCursor(cursor), "newest")).toEqual(cursor);
  });

  it.each([
    ["an id of dashes", craft(["newest", "2026-03-17T03:00:00.000Z", "-".repeat(36)])],
    ["a date Postgres cannot hold", craft(["newest", "-271821-04-20", "6b28d699-4fa6-4a1d-b7ba-5ad309a92ff6"])],
    ["a loose date", craft(["newest", "March 17, 2026", "6b28d699-4fa6-4a1d-b7ba-5ad309a92ff6"])],
    ["another sort", craft(["oldest", "2026-03-17T03:00:00.000Z", "6b28d699-4fa6-4a1d-b7ba-5ad309a92ff6"])],
    ["junk", "%%%not-base64"],
  ])("starts from the top for %s", (_label, value) => {
    expect(decodeQueueCursor(value, "newest")).toBeNull();
  });
});
