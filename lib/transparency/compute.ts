import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { RESOLUTION_ON_TIME_SQL, resolutionMeasuredSql } from "@/lib/statistics/definitions-sql";
import { GRAIN_BITS } from "@/lib/statistics/cube-plan";
import { countFactsSql, selectCube, valueFactsSql } from "@/lib/statistics/rollups-sql";
import { medianOfHistogram } from "@/lib/statistics/working-days-percentile";

import { resolvePublicPeriod, type PublicPeriod } from "./period";
import { COUNT_ROUNDING_BASE, protectCount, protectMeasure, protectPercent } from "./protection";
import type { PublicFigures, PublicMonth, PublicOffice, PublicStatistics } from "./types";

/**
 * Computes the public figures from the statistics cubes over the reports received in the
 * period (GROUPING SETS: per office and month, per office, per month, national), then protects them
 * (./protection.ts). No case row, text, code or staff field is read into JavaScript: only the
 * aggregates and the offices' public names.
 */

export type TransparencyRules = { minimumCount: number; minimumCases: number; refreshMinutes: number };

/** The app's client or a transaction's: the snapshot refresh computes inside its lock's transaction. */
type QueryClient = Pick<Prisma.TransactionClient, "$queryRaw" | "office">;

type AggregateRow = {
  officeId: number | null;
  month: string | null;
  /** GROUPING(officeId, month): 0 office and month, 1 office, 2 month, 3 national. */
  level: number;
  received: number;
  resolutionMeasured: number;
  resolutionOnTime: number;
  resolvedWithDays: number;
  medianResolutionDays: number | null;
  ratings: number;
  averageScore: number | null;
};

/**
 * The aggregates summed from the statistics cubes (lib/statistics/rollups-sql.ts): the
 * counts and the ratings average in SQL (numeric, as avg computes it), the median from the
 * working-days histogram (as percentile_cont). The period is whole Jakarta days.
 */
async function queryAggregates(client: QueryClient, period: PublicPeriod, now: Date): Promise<AggregateRow[]> {
  // Grouped by office and month: the office grain of the cubes, month and day buckets.
  const selection = selectCube(null, {}, { groupBits: GRAIN_BITS.office, period: { from: period.from, to: period.to }, now, withYears: false });
  const [counts, histogram] = await Promise.all([
    client.$queryRaw<Omit<AggregateRow, "resolvedWithDays" | "medianResolutionDays">[]>`
      SELECT
        c."officeId",
        to_char(c."day", 'YYYY-MM') AS "month",
        GROUPING(c."officeId", to_char(c."day", 'YYYY-MM'))::int AS "level",
        sum(c."received")::int AS "received",
        sum(c."resolutionSettled" + c."resolutionLate")::int AS "resolutionMeasured",
        sum(c."resolutionOnTime")::int AS "resolutionOnTime",
        sum(c."ratings")::int AS "ratings",
        (sum(c."ratingSum")::numeric / NULLIF(sum(c."ratings"), 0)::numeric)::float8 AS "averageScore"
      FROM ${countFactsSql(null, now, selection)} c
      GROUP BY GROUPING SETS ((c."officeId", to_char(c."day", 'YYYY-MM')), (c."officeId"), (to_char(c."day", 'YYYY-MM')), ())`,
    client.$queryRaw<{ officeId: number; month: string; days: bigint; count: number }[]>`
      SELECT c."officeId", to_char(c."day", 'YYYY-MM') AS "month", c."value" AS "days", sum(c."count")::int AS "count"
      FROM ${valueFactsSql(null, ["resolveDays"], selection)} c
      GROUP BY 1, 2, 3
      HAVING sum(c."count") <> 0`,
  ]);
  const histogramOf = (row: { officeId: number | null; month: string | null; level: number }) =>
    histogram
      .filter((entry) => (row.level & 2 ? true : entry.officeId === row.officeId) && (row.level & 1 ? true : entry.month === row.month))
      .map((entry) => ({ days: Number(entry.days), count: entry.count }));
  return counts
    .filter((row) => row.level === 3 || row.received !== 0)
    .map((row) => {
      const median = medianOfHistogram(histogramOf(row));
      return { ...row, resolvedWithDays: median.count, medianResolutionDays: median.value };
    });
}

/**
 * The aggregates straight from the case rows with lib/statistics/definitions-sql.ts: the
 * reference the rollups are tested against (tests/integration/statistics-rollups.test.ts).
 */
