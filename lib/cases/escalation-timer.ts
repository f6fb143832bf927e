import "server-only";

import { escalateOverdueCases } from "./escalation";

/**
 * Runs the escalation sweep every few minutes in each server instance (started from
 * instrumentation.ts). Instances do not coordinate beyond the sweep's advisory lock, which makes a
 * second instance skip while one works. The timer never keeps the process alive on its own.
 */

const SWEEP_INTERVAL_MS = 5 * 60 * 1000;
/** The first run waits a little, so a starting server answers requests before it sweeps. */
const FIRST_RUN_DELAY_MS = 30 * 1000;

let started = false;

async function sweepOnce(): Promise<void> {
  try {
    const result = await escalateOverdueCases();
    if (result.status === "done" && result.escalated > 0) console.info(`escalation sweep: ${result.escalated} overdue case(s) escalated`);
  } catch (error) {
    console.error("escalation sweep failed; the next interval retries", error);
  }
}

export function startEscalationTimer(): void {
  if (started) return;
  started = true;
  setTimeout(() => {
    void sweepOnce();
    setInterval(() => void sweepOnce(), SWEEP_INTERVAL_MS).unref();
  }, FIRST_RUN_DELAY_MS).unref();
}
