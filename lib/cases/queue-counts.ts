import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { officeInScopeSql } from "./access";
import { hasNarrowingFilters, QUEUE_COUNT_LIMIT, type QueueFilters } from "./queue-filters";
import { CASE_STATUSES, isClosedStatus } from "./workflow";

/**
 * The numbers on the queue's status tabs and its escalated notice, without counting the scope:
 * at a million cases a count of the cases in scope took seconds on every page load.
 *
 * - The unfiltered views (scope and status, optionally one office, all cases or the escalated
 *   ones) read CaseStatusCount, which triggers on "Case" keep equal to a count of the cases per
 *   office, status and escalation flag (prisma/raw/010_case_queue_scale.sql). The cases the
 *   actor is marked as involved in are subtracted, so the tabs never reveal them.
 * - Any other filter (a search, a category, dates, "my cases"...) is counted on the cases
 *   themselves, but only up to QUEUE_COUNT_LIMIT: beyond it the counts are null and the page
 *   says that more than that many cases match, rather than scanning the whole scope.
 * - The escalated count always comes from the table: it is about the scope, whatever the filters.
 */

export type QueueCounts = {
  /** Cases per status under every filter but the status itself; null when more than QUEUE_COUNT_LIMIT match. */
  statusCounts: Record<CaseStatus, number> | null;
  /** Open escalated cases in scope, whatever the filters. */
  escalatedOpenCount: number;
};

type CountRow = { status: CaseStatus; isEscalated: boolean; inOffice: boolean; count: number };

/** Whether the counts of this view come from the counts table (no filter it does not keep). */
export function isCountedFromTable(filters: QueueFilters): boolean {
  return (filters.view === "all" || filters.view === "escalated") && !hasNarrowingFilters({ ...filters, office: undefined });
}

/** `filterConditions` are the queue's conditions without the status one, on "Case" aliased `c`. */
export async function countQueueCases(actor: StaffActor, filters: QueueFilters, filterConditions: Prisma.Sql[]): Promise<QueueCounts> {
  const fromTable = isCountedFromTable(filters);
  const [tableRows, cappedRows] = await Promise.all([
    readCountsTable(actor, fromTable ? filters.office : undefined),
    fromTable
      ? null
      : db.$queryRaw<{ status: CaseStatus; count: number }[]>`
          SELECT matching."status", count(*)::int AS "count"
          FROM (SELECT c."status" FROM "Case" c WHERE ${Prisma.join(filterConditions, " AND ")} LIMIT ${QUEUE_COUNT_LIMIT + 1}) matching
          GROUP BY matching."status"`,
  ]);

  const escalatedOpenCount = tableRows.filter((row) => row.isEscalated && !isClosedStatus(row.status)).reduce((sum, row) => sum + row.count, 0);
  const statusCounts = zeroCounts();
  if (cappedRows) {
    for (const row of cappedRows) statusCounts[row.status] = row.count;
    const total = cappedRows.reduce((sum, row) => sum + row.count, 0);
    return { statusCounts: total > QUEUE_COUNT_LIMIT ? null : statusCounts, escalatedOpenCount };
  }
  for (const row of tableRows) {
    if (!row.inOffice) continue;
    if (filters.view === "escalated" && (!row.isEscalated || isClosedStatus(row.status))) continue;
    statusCounts[row.status] += row.count;
  }
  return { statusCounts, escalatedOpenCount };
}

/**
 * The counts table over the actor's scope, less the cases the actor is involved in, per status
 * and escalation flag; `inOffice` tells the rows of the office with code `officeCode` (all rows
 * when none is given).
 */
function readCountsTable(actor: StaffActor, officeCode: string | undefined): Promise<CountRow[]> {
  const inOffice = (column: Prisma.Sql) =>
    officeCode ? Prisma.sql`COALESCE(${column} = (SELECT office."id" FROM "Office" office WHERE office."code" = ${officeCode}), FALSE)` : Prisma.sql`TRUE`;
  return db.$queryRaw<CountRow[]>`
    SELECT counted."status", counted."isEscalated", counted."inOffice", sum(counted."count")::int AS "count"
    FROM (
      SELECT counts."status", counts."isEscalated", ${inOffice(Prisma.sql`counts."officeId"`)} AS "inOffice", counts."count"
      FROM "CaseStatusCount" counts
      WHERE ${officeInScopeSql(actor, Prisma.sql`counts."officeId"`)}
      UNION ALL
      SELECT c."status", c."isEscalated", ${inOffice(Prisma.sql`c."officeId"`)}, -1
      FROM "CaseInvolvement" involvement JOIN "Case" c ON c."id" = involvement."caseId"
      WHERE involvement."staffUserId" = ${actor.id}::uuid AND ${officeInScopeSql(actor, Prisma.sql`c."officeId"`)}
    ) counted
    GROUP BY 1, 2, 3`;
}

function zeroCounts(): Record<CaseStatus, number> {
  return Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
}
