import "server-only";

import type { DeadlineState } from "@/lib/deadlines/case-clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, CLOSED_STATUSES } from "./workflow";

/**
 * The deadline states of lib/deadlines/case-clock.ts as SQL over the "Case" table aliased `c`, for
 * the queue's filters and sort and the escalation sweep. Thresholds come from
 * deadlineThresholds(), so a filtered list and its badges agree (integration tests check it).
 */

/** currentDueAt() in SQL: the verification deadline until verified, the resolution deadline after. */
export const CURRENT_DUE_SQL = Prisma.sql`(CASE WHEN c."verifiedAt" IS NULL THEN c."verificationDueAt" ELSE COALESCE(c."resolutionDueAt", c."verificationDueAt") END)`;

/**
 * The statuses as literals, not bound parameters: the partial indexes on the open statuses
 * (prisma/raw/010_case_queue_scale.sql) serve a query only if the planner sees which statuses it
 * asks for. Only the enum's own values are written into the SQL.
 */
export function statusInSql(statuses: readonly CaseStatus[]): Prisma.Sql {
  if (statuses.length === 0) return Prisma.sql`FALSE`;
  for (const status of statuses) {
    if (!(CASE_STATUSES as readonly string[]).includes(status)) throw new Error(`Not a case status: ${String(status)}`);
  }
  return Prisma.raw(`c."status" IN (${statuses.map((status) => `'${status}'::"CaseStatus"`).join(", ")})`);
}

export function deadlineStateSql(state: DeadlineState, thresholds: { overdueBefore: Date; dueSoonUntil: Date }): Prisma.Sql {
  const running = statusInSql(CLOCK_RUNNING_STATUSES);
  switch (state) {
    case "OVERDUE":
      return Prisma.sql`(${running} AND ${CURRENT_DUE_SQL} < ${thresholds.overdueBefore})`;
    case "DUE_SOON":
      return Prisma.sql`(${running} AND ${CURRENT_DUE_SQL} >= ${thresholds.overdueBefore} AND ${CURRENT_DUE_SQL} <= ${thresholds.dueSoonUntil})`;
    case "ON_TIME":
      return Prisma.sql`(${running} AND ${CURRENT_DUE_SQL} > ${thresholds.dueSoonUntil})`;
    case "PAUSED":
      return statusInSql(["WAITING_FOR_REPORTER"]);
    case "CLOSED":
      return statusInSql(CLOSED_STATUSES);
  }
}
