import "server-only";

import { db } from "@/lib/db";
import { startPeriodicTask } from "@/lib/periodic-timer";

/**
 * Upkeep of the daily statistics rollups (prisma/raw/020_statistics_rollups.sql). Triggers keep
 * them right in the same transaction as every change to a case or a rating, as appended delta
 * rows; the figures (./queries-rollups.ts) sum every row, so neither task below is needed for
 * a right answer:
 * - compaction folds the delta rows into one row per key, so the rows summed stay few (a timer
 *   in every instance, coordinated by an advisory lock in the SQL function);
 * - the rebuild recomputes both tables from the case rows (`npm run statistics:rebuild`), for
 *   after a restore or a manual repair of case rows with the triggers disabled.
 */

/** Folds the delta rows of the touched days; returns how many delta rows were folded. */
export async function compactStatisticsRollups(): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`SELECT "statistics_compact"() AS "folded"`;
  return row?.folded ?? 0;
}

/** Recomputes the rollups from the case rows in one transaction (writers wait for its commit). */
export async function rebuildStatisticsRollups(): Promise<void> {
  await db.$executeRaw`SELECT "statistics_rebuild"()`;
}

const COMPACTION_INTERVAL_MS = 60 * 1000;

/** Started from instrumentation.ts in each server instance. */
export function startStatisticsCompactionTimer(): void {
  startPeriodicTask(
    "statistics rollup compaction",
    async () => {
      await compactStatisticsRollups();
    },
    { firstRunDelayMs: COMPACTION_INTERVAL_MS, intervalMs: COMPACTION_INTERVAL_MS },
  );
}
