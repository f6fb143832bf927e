import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { CURRENT_DUE_SQL, statusInSql } from "@/lib/cases/deadline-sql";
import { caseAttributeConditions, receivedWithinConditions } from "@/lib/cases/queue";
import { CLOCK_RUNNING_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import { readDb } from "@/lib/db";
import { deadlineThresholds, type Holidays } from "@/lib/deadlines/case-clock";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, Channel, ForwardTarget } from "@/lib/generated/prisma/enums";

import { backlogBuckets } from "./queries-backlog";
import type { Breakdowns, BreakdownCounts, Closings } from "./queries-breakdowns";
import type { PungliCounts } from "./queries-pungli";
import { toShare } from "./queries-sql";
import type { PeriodSummary } from "./queries-summary";
import { FULL_GRAIN, GRAIN_BITS } from "./cube-plan";
import { COUNT_COLUMNS, countFactsSql, rollupConditionsSql, selectCube, valueFactsSql, type CubeSelection, type CountColumn } from "./rollups-sql";
import { monthsOfPeriod } from "./period";
import type { StatisticsFilters, StatisticsReport } from "./types";
import { distributionOfHistogram, rupiahMedianOfHistogram } from "./working-days-percentile";

/**
 * The statistics figures summed from the statistics cubes (./rollups-sql.ts), in the shapes the
 * queries over the case rows (./queries-summary.ts and the others) return, so ./queries.ts
 * assembles the report the same way from either. Each grouping reads the smallest grain that
 * keeps what it needs, over year and month buckets: a national view over years sums a few
 * thousand rows, not a row per case. tests/integration/statistics-rollups.test.ts proves both
 * give the same report for every filter combination.
 */

type Sums = Record<CountColumn | "verificationLate" | "resolutionLate", number>;

const SUM_COLUMNS = [...COUNT_COLUMNS, "verificationLate", "resolutionLate"] as const;
const SUMS_SQL = Prisma.raw(SUM_COLUMNS.map((column) => `sum(c."${column}")::${column === "aboveFeeRupiah" ? "float8" : "int"} AS "${column}"`).join(", "));

function emptySums(): Sums {
  return Object.fromEntries(SUM_COLUMNS.map((column) => [column, 0])) as Sums;
}

function addSums(total: Sums, row: Sums): Sums {
  for (const column of SUM_COLUMNS) total[column] += row[column];
  return total;
}

/** Round half up to two decimals, exactly (as numeric round does), from integer sum and count. */
function averageOf(sum: number, count: number): number | null {
  return count > 0 ? Math.floor((200 * sum + count) / (2 * count)) / 100 : null;
}

export type RollupFigures = {
  summary: PeriodSummary;
  breakdowns: Breakdowns;
  closings: Closings;
  pungli: { total: PungliCounts; byService: (PungliCounts & { serviceId: number | null })[] };
  backlog: StatisticsReport["backlog"] & { overdueNow: number };
};