async function queryAggregatesFromCaseRows(client: QueryClient, period: PublicPeriod, now: Date): Promise<AggregateRow[]> {
  return client.$queryRaw<AggregateRow[]>`
    WITH received AS (
      SELECT
        c."officeId" AS "officeId",
        to_char(c."receivedAt" + interval '7 hours', 'YYYY-MM') AS "month",
        ${resolutionMeasuredSql(now)} AS "isMeasured",
        ${RESOLUTION_ON_TIME_SQL} AS "isOnTime",
        CASE WHEN c."status" = 'RESOLVED'::"CaseStatus" THEN c."resolutionWorkingDays" END AS "resolutionDays",
        r."score" AS "score"
      FROM "Case" c
      LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
      WHERE c."receivedAt" >= ${period.receivedFrom} AND c."receivedAt" < ${period.receivedBefore}
    )
    SELECT
      "officeId",
      "month",
      GROUPING("officeId", "month")::int AS "level",
      count(*)::int AS "received",
      count(*) FILTER (WHERE "isMeasured")::int AS "resolutionMeasured",
      count(*) FILTER (WHERE "isMeasured" AND "isOnTime")::int AS "resolutionOnTime",
      count("resolutionDays")::int AS "resolvedWithDays",
      (percentile_cont(0.5::float8) WITHIN GROUP (ORDER BY "resolutionDays"))::float8 AS "medianResolutionDays",
      count("score")::int AS "ratings",
      avg("score")::float8 AS "averageScore"
    FROM received
    GROUP BY GROUPING SETS (("officeId", "month"), ("officeId"), ("month"), ())`;
}

const EMPTY_ROW: Omit<AggregateRow, "officeId" | "month" | "level"> = {
  received: 0,
  resolutionMeasured: 0,
  resolutionOnTime: 0,
  resolvedWithDays: 0,
  medianResolutionDays: null,
  ratings: 0,
  averageScore: null,
};

function toFigures(row: Omit<AggregateRow, "officeId" | "month" | "level">, rules: TransparencyRules): PublicFigures {
  return {
    received: protectCount(row.received, rules.minimumCount),
    resolutionOnTimePercent: protectPercent(row.resolutionOnTime, row.resolutionMeasured, rules.minimumCases),
    medianResolutionWorkingDays: protectMeasure(row.medianResolutionDays, row.resolvedWithDays, rules.minimumCases),
    satisfaction: {
      ratings: protectCount(row.ratings, rules.minimumCount),
      averageScore: protectMeasure(row.averageScore, row.ratings, rules.minimumCases),
    },
  };
}

function toMonths(months: string[], rowsByMonth: Map<string, AggregateRow>, rules: TransparencyRules): PublicMonth[] {
  return months.map((month) => {
    const row = rowsByMonth.get(month) ?? { ...EMPTY_ROW, officeId: null, month, level: 0 };
    return {
      month,
      received: protectCount(row.received, rules.minimumCount),
      resolutionOnTimePercent: protectPercent(row.resolutionOnTime, row.resolutionMeasured, rules.minimumCases),
    };
  });
}

export async function computePublicStatistics(
  client: QueryClient,
  options: { now: Date; rules: TransparencyRules; source?: "rollups" | "case rows" },
): Promise<PublicStatistics> {
  const { now, rules } = options;
  const period = resolvePublicPeriod(now);
  const [rows, offices] = await Promise.all([
    options.source === "case rows" ? queryAggregatesFromCaseRows(client, period, now) : queryAggregates(client, period, now),
    client.office.findMany({ select: { id: true, code: true, name: true, city: true, province: true }, orderBy: [{ city: "asc" }, { name: "asc" }] }),
  ]);

  const national = rows.find((row) => row.level === 3) ?? { ...EMPTY_ROW, officeId: null, month: null, level: 3 };
  const nationalMonths = new Map(rows.filter((row) => row.level === 2 && row.month).map((row) => [row.month!, row]));
  const officeTotals = new Map(rows.filter((row) => row.level === 1 && row.officeId !== null).map((row) => [row.officeId!, row]));
  const officeMonths = new Map<number, Map<string, AggregateRow>>();
  for (const row of rows) {
    if (row.level !== 0 || row.officeId === null || !row.month) continue;
    const months = officeMonths.get(row.officeId) ?? new Map<string, AggregateRow>();
    months.set(row.month, row);
    officeMonths.set(row.officeId, months);
  }

  // Every office is listed, active or not: listing an inactive one only when it had reports
  // would tell that its "< 5" means 1 to 4.
  const publicOffices: PublicOffice[] = offices
    .map((office) => ({
      code: office.code,
      name: office.name,
      city: office.city,
      province: office.province,
      figures: toFigures(officeTotals.get(office.id) ?? EMPTY_ROW, rules),
      months: toMonths(period.months, officeMonths.get(office.id) ?? new Map(), rules),
    }));

  return {
    computedAt: now.toISOString(),
    period: { from: period.from, to: period.to, months: period.months },
    rules: { minimumCount: rules.minimumCount, roundingBase: COUNT_ROUNDING_BASE, minimumCases: rules.minimumCases, refreshMinutes: rules.refreshMinutes },
    national: { figures: toFigures(national, rules), months: toMonths(period.months, nationalMonths, rules) },
    offices: publicOffices,
  };
}
