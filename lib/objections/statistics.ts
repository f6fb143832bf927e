import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { officeScopeWhere } from "@/lib/cases/access";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { hasCasePermission } from "@/lib/cases/permissions";
import { readDb } from "@/lib/db";
import { casesInPeriodSql } from "@/lib/statistics/queries-sql";
import type { StatisticsFilters } from "@/lib/statistics/types";

/**
 * Objections in the statistics: counted from "CaseObjection" joined to the cases the statistics
 * count (lib/statistics/queries-sql.ts casesInPeriodSql: the actor's scope less the cases they are
 * involved in, the filters, the reports received in the period), so the figure sits beside the
 * period's outcomes and links to the queue's "objected" view of the same cases. Objections are
 * few (one per case at most), and the join reads them from their own table with the case by its
 * primary key: no rollup is needed, and the rollups of lib/statistics are left as they are.
 */

export type ObjectionStatistics = {
  total: number;
  /** Offices with at least one objection, most first. */
  byOffice: { code: string; name: string; count: number }[];
};

export async function getObjectionStatistics(actor: StaffActor, filters: StatisticsFilters): Promise<ObjectionStatistics> {
  if (!hasCasePermission(actor, "viewStatistics")) throw new CaseActionForbiddenError("viewStatistics");
  const [rows, offices] = await Promise.all([
    readDb.$queryRaw<{ officeId: number; count: number }[]>`
      SELECT c."officeId", count(*)::int AS "count"
      FROM "CaseObjection" objection
      JOIN "Case" c ON c."id" = objection."caseId"
      WHERE ${casesInPeriodSql(actor, filters)}
      GROUP BY c."officeId"`,
    readDb.office.findMany({ where: officeScopeWhere(actor), select: { id: true, code: true, name: true } }),
  ]);
  const names = new Map(offices.map((office) => [office.id, office]));
  const byOffice = rows
    .map((row) => ({ code: names.get(row.officeId)?.code ?? "", name: names.get(row.officeId)?.name ?? "", count: row.count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { total: byOffice.reduce((sum, row) => sum + row.count, 0), byOffice };
}
