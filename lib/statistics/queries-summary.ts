import "server-only";

import { statusInSql } from "@/lib/cases/deadline-sql";
import { receivedWithinConditions } from "@/lib/cases/queue";
import { CLOSED_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

import {
  ESCALATED_SQL,
  RESOLUTION_ON_TIME_SQL,
  VERIFICATION_ON_TIME_SQL,
  resolutionMeasuredSql,
  verificationMeasuredSql,
} from "./definitions-sql";
import { AVERAGE_SCORE_SQL, toShare } from "./queries-sql";
import { distributionOfHistogram } from "./working-days-percentile";
import { monthsOfPeriod, type StatisticsPeriod } from "./period";
import type { StatisticsReport } from "./types";

/**
 * The headline figures over the reports received in the period, in one pass: deadlines,
 * outcomes and satisfaction. A case has at most one rating, so joining the ratings adds no rows.
 */

type SummaryRow = {
  received: number;
  resolved: number;
  rejected: number;
  forwarded: number;
  open: number;
  verificationMeasured: number;
  verificationOnTime: number;
  resolutionMeasured: number;
  resolutionOnTime: number;
  escalated: number;
  ratings: number;
  ratingAverage: number | null;
  score1: number;
  score2: number;
  score3: number;
  score4: number;
  score5: number;
  ratedResolved: number;
};

export type PeriodSummary = {
  received: number;
  byMonth: StatisticsReport["volume"]["byMonth"];
  deadlines: Omit<StatisticsReport["deadlines"], "overdueNow">;
  outcomes: Omit<StatisticsReport["outcomes"], "rejectionReasons" | "forwardedTo">;
  satisfaction: StatisticsReport["satisfaction"];
};

const RESOLVED_SQL = Prisma.sql`c."status" = 'RESOLVED'::"CaseStatus"`;
const VERIFY_DAYS_SQL = Prisma.sql`c."verificationWorkingDays" IS NOT NULL`;
const RESOLVE_DAYS_SQL = Prisma.sql`(${RESOLVED_SQL} AND c."resolutionWorkingDays" IS NOT NULL)`;

/**
 * Received, pungli and closed per month, each a filtered count over the month's receipt days
 * (the queue's own date conditions), so the one-row summary needs no grouping.
 */
function monthCountsSql(period: StatisticsPeriod): Prisma.Sql {
  return Prisma.join(
    monthsOfPeriod(period).map((month, index) => {
      const inMonth = Prisma.join(receivedWithinConditions({ from: `${month}-01`, to: lastDayOfMonth(month) }), " AND ");
      const column = (name: string) => Prisma.raw(`"month${index}${name}"`);
      return Prisma.sql`
      count(*) FILTER (WHERE ${inMonth})::int AS ${column("Received")},
      count(*) FILTER (WHERE ${inMonth} AND c."kind" = 'PUNGLI'::"CaseKind")::int AS ${column("Pungli")},
      count(*) FILTER (WHERE ${inMonth} AND ${statusInSql(CLOSED_STATUSES)})::int AS ${column("Closed")}`;
    }),
    ",",
  );
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

export function periodSummarySql(casesInPeriod: Prisma.Sql, period: StatisticsPeriod, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT
      ${monthCountsSql(period)},
      count(*)::int AS "received",
      count(*) FILTER (WHERE ${RESOLVED_SQL})::int AS "resolved",
      count(*) FILTER (WHERE c."status" = 'REJECTED'::"CaseStatus")::int AS "rejected",
      count(*) FILTER (WHERE c."status" = 'FORWARDED'::"CaseStatus")::int AS "forwarded",
      count(*) FILTER (WHERE ${statusInSql(OPEN_STATUSES)})::int AS "open",
      count(*) FILTER (WHERE ${verificationMeasuredSql(now)})::int AS "verificationMeasured",
      count(*) FILTER (WHERE ${VERIFICATION_ON_TIME_SQL})::int AS "verificationOnTime",
      count(*) FILTER (WHERE ${resolutionMeasuredSql(now)})::int AS "resolutionMeasured",
      count(*) FILTER (WHERE ${RESOLUTION_ON_TIME_SQL})::int AS "resolutionOnTime",
      count(*) FILTER (WHERE ${ESCALATED_SQL})::int AS "escalated",
      count(r."score")::int AS "ratings",
      ${AVERAGE_SCORE_SQL} AS "ratingAverage",
      count(*) FILTER (WHERE r."score" = 1)::int AS "score1",
      count(*) FILTER (WHERE r."score" = 2)::int AS "score2",
      count(*) FILTER (WHERE r."score" = 3)::int AS "score3",
      count(*) FILTER (WHERE r."score" = 4)::int AS "score4",
      count(*) FILTER (WHERE r."score" = 5)::int AS "score5",
      count(*) FILTER (WHERE ${RESOLVED_SQL} AND r."score" IS NOT NULL)::int AS "ratedResolved"
    FROM "Case" c
    LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
    WHERE ${casesInPeriod}`;
}

/**
 * How many cases took each number of working days to verify and to resolve: a few dozen rows
 * whatever the number of cases, from which ./working-days-percentile.ts takes the median and
 * the 90th percentile. Counting per value keeps the scan parallel, where percentile_cont
 * would sort every case's value in one process.
 */
export function workingDaysHistogramSql(casesInPeriod: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT 'verify' AS "measure", c."verificationWorkingDays" AS "days", count(*)::int AS "count"
    FROM "Case" c WHERE ${casesInPeriod} AND ${VERIFY_DAYS_SQL}
    GROUP BY c."verificationWorkingDays"
    UNION ALL
    SELECT 'resolve', c."resolutionWorkingDays", count(*)::int
    FROM "Case" c WHERE ${casesInPeriod} AND ${RESOLVE_DAYS_SQL}
    GROUP BY c."resolutionWorkingDays"`;
}

type HistogramRow = { measure: "verify" | "resolve"; days: number; count: number };

export async function queryPeriodSummary(casesInPeriod: Prisma.Sql, period: StatisticsPeriod, now: Date): Promise<PeriodSummary> {
  const [[row], histogram] = await Promise.all([
    readDb.$queryRaw<SummaryRow[]>(periodSummarySql(casesInPeriod, period, now)),
    readDb.$queryRaw<HistogramRow[]>(workingDaysHistogramSql(casesInPeriod)),
  ]);
  if (!row) throw new Error("An aggregate without GROUP BY returned no row");
  const monthCount = (index: number, name: string) => (row as unknown as Record<string, number>)[`month${index}${name}`] ?? 0;
  return {
    received: row.received,
    byMonth: monthsOfPeriod(period).map((month, index) => ({ month, received: monthCount(index, "Received"), pungli: monthCount(index, "Pungli"), closed: monthCount(index, "Closed") })),
    deadlines: {
      verificationOnTime: toShare(row.verificationOnTime, row.verificationMeasured),
      resolutionOnTime: toShare(row.resolutionOnTime, row.resolutionMeasured),
      daysToVerify: distributionOfHistogram(histogram.filter((entry) => entry.measure === "verify")),
      daysToResolve: distributionOfHistogram(histogram.filter((entry) => entry.measure === "resolve")),
      escalated: row.escalated,
    },
    outcomes: { resolved: row.resolved, rejected: row.rejected, forwarded: row.forwarded, open: row.open },
    satisfaction: {
      ratings: row.ratings,
      average: row.ratingAverage,
      distribution: [row.score1, row.score2, row.score3, row.score4, row.score5].map((count, index) => ({ score: index + 1, count })),
      ratedShareOfResolved: toShare(row.ratedResolved, row.resolved),
    },
  };
}
