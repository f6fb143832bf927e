import "server-only";

import { statusInSql } from "@/lib/cases/deadline-sql";
import { CLOSED_STATUSES } from "@/lib/cases/workflow";
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, Channel, ForwardTarget } from "@/lib/generated/prisma/enums";

import { RESOLUTION_ON_TIME_SQL, VERIFICATION_ON_TIME_SQL, resolutionMeasuredSql, verificationMeasuredSql } from "./definitions-sql";

/**
 * The reports received in the period broken down by kind, channel, category, service, office,
 * and office and service, every group carrying the same counts.
 *
 * Two groupings do it: by (kind, channel, category) and by (office, service), a few thousand
 * groups at most whatever the number of cases; the single breakdowns are their sums, added up
 * here. Grouping by each dimension separately (GROUPING SETS) costs Postgres a hash
 * table or a sort per dimension over every case, in one process: several times slower on a
 * national year.
 * The rejection reasons and forward targets come from the closed cases alone (queryClosings).
 */

export type BreakdownCounts = {
  received: number;
  pungli: number;
  /** Received in the group and closed (resolved, rejected or forwarded) by now. */
  closed: number;
  verificationMeasured: number;
  verificationOnTime: number;
  resolutionMeasured: number;
  resolutionOnTime: number;
  ratings: number;
  /** Average score of the ratings, to two decimals; null without ratings. */
  ratingAverage: number | null;
};

export type Breakdowns = {
  byKind: (BreakdownCounts & { kind: CaseKind })[];
  byChannel: (BreakdownCounts & { channel: Channel })[];
  byCategory: (BreakdownCounts & { categoryId: number })[];
  byService: (BreakdownCounts & { serviceId: number | null })[];
  byOffice: (BreakdownCounts & { officeId: number })[];
  byOfficeAndService: (BreakdownCounts & { officeId: number; serviceId: number | null })[];
};

type Sums = Omit<BreakdownCounts, "ratingAverage"> & { ratingSum: number };

type BreakdownRow = Sums & {
  isOfficeSet: boolean;
  kind: CaseKind | null;
  channel: Channel | null;
  categoryId: number | null;
  officeId: number | null;
  serviceId: number | null;
};

/** Each case's flags, evaluated once, for the sums of breakdownsSql. */
function caseFlagsSql(casesInPeriod: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT
      c."kind", c."channel", c."categoryId", c."officeId", c."serviceId",
      (c."kind" = 'PUNGLI'::"CaseKind")::int AS "isPungli",
      (${statusInSql(CLOSED_STATUSES)})::int AS "isClosed",
      (${verificationMeasuredSql(now)})::int AS "verificationMeasured",
      (${VERIFICATION_ON_TIME_SQL})::int AS "verificationOnTime",
      (${resolutionMeasuredSql(now)})::int AS "resolutionMeasured",
      (${RESOLUTION_ON_TIME_SQL})::int AS "resolutionOnTime",
      r."score"
    FROM "Case" c
    LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
    WHERE ${casesInPeriod}`;
}

const SUMS_SQL = Prisma.sql`
  count(*)::int AS "received",
  sum(c."isPungli")::int AS "pungli",
  sum(c."isClosed")::int AS "closed",
  sum(c."verificationMeasured")::int AS "verificationMeasured",
  sum(c."verificationOnTime")::int AS "verificationOnTime",
  sum(c."resolutionMeasured")::int AS "resolutionMeasured",
  sum(c."resolutionOnTime")::int AS "resolutionOnTime",
  count(c."score")::int AS "ratings",
  COALESCE(sum(c."score"), 0)::int AS "ratingSum"`;

/**
 * Two plain GROUP BY over the cases, glued by UNION ALL: plain grouping lets Postgres aggregate
 * in parallel workers with hash tables, which GROUPING SETS cannot. (The months are counted in
 * ./queries-summary.ts: Postgres cannot estimate how many months a date expression yields, and
 * the guess makes it sort every case instead of hashing.)
 */
export function breakdownsSql(casesInPeriod: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT FALSE AS "isOfficeSet", c."kind", c."channel", c."categoryId", NULL::int AS "officeId", NULL::int AS "serviceId", ${SUMS_SQL}
    FROM (${caseFlagsSql(casesInPeriod, now)}) c
    GROUP BY c."kind", c."channel", c."categoryId"
    UNION ALL
    SELECT TRUE, NULL, NULL, NULL, c."officeId", c."serviceId", ${SUMS_SQL}
    FROM (${caseFlagsSql(casesInPeriod, now)}) c
    GROUP BY c."officeId", c."serviceId"`;
}

