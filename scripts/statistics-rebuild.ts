/**
 * `npm run statistics:rebuild`: recomputes the statistics cubes from the case rows
 * (lib/statistics/rollups.ts), e.g. after restoring a backup. Writers to cases wait while it runs.
 */
import { db } from "@/lib/db";
import { rebuildStatisticsRollups } from "@/lib/statistics/rollups";

const started = performance.now();
try {
  await rebuildStatisticsRollups();
  const [counts] = await db.$queryRaw<{ counts: number; values: number }[]>`
    SELECT (SELECT count(*) FROM "StatisticsCube")::int AS "counts", (SELECT count(*) FROM "StatisticsCubeValue")::int AS "values"`;
  console.log(
    `statistics cubes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts?.counts} count rows, ${counts?.values} value rows`,
  );
} finally {
  await db.$disconnect();
}
