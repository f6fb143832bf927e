import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { escalateCase, escalateOverdueCases } from "@/lib/cases/escalation";
import { markStaffInvolved } from "@/lib/cases/involvement";
import { changeCaseStatus } from "@/lib/cases/status";
import { db } from "@/lib/db";
import { fileReport } from "@/lib/reports/file-report";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_GRAINS, VALUE_GRAINS } from "@/lib/statistics/cube-plan";
import { compactStatisticsRollups, rebuildStatisticsRollups } from "@/lib/statistics/rollups";
import { COUNT_COLUMNS } from "@/lib/statistics/rollups-sql";
import { getStatistics, getStatisticsFromCaseRows } from "@/lib/statistics/queries";
import { resolvePeriod, type StatisticsPeriod } from "@/lib/statistics/period";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { computePublicStatistics } from "@/lib/transparency/compute";

import { ensureReportReferenceData, pungliForm } from "../fixtures/reports";

/**
 * The statistics summed from the statistics cubes (lib/statistics/queries-rollups.ts) against the
 * same report computed straight from the case rows with lib/statistics/definitions-sql.ts, over
 * the seeded demo data, for every kind of scope and several filter combinations (and the public
 * figures of /transparansi the same way), before and
 * after the changes the triggers must follow (filing, status changes, ratings, escalation,
 * forwarding, involvement); and the rebuild against what the triggers maintained.
 */

const run = promisify(execFile);
const SELECTED_STAFF = { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true } as const;

let now: Date;
let actors: Record<"national" | "regional" | "office" | "admin", StaffActor>;
let filterSets: StatisticsFilters[];
let allFilterSets: StatisticsFilters[];
let periods: StatisticsPeriod[];

async function expectRollupsToMatchCaseRows(at: Date = now, sets: StatisticsFilters[] = filterSets): Promise<void> {
  for (const actor of Object.values(actors)) {
    for (const filters of sets) {
      const [fromRollups, fromRows] = await Promise.all([
        getStatistics(actor, filters, { now: at, minimumCases: 2 }),
        getStatisticsFromCaseRows(actor, filters, { now: at, minimumCases: 2 }),
      ]);
      expect(fromRollups, `${actor.role}/${actor.scopeLevel} ${JSON.stringify(filters)}`).toEqual(fromRows);
    }
  }
  // The public figures of /transparansi: the twelve months before this one, with low thresholds
  // so that the demo data's offices show figures rather than "< 5".
  const rules = { minimumCount: 1, minimumCases: 1, refreshMinutes: 60 };
  for (const month of [0, 1]) {
    const publicAt = new Date(at.getTime() + month * 31 * 24 * 60 * 60 * 1000);
    expect(await computePublicStatistics(db, { now: publicAt, rules })).toEqual(await computePublicStatistics(db, { now: publicAt, rules, source: "case rows" }));
  }
}

const COUNT_SUMS = Prisma.raw(
  COUNT_COLUMNS.map((column) => (column === "aboveFeeRupiah" ? `sum("${column}")::text` : `sum("${column}")::int`)).join(", "),
);

/** The cubes and the undrained changes as sorted rows, zero rows left out (a drained change can leave one). */
async function rollupContents() {
  const cube = await db.$queryRaw<unknown[]>`
    SELECT "grain", "level"::text, "day"::text, "officeId", "serviceId", "categoryId", "kind", "channel", ${COUNT_SUMS}
    FROM "StatisticsCube" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum("received") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
  const values = await db.$queryRaw<unknown[]>`
    SELECT "grain", "level"::text, "day"::text, "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value"::text, "label", sum("count")::int
    FROM "StatisticsCubeValue" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum("count") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;
  const changes = await db.$queryRaw<{ count: number }[]>`SELECT ((SELECT count(*) FROM "StatisticsChange") + (SELECT count(*) FROM "StatisticsChangeValue"))::int AS "count"`;
  return { cube, values, changes };
}

async function findStaff(where: { role: "SUPERVISOR"; scopeLevel: "NATIONAL" | "REGIONAL" | "OFFICE"; officeId?: number }): Promise<StaffActor> {
  return db.staffUser.findFirstOrThrow({ where, select: SELECTED_STAFF, orderBy: { email: "asc" } });
}

