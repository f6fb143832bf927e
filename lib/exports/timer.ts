import "server-only";

import { startPeriodicTask } from "@/lib/periodic-timer";

import { runExportHousekeepingIfDue } from "./housekeeping";
import { runExportWorker } from "./worker";

/**
 * Started from instrumentation.ts in each server instance (unless EXPORT_WORKER=off): every
 * half minute, picks up export jobs no instance is working on (requests whose `after()` never
 * ran, jobs of a crashed instance once their lease ends) and runs the exports' housekeeping when
 * it is due.
 */

const SWEEP_INTERVAL_MS = 30 * 1000;
const FIRST_RUN_DELAY_MS = 10 * 1000;

export function startExportTimer(): void {
  startPeriodicTask(
    "export sweep",
    async () => {
      await runExportWorker();
      await runExportHousekeepingIfDue();
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: SWEEP_INTERVAL_MS },
  );
}
