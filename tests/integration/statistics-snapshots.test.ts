import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { caseScopeKey } from "@/lib/cases/access";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { claimPeriodicRun } from "@/lib/rate-limit/limits";
import { resolvePeriod } from "@/lib/statistics/period";
import { getStatistics } from "@/lib/statistics/queries";
import { statisticsSnapshotKey } from "@/lib/statistics/snapshot-key";
import { getStatisticsSnapshot, PREWARM_PRESETS, prewarmStatisticsSnapshots } from "@/lib/statistics/snapshots";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, type ScopeFixture } from "./cases-fixtures";
import { jakarta } from "./statistics-fixture";

/**
 * The stored statistics views (lib/statistics/snapshots.ts). getStatistics is wrapped in a spy
 * (it still computes) so each test can tell a stored report from a computed one. Each test uses
 * its own period, so the views of one test are never another's.
 */

vi.mock("@/lib/statistics/queries", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/statistics/queries")>();
  return { ...actual, getStatistics: vi.fn(actual.getStatistics) };
});

const computations = vi.mocked(getStatistics);
const NOW = jakarta("2026-04-02T10:00:00");
const INTERVAL_MS = getEnvironment().STATS_SNAPSHOT_MINUTES * 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const month = (yearMonth: string, lastDay: number): StatisticsFilters => ({
  period: { preset: "custom", from: `${yearMonth}-01`, to: `${yearMonth}-${String(lastDay).padStart(2, "0")}` },
});

let fixture: ScopeFixture;

const addCase = (officeId: number, receivedLocal: string) => createFixtureCase(fixture, { officeId, receivedAt: jakarta(receivedLocal) });
const keyOf = (actor: StaffActor, filters: StatisticsFilters) =>
  statisticsSnapshotKey({ scopeKey: caseScopeKey(actor), filters, minimumCases: getEnvironment().STATS_MIN_CASES });
/** How many times `run` made getStatistics compute. */
async function countComputations(run: () => Promise<unknown>): Promise<number> {
  const before = computations.mock.calls.length;
  await run();
  return computations.mock.calls.length - before;
}

