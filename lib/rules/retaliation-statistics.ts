import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { hasCasePermission } from "@/lib/cases/permissions";
import { receivedWithinConditions } from "@/lib/cases/queue";
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StatisticsFilters } from "@/lib/statistics/types";

/**
 * Retaliation reports per office (issue 13) for /dasbor/statistik and the exports: RETALIATION
 * cases received in the period, counted by the office the original case was about (not the
 * oversight desk they are filed at). Only cases the actor can see are counted (lib/cases/access.ts
 * on the retaliation case itself), so an office's own officers and office supervisors count none,
 * even of their own office: the figure is for the region's and national supervisors.
 *
 * A separate small query rather than a dimension of the statistics cubes: retaliation reports are
 * few, found through the unique (retaliationOfCaseId, retaliationRound) index (non-null keys only)
 * and joined to their original case by primary key.
 */

export type RetaliationStatistics = {
  total: number;
  /** Original offices with at least one retaliation report, most first. */
  byOffice: { code: string; name: string; count: number }[];
};

export async function getRetaliationStatistics(actor: StaffActor, filters: Pick<StatisticsFilters, "period" | "office">): Promise<RetaliationStatistics> {
  if (!hasCasePermission(actor, "viewStatistics")) throw new CaseActionForbiddenError("viewStatistics");
  const officeCondition = filters.office ? Prisma.sql`original_office."code" = ${filters.office}` : Prisma.sql`TRUE`;
  const rows = await readDb.$queryRaw<{ code: string; name: string; count: number }[]>`
    SELECT original_office."code", original_office."name", count(*)::int AS "count"
    FROM "Case" c
    JOIN "Case" original ON original."id" = c."retaliationOfCaseId"
    JOIN "Office" original_office ON original_office."id" = original."officeId"
    WHERE c."retaliationOfCaseId" IS NOT NULL AND c."kind" = 'RETALIATION'
      AND ${Prisma.join([caseAccessSql(actor, "c"), ...receivedWithinConditions(filters.period)], " AND ")}
      AND ${officeCondition}
    GROUP BY original_office."code", original_office."name"`;
  const byOffice = rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { total: byOffice.reduce((sum, row) => sum + row.count, 0), byOffice };
}