export async function queryRollupFigures(actor: StaffActor, filters: StatisticsFilters, now: Date, holidays: Holidays): Promise<RollupFigures> {
  const conditions = rollupConditionsSql(actor, filters);
  const period = filters.period;
  // Each grouping reads the smallest cube grain that keeps what it groups and filters by
  // (./cube-plan.ts): by month and by (kind, channel, category), a few hundred rows; by
  // (office, service); the histograms without the service, and the rupiah one with it. The
  // single breakdowns, the total and the pungli figures are their sums.
  const attributes = selectCube(actor, filters, { groupBits: GRAIN_BITS.kind | GRAIN_BITS.category | GRAIN_BITS.channel, period, now, withYears: false });
  const offices = selectCube(actor, filters, { groupBits: GRAIN_BITS.office | GRAIN_BITS.service, period, now, withYears: true });
  const histograms = selectCube(actor, filters, { groupBits: 0, period, now, withYears: true });
  const byService = selectCube(actor, filters, { groupBits: GRAIN_BITS.service, period, now, withYears: true });
  const [attributeRows, officeRows, pairRows, histogramRows, amountRows, backlog] = await Promise.all([
    readDb.$queryRaw<GroupRow[]>`
      SELECT
        CASE WHEN GROUPING(to_char(c."day", 'YYYY-MM')) = 0 THEN 'month' ELSE 'attributes' END AS "grouping",
        to_char(c."day", 'YYYY-MM') AS "month", c."kind", c."channel", c."categoryId", NULL::int AS "officeId", NULL::int AS "serviceId",
        ${SUMS_SQL}
      FROM ${countFactsSql(actor, now, attributes)} c
      WHERE ${conditions}
      GROUP BY GROUPING SETS ((to_char(c."day", 'YYYY-MM')), (c."kind", c."channel", c."categoryId"))`,
    // Every sum per office and per service; per (office, service) only the reports received
    // (the office comparison lists them), so the thousands of pairs cost one column each.
    readDb.$queryRaw<GroupRow[]>`
      SELECT
        CASE WHEN GROUPING(c."officeId") = 0 THEN 'offices' ELSE 'services' END AS "grouping",
        NULL AS "month", NULL AS "kind", NULL AS "channel", NULL::int AS "categoryId", c."officeId", c."serviceId",
        ${SUMS_SQL}
      FROM ${countFactsSql(actor, now, offices)} c
      WHERE ${conditions}
      GROUP BY GROUPING SETS ((c."officeId"), (c."serviceId"))`,
    readDb.$queryRaw<{ officeId: number; serviceId: number | null; received: number }[]>`
      SELECT c."officeId", c."serviceId", sum(c."received")::int AS "received"
      FROM ${countFactsSql(actor, now, offices, { late: false })} c
      WHERE ${conditions}
      GROUP BY c."officeId", c."serviceId"
      HAVING sum(c."received") <> 0`,
    readDb.$queryRaw<ValueRow[]>`
      SELECT c."measure", NULL::int AS "serviceId", c."value", c."label", sum(c."count")::int AS "count"
      FROM ${valueFactsSql(actor, ["verifyDays", "resolveDays", "rejectionReason", "forwardedTo"], histograms)} c
      WHERE ${conditions}
      GROUP BY 1, 3, 4
      HAVING sum(c."count") <> 0`,
    readDb.$queryRaw<ValueRow[]>`
      SELECT c."measure", c."serviceId", c."value", NULL AS "label", sum(c."count")::int AS "count"
      FROM ${valueFactsSql(actor, ["aboveFeeRupiah"], byService)} c
      WHERE ${conditions}
      GROUP BY 1, 2, 3
      HAVING sum(c."count") <> 0`,
    queryRollupBacklog(actor, filters, now, holidays),
  ]);
  const values = [...histogramRows, ...amountRows];
  const rows = [...attributeRows, ...officeRows].map((row) => ({ ...row, pungli: row.pungli ?? 0 })).filter((row) => row.received !== 0);
  const byGrouping = (grouping: GroupRow["grouping"]) => rows.filter((row) => row.grouping === grouping);
  return {
    summary: toSummary(byGrouping("attributes"), byGrouping("month"), values, filters),
    breakdowns: toBreakdowns(byGrouping("attributes"), byGrouping("offices"), byGrouping("services"), pairRows),
    closings: {
      byRejectionReason: sumLabels(values, "rejectionReason").map(([reason, count]) => ({ reason, count })),
      byForwardTarget: sumLabels(values, "forwardedTo").map(([target, count]) => ({ target: target as ForwardTarget, count })),
    },
    pungli: toPungli(byGrouping("services"), values),
    backlog,
  };
}

type GroupRow = Sums & {
  grouping: "month" | "attributes" | "offices" | "services";
  month: string | null;
  kind: CaseKind | null;
  channel: Channel | null;
  categoryId: number | null;
  officeId: number | null;
  serviceId: number | null;
  pungli: number;
};
type ValueRow = { measure: string; serviceId: number | null; value: bigint | null; label: string | null; count: number };

function toSummary(attributeRows: readonly GroupRow[], monthRows: readonly GroupRow[], values: readonly ValueRow[], filters: StatisticsFilters): PeriodSummary {
  const total = attributeRows.reduce(addSums, emptySums());
  const histogram = (measure: string) => sumValues(values.filter((row) => row.measure === measure)).map(([days, count]) => ({ days, count }));
  return {
    received: total.received,
    byMonth: monthsOfPeriod(filters.period).map((month) => {
      const row = monthRows.find((candidate) => candidate.month === month);
      return { month, received: row?.received ?? 0, pungli: row?.pungli ?? 0, closed: row ? row.resolved + row.rejected + row.forwarded : 0 };
    }),
    deadlines: {
      verificationOnTime: toShare(total.verificationOnTime, total.verificationDecided + total.verificationLate),
      resolutionOnTime: toShare(total.resolutionOnTime, total.resolutionSettled + total.resolutionLate),
      daysToVerify: distributionOfHistogram(histogram("verifyDays")),
      daysToResolve: distributionOfHistogram(histogram("resolveDays")),
      escalated: total.escalated,
    },
    outcomes: { resolved: total.resolved, rejected: total.rejected, forwarded: total.forwarded, open: total.open },
    satisfaction: {
      ratings: total.ratings,
      average: averageOf(total.ratingSum, total.ratings),
      distribution: [total.score1, total.score2, total.score3, total.score4, total.score5].map((count, index) => ({ score: index + 1, count })),
      ratedShareOfResolved: toShare(total.ratedResolved, total.resolved),
    },
  };
}