beforeAll(async () => {
  fixture = await createScopeFixture("snapshots");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("getStatisticsSnapshot", () => {
  it("refuses an officer, like getStatistics", async () => {
    await expect(getStatisticsSnapshot(fixture.staff.officerA, month("2026-03", 31), { now: NOW })).rejects.toBeInstanceOf(CaseActionForbiddenError);
  });

  it("serves the stored figures within the interval, even after a new case arrives", async () => {
    const filters = month("2026-02", 28);
    await addCase(fixture.offices.a.id, "2026-02-10T10:00:00");
    const first = await getStatisticsSnapshot(fixture.staff.supervisorRegion1, filters, { now: NOW });
    await addCase(fixture.offices.a.id, "2026-02-11T10:00:00");

    let second = first;
    const computed = await countComputations(async () => {
      second = await getStatisticsSnapshot(fixture.staff.supervisorRegion1, filters, { now: later(INTERVAL_MS - 60_000) });
    });
    expect(computed).toBe(0);
    expect(second.volume.received).toBe(1);
    expect(second.generatedAt).toBe(NOW.toISOString());
  });

  it("recomputes once the interval has passed, and includes the new case", async () => {
    const filters = month("2026-01", 31);
    await addCase(fixture.offices.a.id, "2026-01-10T10:00:00");
    expect((await getStatisticsSnapshot(fixture.staff.supervisorRegion1, filters, { now: NOW })).volume.received).toBe(1);
    await addCase(fixture.offices.a.id, "2026-01-11T10:00:00");

    const refreshed = await getStatisticsSnapshot(fixture.staff.supervisorRegion1, filters, { now: later(INTERVAL_MS) });
    expect(refreshed.volume.received).toBe(2);
    expect(refreshed.generatedAt).toBe(later(INTERVAL_MS).toISOString());
    const row = await db.statisticsSnapshot.findUniqueOrThrow({ where: { key: keyOf(fixture.staff.supervisorRegion1, filters) } });
    expect(row.computedAt).toEqual(later(INTERVAL_MS));
  });

  it("stores exactly the report getStatistics computes", async () => {
    const filters = month("2025-12", 31);
    await addCase(fixture.offices.b.id, "2025-12-03T10:00:00");
    await getStatisticsSnapshot(fixture.staff.supervisorNational, filters, { now: NOW });
    const stored = await getStatisticsSnapshot(fixture.staff.supervisorNational, filters, { now: later(60_000) });
    expect(stored).toEqual(await getStatistics(fixture.staff.supervisorNational, filters, { now: NOW }));
  });

  it("keeps one row per scope: a region-1 supervisor never reads region 2's figures, nor the reverse", async () => {
    const filters = month("2025-11", 30);
    await addCase(fixture.offices.a.id, "2025-11-03T10:00:00");
    await addCase(fixture.offices.b.id, "2025-11-04T10:00:00");
    await addCase(fixture.offices.c.id, "2025-11-05T10:00:00");
    const { supervisorRegion1, supervisorRegion2 } = fixture.staff;

    const region1 = await getStatisticsSnapshot(supervisorRegion1, filters, { now: NOW });
    let region2 = region1;
    expect(await countComputations(async () => (region2 = await getStatisticsSnapshot(supervisorRegion2, filters, { now: later(60_000) })))).toBe(1);
    const region1Again = await getStatisticsSnapshot(supervisorRegion1, filters, { now: later(120_000) });

    expect(region1.volume.byOffice.map((office) => office.code).sort()).toEqual([fixture.offices.a.code, fixture.offices.b.code].sort());
    expect(region1Again).toEqual(region1);
    expect(region2.volume.byOffice.map((office) => office.code)).toEqual([fixture.offices.c.code]);
    const rows = await db.statisticsSnapshot.findMany({ where: { key: { in: [keyOf(supervisorRegion1, filters), keyOf(supervisorRegion2, filters)] } }, select: { scopeKey: true } });
    expect(rows.map((row) => row.scopeKey).sort()).toEqual([`region:${fixture.region1.id}`, `region:${fixture.region2.id}`]);
  });

  it("computes live, neither reading nor storing a row, for an actor marked involved in a case", async () => {
    const filters = month("2025-10", 31);
    const seen = await addCase(fixture.offices.a.id, "2025-10-03T10:00:00");
    await addCase(fixture.offices.a.id, "2025-10-04T10:00:00");
    await getStatisticsSnapshot(fixture.staff.supervisorRegion1, filters, { now: NOW });
    const involved = await db.staffUser.create({
      data: { name: "Involved supervisor", email: `involved.${fixture.suffix}@test.invalid`, passwordHash: "not-a-real-hash", role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.region1.id },
      select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
    });
    await markInvolvedDirectly(seen.id, involved.id, fixture.staff.admin.id);

    let report = await getStatistics(involved, filters, { now: NOW });
    expect(await countComputations(async () => (report = await getStatisticsSnapshot(involved, filters, { now: later(60_000) })))).toBe(1);
    expect(report.volume.received).toBe(1);
    const row = await db.statisticsSnapshot.findUniqueOrThrow({ where: { key: keyOf(involved, filters) } });
    expect(row.computedAt).toEqual(NOW);
    expect((row.payload as { volume: { received: number } }).volume.received).toBe(2);
  });

  it("computes a stale view once when two requests refresh it at the same time", async () => {
    const filters = month("2025-09", 30);
    await addCase(fixture.offices.a.id, "2025-09-03T10:00:00");
    await getStatisticsSnapshot(fixture.staff.supervisorNational, filters, { now: NOW });

    const computed = await countComputations(() =>
      Promise.all([
        getStatisticsSnapshot(fixture.staff.supervisorNational, filters, { now: later(INTERVAL_MS) }),
        getStatisticsSnapshot(fixture.staff.admin, filters, { now: later(INTERVAL_MS) }),
      ]),
    );
    expect(computed).toBe(1);
    const row = await db.statisticsSnapshot.findUniqueOrThrow({ where: { key: keyOf(fixture.staff.supervisorNational, filters) } });
    expect(row.computedAt).toEqual(later(INTERVAL_MS));
  });

  it("serves the stale row while another instance holds the view's claim, and computes live without storing when there is no row", async () => {
    const stale = month("2025-08", 31);
    const missing = month("2025-07", 31);
    const actor = fixture.staff.supervisorOfficeA;
    await getStatisticsSnapshot(actor, stale, { now: NOW });

    // Another instance claims both views for the current claim window and is still computing.
    for (const filters of [stale, missing]) expect(await claimPeriodicRun(`statistics-view:${keyOf(actor, filters)}`, 60, later(INTERVAL_MS))).toBe(true);

    const served = await getStatisticsSnapshot(actor, stale, { now: later(INTERVAL_MS) });
    expect(served.generatedAt).toBe(NOW.toISOString());
    const live = await getStatisticsSnapshot(actor, missing, { now: later(INTERVAL_MS) });
    expect(live.generatedAt).toBe(later(INTERVAL_MS).toISOString());
    expect(await db.statisticsSnapshot.findUnique({ where: { key: keyOf(actor, missing) } })).toBeNull();
  });
});

describe("prewarmStatisticsSnapshots", () => {
  const PREWARM_NOW = jakarta("2026-05-20T10:00:00");

  it("stores the national and every regional view for the four presets, and deletes rows older than two days", async () => {
    const old = await db.statisticsSnapshot.create({ data: { key: "old-view", scopeKey: "all", payload: {}, computedAt: new Date(PREWARM_NOW.getTime() - 49 * 60 * 60 * 1000) } });
    const regions = await db.regionalOffice.findMany({ select: { id: true } });

    const result = await prewarmStatisticsSnapshots(PREWARM_NOW);

    const scopeKeys = ["all", ...regions.map((region) => `region:${region.id}`)];
    const expectedKeys = scopeKeys.flatMap((scopeKey) =>
      PREWARM_PRESETS.map((preset) => statisticsSnapshotKey({ scopeKey, filters: { period: resolvePeriod({ preset }, PREWARM_NOW)! }, minimumCases: getEnvironment().STATS_MIN_CASES })),
    );
    const rows = await db.statisticsSnapshot.findMany({ where: { key: { in: expectedKeys } }, select: { computedAt: true } });
    expect(rows).toHaveLength(scopeKeys.length * PREWARM_PRESETS.length);
    expect(rows.every((row) => row.computedAt.getTime() === PREWARM_NOW.getTime())).toBe(true);
    expect(result).toEqual({ status: "done", views: expectedKeys.length, computed: expectedKeys.length, deleted: expect.any(Number) });
    expect(await db.statisticsSnapshot.findUnique({ where: { key: old.key } })).toBeNull();
  });

  it("lets a supervisor's request use the pre-warmed view without computing", async () => {
    const filters: StatisticsFilters = { period: resolvePeriod({ preset: "year" }, PREWARM_NOW)! };
    expect(await countComputations(() => getStatisticsSnapshot(fixture.staff.supervisorRegion2, filters, { now: new Date(PREWARM_NOW.getTime() + 60_000) }))).toBe(0);
  });
});
