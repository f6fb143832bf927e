import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { officeScopeSql } from "@/lib/cases/access";
import { CURRENT_DUE_SQL, statusInSql } from "@/lib/cases/deadline-sql";
import { caseAttributeConditions } from "@/lib/cases/queue";
import { CLOCK_RUNNING_STATUSES } from "@/lib/cases/workflow";
import { Prisma } from "@/lib/generated/prisma/client";

import type { StatisticsFilters } from "./types";

/**
 * The daily rollups (prisma/raw/020_statistics_rollups.sql) as row sources the statistics sum
 * over, aliased `c` so the queue's attribute conditions (lib/cases/queue.ts) apply unchanged.
 * Each source is the rollup rows plus two corrections computed from the case rows:
 *
 * - Figures that depend on "now" (late without a decision, open and overdue) come from the
 *   rollups for the deadlines that fell due in earlier hours, and from the cases whose deadline
 *   falls due in the current hour before `now` (an index keeps that to one hour of deadlines).
 * - The cases the actor declared involvement in are not theirs to count (lib/cases/access.ts):
 *   their contributions, computed from their rows by the same SQL functions the triggers use,
 *   are subtracted. An actor is involved in a handful of cases, so this is a few rows. The
 *   public figures (lib/transparency) pass no actor: they count every case.
 */

/** The StatisticsDaily columns summed by the figures. */
export const COUNT_COLUMNS = [
  "received",
  "resolved",
  "rejected",
  "forwarded",
  "open",
  "verificationDecided",
  "verificationOnTime",
  "resolutionSettled",
  "resolutionOnTime",
  "escalated",
  "ratings",
  "ratingSum",
  "score1",
  "score2",
  "score3",
  "score4",
  "score5",
  "ratedResolved",
  "withAmount",
  "aboveFee",
  "aboveFeeRupiah",
  "withBroker",
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

const KEY_COLUMNS = Prisma.raw(`"day", "officeId", "serviceId", "categoryId", "kind", "channel"`);
const CASE_KEY_SQL = Prisma.sql`(c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel"`;

function quoted(column: string, table?: string): string {
  return table ? `${table}."${column}"` : `"${column}"`;
}

/** The scope's offices and the filters, over a row source aliased `c`; with the period unless `withPeriod` is false. */
export function rollupConditionsSql(actor: StaffActor, filters: StatisticsFilters, options: { withPeriod: boolean }): Prisma.Sql {
  const conditions = [officeScopeSql(actor, "c"), ...caseAttributeConditions(filters)];
  if (options.withPeriod) conditions.push(Prisma.sql`c."day" BETWEEN ${filters.period.from}::date AND ${filters.period.to}::date`);
  return Prisma.join(conditions, " AND ");
}

/** The cases `actor` declared involvement in, aliased `c`, with their rating score as `score`. */
function involvedCasesSql(actor: StaffActor): Prisma.Sql {
  return Prisma.sql`"Case" c
    JOIN "CaseInvolvement" involvement ON involvement."caseId" = c."id" AND involvement."staffUserId" = ${actor.id}::uuid
    LEFT JOIN "SatisfactionRating" rating ON rating."caseId" = c."id"`;
}

/** The start of the UTC hour of an instant: the rollups key deadlines by it. */
export function hourStartOf(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 3_600_000) * 3_600_000);
}

/**
 * StatisticsDaily as seen by `actor` (every case when null) at `now`: the key columns, every count column, and
 * "verificationLate" (undecided, verification deadline before now) and "resolutionLate"
 * (verified, clock running, resolution deadline before now), which with "verificationDecided"
 * and "resolutionSettled" make the measured figures of lib/statistics/definitions-sql.ts.
 */
export function countFactsSql(actor: StaffActor | null, now: Date): Prisma.Sql {
  const hourStart = hourStartOf(now);
  const zeros = Prisma.raw(COUNT_COLUMNS.map((column) => `0 AS ${quoted(column)}`).join(", "));
  const counts = Prisma.raw(COUNT_COLUMNS.map((column) => quoted(column)).join(", "));
  const negatedCounts = Prisma.raw(COUNT_COLUMNS.map((column) => `-${quoted(column, "s")}`).join(", "));
  const undecided = Prisma.sql`c."verifiedAt" IS NULL AND c."closedAt" IS NULL`;
  const resolutionPending = Prisma.sql`c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND ${statusInSql(CLOCK_RUNNING_STATUSES)}`;
  return Prisma.sql`(
    SELECT ${KEY_COLUMNS}, ${counts}, 0 AS "verificationLate", 0 AS "resolutionLate"
    FROM "StatisticsDaily"
    UNION ALL
    SELECT ${KEY_COLUMNS}, ${zeros},
      CASE WHEN "measure" = 'verificationPending' THEN "count" ELSE 0 END,
      CASE WHEN "measure" = 'resolutionPending' THEN "count" ELSE 0 END
    FROM "StatisticsDailyValue"
    WHERE "measure" IN ('verificationPending', 'resolutionPending') AND "dueHour" < ${hourStart}
    UNION ALL
    SELECT ${CASE_KEY_SQL}, ${zeros}, 1, 0
    FROM "Case" c
    WHERE ${undecided} AND c."verificationDueAt" >= ${hourStart} AND c."verificationDueAt" < ${now}
    UNION ALL
    SELECT ${CASE_KEY_SQL}, ${zeros}, 0, 1
    FROM "Case" c
    WHERE ${statusInSql(CLOCK_RUNNING_STATUSES)} AND ${CURRENT_DUE_SQL} >= ${hourStart} AND ${CURRENT_DUE_SQL} < ${now}
      AND c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL
    ${
      actor
        ? Prisma.sql`UNION ALL
    SELECT s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel", ${negatedCounts},
      -(${undecided} AND c."verificationDueAt" < ${now})::int,
      -(${resolutionPending} AND c."resolutionDueAt" < ${now})::int
    FROM ${involvedCasesSql(actor)}
    CROSS JOIN LATERAL "statistics_case_counts"(c, rating."score") s`
        : Prisma.empty
    }
  )`;
}

/**
 * StatisticsDailyValue as seen by `actor` (every case when null): the key columns, "measure", "dueHour", "value",
 * "label" and "count", for the measures named. The involved cases' rows count -1.
 */
export function valueFactsSql(actor: StaffActor | null, measures: readonly string[]): Prisma.Sql {
  const measureList = Prisma.join(measures.map((measure) => Prisma.sql`${measure}`));
  return Prisma.sql`(
    SELECT ${KEY_COLUMNS}, "measure", "dueHour", "value", "label", "count"
    FROM "StatisticsDailyValue"
    WHERE "measure" IN (${measureList})
    ${
      actor
        ? Prisma.sql`UNION ALL
    SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."dueHour", v."value", v."label", -1
    FROM ${involvedCasesSql(actor)}
    CROSS JOIN LATERAL "statistics_case_values"(c) v
    WHERE v."measure" IN (${measureList})`
        : Prisma.empty
    }
  )`;
}