export async function queryBreakdowns(casesInPeriod: Prisma.Sql, now: Date): Promise<Breakdowns> {
  const rows = await readDb.$queryRaw<BreakdownRow[]>(breakdownsSql(casesInPeriod, now));
  const attributeRows = rows.filter((row) => !row.isOfficeSet);
  const officeRows = rows.filter((row) => row.isOfficeSet);
  return {
    byKind: sumBy(attributeRows, (row) => row.kind!).map(([kind, counts]) => ({ ...counts, kind })),
    byChannel: sumBy(attributeRows, (row) => row.channel!).map(([channel, counts]) => ({ ...counts, channel })),
    byCategory: sumBy(attributeRows, (row) => row.categoryId!).map(([categoryId, counts]) => ({ ...counts, categoryId })),
    byService: sumBy(officeRows, (row) => row.serviceId).map(([serviceId, counts]) => ({ ...counts, serviceId })),
    byOffice: sumBy(officeRows, (row) => row.officeId!).map(([officeId, counts]) => ({ ...counts, officeId })),
    byOfficeAndService: officeRows.map((row) => ({ ...toCounts(row), officeId: row.officeId!, serviceId: row.serviceId })),
  };
}

/** The rows' sums per key, in the order the keys first appear. */
function sumBy<Key>(rows: readonly BreakdownRow[], keyOf: (row: BreakdownRow) => Key): [Key, BreakdownCounts][] {
  const sums = new Map<Key, Sums>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? { received: 0, pungli: 0, closed: 0, verificationMeasured: 0, verificationOnTime: 0, resolutionMeasured: 0, resolutionOnTime: 0, ratings: 0, ratingSum: 0 };
    for (const field of Object.keys(sum) as (keyof Sums)[]) sum[field] += row[field];
    sums.set(key, sum);
  }
  return [...sums].map(([key, sum]) => [key, toCounts(sum)]);
}

function toCounts({ ratingSum, ...sums }: Sums): BreakdownCounts {
  return { ...sums, ratingAverage: sums.ratings > 0 ? Math.round((ratingSum / sums.ratings) * 100) / 100 : null };
}

export type Closings = {
  byRejectionReason: { reason: string; count: number }[];
  byForwardTarget: { target: ForwardTarget; count: number }[];
};

/** Rejection reasons and forward targets of the reports received in the period (closed ones only carry them). */
export async function queryClosings(casesInPeriod: Prisma.Sql): Promise<Closings> {
  const rows = await readDb.$queryRaw<{ reason: string | null; target: ForwardTarget | null; count: number }[]>`
    SELECT c."rejectionReason" AS "reason", c."forwardedTo" AS "target", count(*)::int AS "count"
    FROM "Case" c
    WHERE ${casesInPeriod} AND ${statusInSql(["REJECTED", "FORWARDED"])}
    GROUP BY c."rejectionReason", c."forwardedTo"`;
  return {
    byRejectionReason: rows.flatMap((row) => (row.reason ? [{ reason: row.reason, count: row.count }] : [])),
    byForwardTarget: rows.flatMap((row) => (row.target ? [{ target: row.target, count: row.count }] : [])),
  };
}
