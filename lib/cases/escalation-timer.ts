import "server-only";

import { startPeriodicTask } from "@/lib/periodic-timer";

import { escalateOverdueCases } from "./escalation";

/**
 * Runs the escalation sweep every few minutes in each server instance (started from
 * instrumentation.ts). Instances do not coordinate beyond the sweep's advisory lock, which makes a
 * second instance skip while one works.
 */

const SWEEP_INTERVAL_MS = 5 * 60 * 1000;
/** The first run waits a little, so a starting server answers requests before it sweeps. */
const FIRST_RUN_DELAY_MS = 30 * 1000;

export function startEscalationTimer(): void {
  startPeriodicTask(
    "escalation sweep",
    async () => {
      const result = await escalateOverdueCases();
      if (result.status === "done" && result.escalated > 0) console.info(`escalation sweep: ${result.escalated} overdue case(s) escalated`);
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: SWEEP_INTERVAL_MS },
  );
}
