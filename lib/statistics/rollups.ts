import "server-only";

import { db } from "@/lib/db";

/**
 * Upkeep of the statistics cubes (prisma/raw/020_statistics_rollups.sql). Triggers append every
 * change to a case or a rating to the change tables in the same transaction; the figures
 * (./queries-rollups.ts) sum the cubes and the changes not drained yet, so neither task below
 * is needed for a right answer:
 * - compaction drains the change tables into the cubes, so the change rows summed stay few (the
 *   "statistics-compaction" job each minute, lib/jobs/registry.ts; an advisory lock in the SQL
 *   function keeps two runs from overlapping);
 * - the rebuild recomputes the cubes from the case rows (`npm run statistics:rebuild`), for
 *   after a restore or a manual repair of case rows with the triggers disabled.
 */

/** Drains the change tables into the cubes; returns how many change rows were drained. */
export async function compactStatisticsRollups(): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`SELECT "statistics_compact"() AS "folded"`;
  return row?.folded ?? 0;
}

/** Recomputes the cubes from the case rows in one transaction (writers wait for its commit). */
export async function rebuildStatisticsRollups(): Promise<void> {
  await db.$executeRaw`SELECT "statistics_rebuild"()`;
}
