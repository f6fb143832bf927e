import "server-only";

import { getEnvironment } from "@/lib/env";
import { describeError } from "@/lib/logging";

import { prewarmStatisticsSnapshots } from "./snapshots";

/**
 * Started from instrumentation.ts in each server instance (unless STATISTICS_PREWARM=off): every
 * STATS_SNAPSHOT_MINUTES, recomputes the statistics views supervisors open most
 * (./snapshots.ts prewarmStatisticsSnapshots), so they rarely wait for a national computation.
 * Instances coordinate through the pre-warm's advisory lock. The timer never keeps the process
 * alive on its own.
 */

/** The first run waits a little, so a starting server answers requests before it computes. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

let started = false;

async function prewarmOnce(): Promise<void> {
  try {
    const result = await prewarmStatisticsSnapshots();
    if (result.status === "done" && result.computed > 0) console.info(`statistics pre-warm: ${result.computed} of ${result.views} view(s) recomputed, ${result.deleted} old row(s) deleted`);
  } catch (error) {
    console.error("statistics pre-warm failed; the next interval retries", describeError(error));
  }
}

export function startStatisticsPrewarmTimer(): void {
  if (started) return;
  started = true;
  const intervalMs = getEnvironment().STATS_SNAPSHOT_MINUTES * 60 * 1000;
  setTimeout(() => {
    void prewarmOnce();
    setInterval(() => void prewarmOnce(), intervalMs).unref();
  }, FIRST_RUN_DELAY_MS).unref();
}
