import "server-only";

import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

import { PUNGLI_ABOVE_FEE_SQL, PUNGLI_WITH_AMOUNT_SQL, PUNGLI_WITH_BROKER_SQL } from "./definitions-sql";
import { rupiahMedianSql, toNumber } from "./queries-sql";

/**
 * The pungli figures over the reports received in the period: in total (the empty grouping set)
 * and per service, in one query over the pungli reports alone.
 */

export type PungliCounts = {
  reports: number;
  withAmount: number;
  aboveFeeCount: number;
  totalAboveFeeRupiah: number;
  medianAboveFeeRupiah: number | null;
  withBroker: number;
};

type PungliRow = Omit<PungliCounts, "totalAboveFeeRupiah"> & { isTotal: boolean; serviceId: number | null; totalAboveFeeRupiah: bigint | null };

const ABOVE_FEE_AMOUNT_SQL = Prisma.sql`c."feeDifferenceRupiah"`;

export async function queryPungli(casesInPeriod: Prisma.Sql): Promise<{ total: PungliCounts; byService: (PungliCounts & { serviceId: number | null })[] }> {
  const rows = await readDb.$queryRaw<PungliRow[]>`
    SELECT
      GROUPING(c."serviceId") = 1 AS "isTotal",
      c."serviceId",
      count(*)::int AS "reports",
      count(*) FILTER (WHERE ${PUNGLI_WITH_AMOUNT_SQL})::int AS "withAmount",
      count(*) FILTER (WHERE ${PUNGLI_ABOVE_FEE_SQL})::int AS "aboveFeeCount",
      (sum(${ABOVE_FEE_AMOUNT_SQL}) FILTER (WHERE ${PUNGLI_ABOVE_FEE_SQL}))::bigint AS "totalAboveFeeRupiah",
      ${rupiahMedianSql(ABOVE_FEE_AMOUNT_SQL, PUNGLI_ABOVE_FEE_SQL)} AS "medianAboveFeeRupiah",
      count(*) FILTER (WHERE ${PUNGLI_WITH_BROKER_SQL})::int AS "withBroker"
    FROM "Case" c
    WHERE ${casesInPeriod} AND c."kind" = 'PUNGLI'::"CaseKind"
    GROUP BY GROUPING SETS ((c."serviceId"), ())`;

  const toCounts = (row: PungliRow): PungliCounts => ({
    reports: row.reports,
    withAmount: row.withAmount,
    aboveFeeCount: row.aboveFeeCount,
    totalAboveFeeRupiah: toNumber(row.totalAboveFeeRupiah),
    medianAboveFeeRupiah: row.medianAboveFeeRupiah,
    withBroker: row.withBroker,
  });
  const totalRow = rows.find((row) => row.isTotal);
  return {
    total: totalRow ? toCounts(totalRow) : { reports: 0, withAmount: 0, aboveFeeCount: 0, totalAboveFeeRupiah: 0, medianAboveFeeRupiah: null, withBroker: 0 },
    byService: rows.filter((row) => !row.isTotal).map((row) => ({ ...toCounts(row), serviceId: row.serviceId })),
  };
}
