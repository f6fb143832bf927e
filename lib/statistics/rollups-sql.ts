import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseScopeKey, officeScopeSql } from "@/lib/cases/access";
import { statusInSql } from "@/lib/cases/deadline-sql";
import { caseAttributeConditions } from "@/lib/cases/queue";
import { CLOCK_RUNNING_STATUSES } from "@/lib/cases/workflow";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";

import type { StatisticsFilters } from "./types";
import { chooseGrain, COUNT_GRAINS, neededBits, periodSegments, VALUE_GRAINS, type Segment, type ViewFilters } from "./cube-plan";

/**
 * The statistics cubes (prisma/raw/020_statistics_rollups.sql) as row sources the statistics sum
 * over, aliased `c` with the case key columns ("day", "officeId", "serviceId", "categoryId",
 * "kind", "channel"; those the grain sums out are NULL), so the queue's attribute conditions
 * (lib/cases/queue.ts) apply unchanged. ./cube-plan.ts chooses the grain and the buckets. Each
 * source is, for its period:
 *
 * - the cube rows of the chosen grain and buckets (times the bucket's sign), plus the changes
 *   the compaction has not drained yet (full key, by day);
 * - figures that depend on "now" (late without a decision): the cubes count the cases still
 *   pending (received minus decided; "resolutionPending"), and the pending cases whose deadline
 *   is still ahead of `now` are subtracted, read from the case rows through partial indexes on
 *   the deadline. Those are the cases received or verified within about one deadline's length
 *   (a few thousand at a national scale), however large the archive;
 * - the cases the actor declared involvement in are not theirs to count (lib/cases/access.ts):
 *   their contributions, computed from their rows by the same SQL functions the triggers use,
 *   are subtracted. An actor is involved in a handful of cases, so this is a few rows. The
 *   public figures (lib/transparency) pass no actor: they count every case.
 */

