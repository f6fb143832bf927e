import os from "node:os";
import { performance } from "node:perf_hooks";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseStatisticsFilters } from "@/lib/statistics/filters";
import { getStatistics, getStatisticsFromCaseRows } from "@/lib/statistics/queries";
import { compactStatisticsRollups, rebuildStatisticsRollups } from "@/lib/statistics/rollups";
import { getStatisticsSnapshot, prewarmStatisticsSnapshots } from "@/lib/statistics/snapshots";

import type { Measurement } from "./measure";
import { printComparisons, type Compared, type Timed } from "./report";

/**
 * The statistics page's data (lib/statistics/queries.ts) over the current year, for a
 * supervisor of each scope on the demo data: national (every case), the Jawa Barat regional
 * office and the Bekasi office (the busiest in the seed); then the national view as the page
 * serves it once stored (lib/statistics/snapshots.ts, warmed by one call first).
 */

const SUPERVISORS = [
  { email: "supervisor.nasional@demo.lapor-imigrasi.id", label: "national supervisor" },
  { email: "supervisor.jabar@demo.lapor-imigrasi.id", label: "regional supervisor (Jawa Barat)" },
  { email: "kepala.bekasi@demo.lapor-imigrasi.id", label: "office supervisor (Bekasi)" },
] as const;

type Measure = (name: string, run: () => Promise<string>) => Promise<Measurement>;

export async function measureStatistics(measure: Measure): Promise<Measurement[]> {
  const parsed = parseStatisticsFilters({ period: "year" }, new Date());
  if (!parsed.ok) throw new Error("the year period did not resolve");
  const measurements: Measurement[] = [];
  for (const { email, label } of SUPERVISORS) {
    const actor = await loadActor(email);
    measurements.push(
      await measure(`getStatistics, ${label}, this year`, async () => {
        const report = await getStatistics(actor, parsed.filters);
        return `${report.volume.received} received, ${report.backlog.open} open`;
      }),
    );
  }
  const national = await loadActor(SUPERVISORS[0].email);
  await getStatisticsSnapshot(national, parsed.filters);
  measurements.push(
    await measure("getStatisticsSnapshot, national supervisor, this year (stored)", async () => {
      const report = await getStatisticsSnapshot(national, parsed.filters);
      return `${report.volume.received} received, computed ${report.generatedAt}`;
    }),
  );
  return measurements;
}

function loadActor(email: string): Promise<StaffActor> {
  return db.staffUser.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
}

type Scope = { label: string; email: string };
type ViewCase = { name: string; scope: Scope; search: Record<string, string> };

const NATIONAL: Scope = { label: "national", email: SUPERVISORS[0].email };
const REGIONAL: Scope = { label: "regional (Jawa Barat)", email: SUPERVISORS[1].email };
const OFFICE: Scope = { label: "office (Bekasi)", email: SUPERVISORS[2].email };

/**
 * `runStatisticsBenchmark`: each statistics view computed live from the statistics cubes
 * (getStatistics) beside the same report computed straight from the case rows in the same run
 * (getStatisticsFromCaseRows, the raw-SQL baseline), for a national, a regional and an office
 * supervisor under several filter combinations; then one full rebuild of the cubes, one
 * compaction and one pre-warm round of the stored views. It checks that both reports agree.
 * Writes to the database (rebuild, snapshots): run it on a bench database or a copy.
 */