beforeAll(async () => {
  // The seed adds demo cases only to a database without cases (other files may have left some).
  await db.$executeRawUnsafe('TRUNCATE "Case", "CaseEvent" CASCADE');
  await run("npx", ["tsx", "prisma/seed.ts", "--cases=160"], { env: process.env, cwd: process.cwd() });
  await ensureReportReferenceData(db);
  // The seeded cases are in the change tables: drained, the figures come from the cubes.
  await compactStatisticsRollups();
  now = new Date();
  const [busiest] = await db.$queryRaw<{ officeId: number }[]>`SELECT "officeId" FROM "Case" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const office = await db.office.findUniqueOrThrow({ where: { id: busiest!.officeId }, select: { id: true, code: true, regionalOfficeId: true } });
  const regional = await db.staffUser.findFirst({ where: { role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: office.regionalOfficeId }, select: SELECTED_STAFF });
  actors = {
    national: await findStaff({ role: "SUPERVISOR", scopeLevel: "NATIONAL" }),
    regional: regional ?? (await findStaff({ role: "SUPERVISOR", scopeLevel: "REGIONAL" })),
    office: (await db.staffUser.findFirst({ where: { role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: office.id }, select: SELECTED_STAFF })) ?? (await findStaff({ role: "SUPERVISOR", scopeLevel: "OFFICE" })),
    admin: await db.staffUser.findFirstOrThrow({ where: { role: "ADMIN" }, select: SELECTED_STAFF, orderBy: { email: "asc" } }),
  };
  const [service] = await db.$queryRaw<{ code: string }[]>`SELECT s."code" FROM "Case" c JOIN "Service" s ON s."id" = c."serviceId" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const [category] = await db.$queryRaw<{ code: string }[]>`SELECT k."code" FROM "Case" c JOIN "Category" k ON k."id" = c."categoryId" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const year = resolvePeriod({ preset: "year" }, now)!;
  const lastYear = resolvePeriod({ preset: "custom", from: `${Number(year.from.slice(0, 4)) - 1}-01-01`, to: year.to }, now)!;
  const today = toJakartaDateKey(now);
  const daysAgo = (days: number) => toJakartaDateKey(new Date(now.getTime() - days * 24 * 60 * 60 * 1000));
  const custom = (from: string, to: string) => resolvePeriod({ preset: "custom", from, to }, now)!;
  // Every preset, and custom periods whose edges fall mid-month and mid-year, inside one month,
  // reach past today, or straddle a new year: the cubes cover them with year, month and day
  // buckets, some subtracted.
  periods = [
    resolvePeriod({ preset: "this-month" }, now)!,
    resolvePeriod({ preset: "last-month" }, now)!,
    resolvePeriod({ preset: "quarter" }, now)!,
    year,
    lastYear,
    custom(daysAgo(400), daysAgo(13)),
    custom(daysAgo(47), daysAgo(21)),
    custom(`${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-0${Math.min(9, Number(today.slice(8, 10)))}`),
    custom(daysAgo(200), toJakartaDateKey(new Date(now.getTime() + 40 * 24 * 60 * 60 * 1000))),
    custom(`${Number(today.slice(0, 4)) - 1}-12-16`, `${today.slice(0, 4)}-01-15`),
    custom(daysAgo(3 * 365), today),
  ];
  const values = { office: office.code, kind: "PUNGLI" as const, channel: "ONLINE" as const, category: category!.code, service: service!.code };
  const names = ["office", "kind", "channel", "category", "service"] as const;
  // Every combination of the page's filters (2^5), each with one of the periods in turn, and
  // every period without filters.
  allFilterSets = [
    ...periods.map((period) => ({ period })),
    ...Array.from({ length: 2 ** names.length }, (_, mask) => ({
      period: periods[mask % periods.length]!,
      ...Object.fromEntries(names.filter((_, bit) => mask & (1 << bit)).map((name) => [name, values[name]])),
    })),
    { period: lastYear, kind: "COMPLAINT" as const, channel: "WALK_IN" as const },
  ];
  filterSets = [
    { period: resolvePeriod({ preset: "this-month" }, now)! },
    { period: lastYear },
    { period: lastYear, kind: "PUNGLI" },
    { period: lastYear, office: office.code, channel: "ONLINE" },
    { period: lastYear, category: category!.code, service: service!.code },
    { period: resolvePeriod({ preset: "quarter" }, now)!, kind: "COMPLAINT", service: service!.code },
    { period: periods[5]!, channel: "ONLINE" },
    { period: periods[9]!, kind: "PUNGLI", office: office.code },
  ];
}, 300_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("the rollups against the case rows", () => {
  it("keep the grains the readers choose from (lib/statistics/cube-plan.ts)", async () => {
    const [grains] = await db.$queryRaw<{ count: number[]; value: number[] }[]>`
      SELECT "statistics_count_grains"()::int[] AS "count", "statistics_value_grains"()::int[] AS "value"`;
    expect(grains).toEqual({ count: [...COUNT_GRAINS], value: [...VALUE_GRAINS] });
  });

  it("give the same report over the seeded demo data for every scope, filter combination and kind of period", async () => {
    expect(await db.case.count()).toBeGreaterThanOrEqual(160);
    await expectRollupsToMatchCaseRows(now, allFilterSets);
  }, 600_000);

  it("give the same report at other instants (deadlines falling due earlier this hour, yesterday and tomorrow)", async () => {
    // The cubes hold what has been filed, at day grain: they answer for the present (the app
    // always asks at the present; an export at the moment it was requested), not for an instant
    // before a case that already exists was received. So an earlier instant is taken no earlier
    // than just after the newest case: the seed's demo cases are spread up to the present.
    const newest = (await db.case.aggregate({ _max: { receivedAt: true } }))._max.receivedAt!.getTime();
    for (const hours of [-30, -3.5, 5.25, 26]) await expectRollupsToMatchCaseRows(new Date(Math.max(now.getTime() + hours * 60 * 60 * 1000, newest + 1000)));
  }, 240_000);

  it("follow filing, status changes, forwarding, rating, escalation and involvement, and compaction changes nothing", async () => {
    const before = await getStatistics(actors.national, filterSets[1]!, { now, minimumCases: 2 });

    // Filing through the real filing path.
    const filed = await fileReport({ form: pungliForm({}, now), evidenceTokens: [], locale: "id", now });
    expect(filed.status).toBe("filed");

    const admin = actors.admin;
    const open = await db.case.findMany({ where: { status: "NEW" }, select: { id: true, version: true }, orderBy: { receivedAt: "asc" }, take: 3 });
    const inProgress = await db.case.findMany({ where: { status: "IN_PROGRESS" }, select: { id: true, version: true }, orderBy: { receivedAt: "asc" }, take: 2 });
    expect(open.length).toBe(3);
    expect(inProgress.length).toBe(2);
    await changeCaseStatus(admin, { caseId: open[0]!.id, version: open[0]!.version, to: "VERIFIED" }, { now });
    await changeCaseStatus(admin, { caseId: open[1]!.id, version: open[1]!.version, to: "REJECTED", rejectionReason: "Laporan tidak lengkap" }, { now });
    await changeCaseStatus(admin, { caseId: inProgress[0]!.id, version: inProgress[0]!.version, to: "FORWARDED", forwardTarget: "OMBUDSMAN", forwardNote: "Diteruskan." }, { now });
    await changeCaseStatus(admin, { caseId: inProgress[1]!.id, version: inProgress[1]!.version, to: "RESOLVED" }, { now });
    await escalateCase(admin, { caseId: open[2]!.id, note: "Perlu perhatian." }, { now });
    await escalateOverdueCases(now);

    // Ratings: a new one, a changed one, a removed one.
    await db.satisfactionRating.create({ data: { caseId: inProgress[1]!.id, score: 2 } });
    const rated = await db.satisfactionRating.findMany({ where: { caseId: { not: inProgress[1]!.id } }, select: { caseId: true }, take: 2, orderBy: { caseId: "asc" } });
    expect(rated.length).toBe(2);
    await db.satisfactionRating.update({ where: { caseId: rated[0]!.caseId }, data: { score: 1 } });
    await db.satisfactionRating.delete({ where: { caseId: rated[1]!.caseId } });

    // The office supervisor declared involved in a case of their office: it leaves their figures.
    const ownCase = await db.case.findFirstOrThrow({ where: { officeId: actors.office.officeId! }, select: { id: true } });
    await markStaffInvolved(admin, { caseId: ownCase.id, staffUserId: actors.office.id, reason: "Keluarga pelapor." }, { now });

    const after = await getStatistics(actors.national, filterSets[1]!, { now, minimumCases: 2 });
    expect(after.volume.received).toBe(before.volume.received + 1);
    expect(after.outcomes.rejected).toBe(before.outcomes.rejected + 1);
    await expectRollupsToMatchCaseRows();

    // Before the compaction the changes are read from the change tables, after it from the cubes.
    expect((await rollupContents()).changes[0]!.count).toBeGreaterThan(0);
    const folded = await compactStatisticsRollups();
    expect(folded).toBeGreaterThan(0);
    expect((await rollupContents()).changes).toEqual([{ count: 0 }]);
    await expectRollupsToMatchCaseRows();
  }, 240_000);

  it("are rebuilt by the job exactly as the triggers maintained them", async () => {
    await compactStatisticsRollups();
    const maintained = await rollupContents();
    await rebuildStatisticsRollups();
    expect(await rollupContents()).toEqual(maintained);
    await expectRollupsToMatchCaseRows();
  }, 120_000);

  it("subtract a deleted case with its rating", async () => {
    const rated = await db.satisfactionRating.findFirstOrThrow({ select: { caseId: true } });
    await db.caseEvent.deleteMany({ where: { caseId: rated.caseId } });
    await db.case.delete({ where: { id: rated.caseId } });
    await expectRollupsToMatchCaseRows();
    await compactStatisticsRollups();
    const maintained = await rollupContents();
    await rebuildStatisticsRollups();
    expect(await rollupContents()).toEqual(maintained);
  }, 120_000);

});