/** The count columns summed by the figures. */
export const COUNT_COLUMNS = [
  "received",
  "pungli",
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
  "resolutionPending",
  "running",
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

const DIMENSIONS = Prisma.raw(`"officeId", "serviceId", "categoryId", "kind", "channel"`);
const CASE_KEY_SQL = Prisma.sql`(c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel"`;

/** Where the rows of a view come from: the grain of each cube and the buckets of the period (null: every day). */
export type CubeSelection = {
  countGrain: number;
  valueGrain: number;
  period: { from: string; to: string } | null;
  countSegments: Segment[];
  valueSegments: Segment[];
};

/**
 * The selection for a view of `actor` (null: every office) under `filters`, that also groups by
 * the dimension bits `groupBits`. `withYears: false` when it groups by month (a year bucket has
 * no month).
 */
export function selectCube(
  actor: StaffActor | null,
  filters: ViewFilters,
  options: { groupBits: number; period: { from: string; to: string } | null; now: Date; withYears: boolean },
): CubeSelection {
  const needed = neededBits(filters, actor === null || caseScopeKey(actor) === "all") | options.groupBits;
  const countGrain = chooseGrain(COUNT_GRAINS, needed);
  const valueGrain = chooseGrain(VALUE_GRAINS, needed);
  const today = toJakartaDateKey(options.now);
  const segments = (grain: number) => (options.period ? periodSegments(options.period, today, grain, { withYears: options.withYears }) : []);
  return {
    countGrain,
    valueGrain,
    period: options.period,
    countSegments: segments(countGrain),
    valueSegments: segments(valueGrain),
  };
}

function quoted(column: string, table?: string): string {
  return table ? `${table}."${column}"` : `"${column}"`;
}

/** The scope's offices and the filters, over a row source aliased `c` (the sources carry their period). */
export function rollupConditionsSql(actor: StaffActor, filters: Omit<StatisticsFilters, "period">): Prisma.Sql {
  return Prisma.join([officeScopeSql(actor, "c"), ...caseAttributeConditions(filters)], " AND ");
}

/** `VALUES` of the segments, joined to a cube aliased `c`: rows of the segments' grains and buckets, with the sign as `seg."sign"`. */
function segmentsJoinSql(segments: readonly Segment[]): Prisma.Sql {
  // No segment (a period after today): one that matches nothing keeps the statement valid.
  const rows = segments.length > 0 ? segments : [{ grain: -1, level: "d", from: "1970-01-01", to: "1970-01-01", sign: 1 } as const];
  const values = Prisma.join(rows.map((segment) => Prisma.sql`(${segment.grain}::smallint, ${segment.level}::"char", ${segment.from}::date, ${segment.to}::date, ${segment.sign}::int)`));
  return Prisma.sql`JOIN (VALUES ${values}) seg("grain", "level", "from", "to", "sign")
    ON c."grain" = seg."grain" AND c."level" = seg."level" AND c."day" BETWEEN seg."from" AND seg."to"`;
}

/** `day` of a row source within the selection's period (TRUE without a period). */
function withinPeriodSql(selection: CubeSelection, day: Prisma.Sql): Prisma.Sql {
  return selection.period ? Prisma.sql`${day} BETWEEN ${selection.period.from}::date AND ${selection.period.to}::date` : Prisma.sql`TRUE`;
}

/** The cases `actor` declared involvement in, aliased `c`, with their rating score as `score`. */
function involvedCasesSql(actor: StaffActor): Prisma.Sql {
  return Prisma.sql`"Case" c
    JOIN "CaseInvolvement" involvement ON involvement."caseId" = c."id" AND involvement."staffUserId" = ${actor.id}::uuid
    LEFT JOIN "SatisfactionRating" rating ON rating."caseId" = c."id"`;
}

/**
 * The counts as seen by `actor` (every case when null) at `now`, for the selection's period: the
 * key columns, every count column, and "verificationLate" (undecided, verification deadline
 * before now) and "resolutionLate" (verified, clock running, resolution deadline before now),
 * which with "verificationDecided" and "resolutionSettled" make the measured figures of
 * lib/statistics/definitions-sql.ts. `late: false` leaves the two late columns 0 (no case rows are
 * read): for sums that do not need them.
 */
export function countFactsSql(actor: StaffActor | null, now: Date, selection: CubeSelection, options: { late?: boolean } = {}): Prisma.Sql {
  const withLate = options.late ?? true;
  const zeros = Prisma.raw(COUNT_COLUMNS.map((column) => `0 AS ${quoted(column)}`).join(", "));
  const counts = Prisma.raw(COUNT_COLUMNS.map((column) => quoted(column)).join(", "));
  const signedCounts = Prisma.raw(COUNT_COLUMNS.map((column) => `seg."sign" * ${quoted(column, "c")} AS ${quoted(column)}`).join(", "));
  const negatedCounts = Prisma.raw(COUNT_COLUMNS.map((column) => `-${quoted(column, "s")}`).join(", "));
  const undecided = Prisma.sql`c."verifiedAt" IS NULL AND c."closedAt" IS NULL`;
  const resolutionPending = Prisma.sql`c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND ${statusInSql(CLOCK_RUNNING_STATUSES)}`;
  const caseInPeriod = withinPeriodSql(selection, Prisma.sql`(c."receivedAt" + interval '7 hours')::date`);
  // Pending (undecided: received minus decided; verified with the clock running) is late once
  // its deadline passed: the pending cases whose deadline is still ahead are taken off below.
  const pendingLate = (table: string | undefined, sign: string) =>
    Prisma.raw(
      withLate
        ? `${sign}(${quoted("received", table)} - ${quoted("verificationDecided", table)}) AS "verificationLate", ${sign}${quoted("resolutionPending", table)} AS "resolutionLate"`
        : `0 AS "verificationLate", 0 AS "resolutionLate"`,
    );
  return Prisma.sql`(
    SELECT c."day", c."officeId", c."serviceId", c."categoryId", c."kind", c."channel", ${signedCounts}, ${pendingLate("c", 'seg."sign" * ')}
    FROM "StatisticsCube" c ${segmentsJoinSql(selection.countSegments)}
    UNION ALL
    SELECT "day", ${DIMENSIONS}, ${counts}, ${pendingLate(undefined, "")}
    FROM "StatisticsChange"
    WHERE ${withinPeriodSql(selection, Prisma.sql`"day"`)}
    ${
      withLate
        ? Prisma.sql`UNION ALL
    SELECT ${CASE_KEY_SQL}, ${zeros}, -1, 0
    FROM "Case" c
    WHERE ${undecided} AND c."verificationDueAt" >= ${now} AND ${caseInPeriod}
    UNION ALL
    SELECT ${CASE_KEY_SQL}, ${zeros}, 0, -1
    FROM "Case" c
    WHERE ${resolutionPending} AND c."resolutionDueAt" >= ${now} AND ${caseInPeriod}`
        : Prisma.empty
    }
    ${
      actor
        ? Prisma.sql`UNION ALL
    SELECT s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel", ${negatedCounts},
      -(${undecided} AND c."verificationDueAt" < ${now})::int,
      -(${resolutionPending} AND c."resolutionDueAt" < ${now})::int
    FROM ${involvedCasesSql(actor)}
    CROSS JOIN LATERAL "statistics_case_counts"(c, rating."score") s
    WHERE ${withinPeriodSql(selection, Prisma.sql`s."day"`)}`
        : Prisma.empty
    }
  )`;
}

/**
 * The histograms and labels ("measure", "value", "label", "count" and the key columns) as seen
 * by `actor` (every case when null), for the measures named, in the selection's period. The
 * involved cases' rows count -1.
 */
export function valueFactsSql(actor: StaffActor | null, measures: readonly string[], selection: CubeSelection): Prisma.Sql {
  const measureList = Prisma.join(measures.map((measure) => Prisma.sql`${measure}`));
  return Prisma.sql`(
    SELECT c."day", c."officeId", c."serviceId", c."categoryId", c."kind", c."channel", c."measure", c."value", c."label", seg."sign" * c."count" AS "count"
    FROM "StatisticsCubeValue" c ${segmentsJoinSql(selection.valueSegments)}
    WHERE c."measure" IN (${measureList})
    UNION ALL
    SELECT "day", ${DIMENSIONS}, "measure", "value", "label", "count"
    FROM "StatisticsChangeValue"
    WHERE "measure" IN (${measureList}) AND ${withinPeriodSql(selection, Prisma.sql`"day"`)}
    ${
      actor
        ? Prisma.sql`UNION ALL
    SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."value", v."label", -1
    FROM ${involvedCasesSql(actor)}
    CROSS JOIN LATERAL "statistics_case_values"(c) v
    WHERE v."measure" IN (${measureList}) AND ${withinPeriodSql(selection, Prisma.sql`v."day"`)}`
        : Prisma.empty
    }
  )`;
}
