import "server-only";

import { getEnvironment } from "@/lib/env";
import { startPeriodicTask } from "@/lib/periodic-timer";

import { prewarmStatisticsSnapshots } from "./snapshots";

/**
 * Started from instrumentation.ts in each server instance (unless STATISTICS_PREWARM=off): every
 * STATS_SNAPSHOT_MINUTES, recomputes the statistics views supervisors open most
 * (./snapshots.ts prewarmStatisticsSnapshots). A cache only: a view that was not pre-warmed is
 * computed live from the rollups.
 * Instances coordinate through the pre-warm's advisory lock.
 */

/** The first run waits a little, so a starting server answers requests before it computes. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

export function startStatisticsPrewarmTimer(): void {
  startPeriodicTask(
    "statistics pre-warm",
    async () => {
      const result = await prewarmStatisticsSnapshots();
      if (result.status === "done" && result.computed > 0) console.info(`statistics pre-warm: ${result.computed} of ${result.views} view(s) recomputed, ${result.deleted} old row(s) deleted`);
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: getEnvironment().STATS_SNAPSHOT_MINUTES * 60 * 1000 },
  );
}