export async function runStatisticsBenchmark(options: { runs?: number; baselineRuns?: number; viewsOnly?: boolean } = {}): Promise<void> {
  const runs = options.runs ?? 10;
  const baselineRuns = options.baselineRuns ?? 2;
  const now = new Date();
  const [service] = await db.$queryRaw<{ code: string }[]>`SELECT s."code" FROM "Service" s ORDER BY s."id" LIMIT 1`;
  const [category] = await db.$queryRaw<{ code: string }[]>`SELECT k."code" FROM "Category" k ORDER BY k."id" DESC LIMIT 1`;
  const [pungliCategory] = await db.$queryRaw<{ code: string }[]>`SELECT k."code" FROM "Category" k WHERE k."code" = 'PUNGLI'`;
  const [office] = await db.$queryRaw<{ code: string }[]>`SELECT o."code" FROM "Office" o JOIN "StaffUser" u ON u."regionalOfficeId" = o."regionalOfficeId" WHERE u."email" = ${REGIONAL.email} ORDER BY o."code" LIMIT 1`;
  const year = now.getUTCFullYear();
  const today = toDateKey(now);
  const daysAgo = (days: number) => toDateKey(new Date(now.getTime() - days * 24 * 60 * 60 * 1000));
  // The presets, and custom periods with edges mid-month (the cubes cover those with day buckets
  // or subtract them from a month), up to the longest period the page accepts (3 x 366 days).
  const views: ViewCase[] = [
    { name: "this year", scope: NATIONAL, search: { period: "year" } },
    { name: "this month", scope: NATIONAL, search: { period: "this-month" } },
    { name: "last month, complaints", scope: NATIONAL, search: { period: "last-month", kind: "COMPLAINT" } },
    { name: "custom 3 years (longest), no filter", scope: NATIONAL, search: { period: "custom", from: daysAgo(3 * 366), to: today } },
    { name: `custom ${year - 2}-01-13..${year}-11-19, online, pungli`, scope: NATIONAL, search: { period: "custom", from: `${year - 2}-01-13`, to: `${year}-11-19`, channel: "ONLINE", kind: "PUNGLI" } },
    { name: "custom 2 years, pungli", scope: NATIONAL, search: { period: "custom", from: `${year - 1}-01-01`, to: today, kind: "PUNGLI" } },
    { name: "this year, one service, online", scope: NATIONAL, search: { period: "year", service: service!.code, channel: "ONLINE" } },
    { name: "custom 500 days to 17 days ago, walk-in, one category", scope: NATIONAL, search: { period: "custom", from: daysAgo(500), to: daysAgo(17), channel: "WALK_IN", category: category!.code } },
    { name: "quarter, one category, complaints", scope: NATIONAL, search: { period: "quarter", category: category!.code, kind: "COMPLAINT" } },
    { name: "this year, one office, one service", scope: NATIONAL, search: { period: "year", office: office!.code, service: service!.code } },
    { name: "this year", scope: REGIONAL, search: { period: "year" } },
    { name: "custom 3 years, online", scope: REGIONAL, search: { period: "custom", from: daysAgo(3 * 366), to: today, channel: "ONLINE" } },
    { name: "last month, one office", scope: REGIONAL, search: { period: "last-month", office: office!.code } },
    { name: "this year", scope: OFFICE, search: { period: "year" } },
    { name: "custom 3 years, all five filters but office", scope: OFFICE, search: { period: "custom", from: daysAgo(3 * 366), to: today, service: service!.code, kind: "PUNGLI", channel: "ONLINE", category: pungliCategory!.code } },
    { name: "this year, one service, pungli", scope: OFFICE, search: { period: "year", service: service!.code, kind: "PUNGLI" } },
  ];
  const rows: Compared[] = [];
  for (const view of views) {
    const parsed = parseStatisticsFilters(view.search, now);
    if (!parsed.ok) throw new Error(`the period of ${view.name} did not resolve`);
    const actor = await loadActor(view.scope.email);
    const name = `${view.scope.label}, ${view.name}`;
    const live = await time(`${name}: cubes`, runs, () => getStatistics(actor, parsed.filters, { now }));
    const baseline = await time(`${name}: case rows`, baselineRuns, () => getStatisticsFromCaseRows(actor, parsed.filters, { now }));
    const agree = JSON.stringify(live.last) === JSON.stringify(baseline.last);
    if (!agree) console.error(`statistics bench: the rollups and the case rows disagree for ${name}`);
    rows.push({ figure: live.timed, baseline: baseline.timed, note: `${live.last.volume.received} received, ${live.last.backlog.open} open${agree ? "" : ", DISAGREE"}` });
  }
  printComparisons(
    `Statistics views at ${now.toISOString()} (load average ${os.loadavg()[0]!.toFixed(1)}): computed live from the cubes vs. straight from the case rows (baseline)`,
    rows,
  );

  if (options.viewsOnly) return;
  const [sizes] = await db.$queryRaw<{ cases: number; counts: number; values: number }[]>`
    SELECT (SELECT count(*) FROM "Case")::int AS "cases", (SELECT count(*) FROM "StatisticsCube")::int AS "counts",
      (SELECT count(*) FROM "StatisticsCubeValue")::int AS "values"`;
  const rebuild = await time("full rebuild of the rollups (npm run statistics:rebuild)", 1, () => rebuildStatisticsRollups());
  const compaction = await time("compaction with nothing to fold", 3, () => compactStatisticsRollups());
  const prewarm = await time("one pre-warm round of the stored views", 1, () => prewarmStatisticsSnapshots(new Date(now.getTime() + 24 * 60 * 60 * 1000)));
  printComparisons(`Background work (${sizes!.cases} cases; cubes: ${sizes!.counts} count rows, ${sizes!.values} value rows)`, [
    { figure: rebuild.timed },
    { figure: compaction.timed },
    { figure: prewarm.timed, note: JSON.stringify(prewarm.last) },
  ]);
}

async function time<Result>(name: string, runs: number, run: () => Promise<Result>): Promise<{ timed: Timed; last: Result }> {
  const timesMs: number[] = [];
  let last: Result | undefined;
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    last = await run();
    timesMs.push(performance.now() - started);
  }
  return { timed: { name, timesMs }, last: last as Result };
}

function toDateKey(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