/** A measure's counts per label, over every service. */
function sumLabels(rows: readonly ValueRow[], measure: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) if (row.measure === measure) counts.set(row.label!, (counts.get(row.label!) ?? 0) + row.count);
  return [...counts].filter(([, count]) => count !== 0);
}

/** A histogram's counts per value, over every service. */
function sumValues(rows: readonly ValueRow[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(Number(row.value), (counts.get(Number(row.value)) ?? 0) + row.count);
  return [...counts];
}

function toBreakdownCounts(sums: Sums): BreakdownCounts {
  return {
    received: sums.received,
    pungli: 0,
    closed: sums.resolved + sums.rejected + sums.forwarded,
    verificationMeasured: sums.verificationDecided + sums.verificationLate,
    verificationOnTime: sums.verificationOnTime,
    resolutionMeasured: sums.resolutionSettled + sums.resolutionLate,
    resolutionOnTime: sums.resolutionOnTime,
    ratings: sums.ratings,
    ratingAverage: sums.ratings > 0 ? Math.round((sums.ratingSum / sums.ratings) * 100) / 100 : null,
  };
}

/** The rows' sums per key, in the order the keys first appear. */
function groupBy<Key>(rows: readonly GroupRow[], keyOf: (row: GroupRow) => Key): [Key, BreakdownCounts][] {
  const groups = new Map<Key, { sums: Sums; pungli: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { sums: emptySums(), pungli: 0 };
    addSums(group.sums, row);
    group.pungli += row.pungli;
    groups.set(key, group);
  }
  return [...groups].map(([key, group]) => [key, { ...toBreakdownCounts(group.sums), pungli: group.pungli }]);
}

function toBreakdowns(
  attributeRows: readonly GroupRow[],
  officeRows: readonly GroupRow[],
  serviceRows: readonly GroupRow[],
  pairRows: readonly { officeId: number; serviceId: number | null; received: number }[],
): Breakdowns {
  const pairCounts = (received: number) => ({ ...toBreakdownCounts({ ...emptySums(), received }), pungli: 0 });
  return {
    byKind: groupBy(attributeRows, (row) => row.kind!).map(([kind, counts]) => ({ ...counts, kind })),
    byChannel: groupBy(attributeRows, (row) => row.channel!).map(([channel, counts]) => ({ ...counts, channel })),
    byCategory: groupBy(attributeRows, (row) => row.categoryId!).map(([categoryId, counts]) => ({ ...counts, categoryId })),
    byService: groupBy(serviceRows, (row) => row.serviceId).map(([serviceId, counts]) => ({ ...counts, serviceId })),
    byOffice: groupBy(officeRows, (row) => row.officeId!).map(([officeId, counts]) => ({ ...counts, officeId })),
    // Only "received" is read from the pairs (the office comparison's reports per service).
    byOfficeAndService: pairRows.map((row) => ({ ...pairCounts(row.received), officeId: row.officeId, serviceId: row.serviceId })),
  };
}

/** The pungli figures from the per-service groups: the pungli-only counts are zero for other kinds. */
function toPungli(serviceRows: readonly GroupRow[], values: readonly ValueRow[]): RollupFigures["pungli"] {
  const amounts = values.filter((row) => row.measure === "aboveFeeRupiah");
  const toCounts = (rows: readonly GroupRow[], serviceAmounts: readonly ValueRow[]): PungliCounts => {
    const sums = rows.reduce(addSums, emptySums());
    return {
      reports: rows.reduce((sum, row) => sum + row.pungli, 0),
      withAmount: sums.withAmount,
      aboveFeeCount: sums.aboveFee,
      totalAboveFeeRupiah: sums.aboveFeeRupiah,
      medianAboveFeeRupiah: rupiahMedianOfHistogram(sumValues(serviceAmounts).map(([amount, count]) => ({ amount, count }))),
      withBroker: sums.withBroker,
    };
  };
  const services = [...new Set(serviceRows.filter((row) => row.pungli > 0).map((row) => row.serviceId))];
  return {
    total: toCounts(serviceRows, amounts),
    byService: services.map((serviceId) => ({
      ...toCounts(
        serviceRows.filter((row) => row.serviceId === serviceId),
        amounts.filter((row) => row.serviceId === serviceId),
      ),
      serviceId,
    })),
  };
}

/**
 * The open backlog now from the count cube: the open and clock-running cases per age bucket
 * (each bucket a range of receipt days, covered by year, month and day buckets like a period),
 * the oldest month and then the oldest day with an open case (the exact instant is read from the
 * cases of that day), and the overdue cases: the clock-running ones minus those whose current
 * deadline is not yet past the overdue threshold, counted from the case rows through the partial
 * index on the current deadline (the cases received or verified within about one deadline's
 * length, however large the archive).
 */
async function queryRollupBacklog(actor: StaffActor, filters: StatisticsFilters, now: Date, holidays: Holidays): Promise<RollupFigures["backlog"]> {
  const { overdueBefore } = deadlineThresholds(now, holidays);
  const conditions = rollupConditionsSql(actor, filters);
  const today = toJakartaDateKey(now);
  const buckets = backlogBuckets(today);
  const casesInScope = Prisma.join([caseAccessSql(actor, "c"), ...caseAttributeConditions(filters)], " AND ");
  const openSums = (selection: CubeSelection) => readDb.$queryRaw<{ open: number; running: number }[]>`
    SELECT COALESCE(sum(c."open"), 0)::int AS "open", COALESCE(sum(c."running"), 0)::int AS "running"
    FROM ${countFactsSql(actor, now, selection, { late: false })} c
    WHERE ${conditions}`;
  const everyMonth = selectCube(actor, filters, { groupBits: 0, period: { from: EARLIEST_DAY, to: today }, now, withYears: false });
  const [bucketSums, openMonths, [notOverdue]] = await Promise.all([
    Promise.all(
      buckets.map((bucket) =>
        openSums(selectCube(actor, filters, { groupBits: 0, period: { from: bucket.receivedFrom ?? EARLIEST_DAY, to: bucket.receivedTo }, now, withYears: true })),
      ),
    ),
    readDb.$queryRaw<{ month: string }[]>`
      SELECT to_char(c."day", 'YYYY-MM-01') AS "month"
      FROM ${countFactsSql(actor, now, everyMonth, { late: false })} c
      WHERE ${conditions}
      GROUP BY 1
      HAVING sum(c."open") <> 0
      ORDER BY 1
      LIMIT 1`,
    readDb.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "Case" c
      WHERE ${casesInScope} AND ${statusInSql(CLOCK_RUNNING_STATUSES)} AND ${CURRENT_DUE_SQL} >= ${overdueBefore}`,
  ]);
  const counts = bucketSums.map(([row]) => ({ open: row?.open ?? 0, running: row?.running ?? 0 }));
  const oldestMonth = openMonths[0]?.month ?? null;
  const oldestDay = oldestMonth === null ? null : await queryOldestOpenDay(actor, conditions, oldestMonth, now);
  const oldest = oldestDay === null ? null : await queryOldestOpen(casesInScope, oldestDay);
  return {
    open: counts.reduce((sum, row) => sum + row.open, 0),
    byAge: buckets.map((bucket, index) => ({ ...bucket, count: counts[index]!.open })),
    oldestReceivedAt: oldest ? oldest.toISOString() : null,
    overdueNow: counts.reduce((sum, row) => sum + row.running, 0) - (notOverdue?.count ?? 0),
  };
}

/** The first receipt day the backlog looks back to: before any case this system holds. */
const EARLIEST_DAY = "1970-01-01";

/** The first receipt day of the month `monthStart` ("YYYY-MM-01") with an open case in scope, from the day buckets of the full grain. */
async function queryOldestOpenDay(actor: StaffActor, conditions: Prisma.Sql, monthStart: string, now: Date): Promise<string | null> {
  const start = new Date(`${monthStart}T00:00:00Z`);
  const monthEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  const days: CubeSelection = {
    countGrain: FULL_GRAIN,
    valueGrain: FULL_GRAIN,
    period: { from: monthStart, to: monthEnd },
    countSegments: [{ grain: FULL_GRAIN, level: "d", from: monthStart, to: monthEnd, sign: 1 }],
    valueSegments: [],
  };
  const [row] = await readDb.$queryRaw<{ day: string }[]>`
    SELECT to_char(c."day", 'YYYY-MM-DD') AS "day"
    FROM ${countFactsSql(actor, now, days, { late: false })} c
    WHERE ${conditions}
    GROUP BY 1
    HAVING sum(c."open") <> 0
    ORDER BY 1
    LIMIT 1`;
  return row?.day ?? null;
}

async function queryOldestOpen(casesInScope: Prisma.Sql, day: string): Promise<Date | null> {
  const [row] = await readDb.$queryRaw<{ oldest: Date | null }[]>`
    SELECT min(c."receivedAt") AS "oldest" FROM "Case" c
    WHERE ${casesInScope} AND ${statusInSql(OPEN_STATUSES)} AND ${Prisma.join(receivedWithinConditions({ from: day, to: day }), " AND ")}`;
  return row?.oldest ?? null;
}
