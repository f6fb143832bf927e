import "server-only";

import { runExportHousekeepingIfDue } from "./housekeeping";
import { runExportWorker } from "./worker";

/**
 * Started from instrumentation.ts in each server instance (unless EXPORT_WORKER=off): every
 * half minute, picks up export jobs no instance is working on (requests whose `after()` never
 * ran, jobs of a crashed instance once their lease ends) and runs the exports' housekeeping when
 * it is due. The timer never keeps the process alive on its own.
 */

const SWEEP_INTERVAL_MS = 30 * 1000;
const FIRST_RUN_DELAY_MS = 10 * 1000;

let started = false;

async function sweepOnce(): Promise<void> {
  await runExportWorker();
  await runExportHousekeepingIfDue();
}

export function startExportTimer(): void {
  if (started) return;
  started = true;
  setTimeout(() => {
    void sweepOnce();
    setInterval(() => void sweepOnce(), SWEEP_INTERVAL_MS).unref();
  }, FIRST_RUN_DELAY_MS).unref();
}
