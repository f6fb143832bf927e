/**
 * `npm run statistics:rebuild`: recomputes the daily statistics rollups from the case rows
 * (lib/statistics/rollups.ts), e.g. after restoring a backup. Writers to cases wait while it runs.
 */
import { db } from "@/lib/db";
import { rebuildStatisticsRollups } from "@/lib/statistics/rollups";

const started = performance.now();
try {
  await rebuildStatisticsRollups();
  const [counts] = await db.$queryRaw<{ daily: number; values: number }[]>`
    SELECT (SELECT count(*) FROM "StatisticsDaily")::int AS "daily", (SELECT count(*) FROM "StatisticsDailyValue")::int AS "values"`;
  console.log(`statistics rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts?.daily} daily rows, ${counts?.values} value rows`);
} finally {
  await db.$disconnect();
}
