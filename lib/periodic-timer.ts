import "server-only";

import { describeError } from "@/lib/logging";

/**
 * Runs `task` in this server instance every `intervalMs`, first after `firstRunDelayMs` (so a
 * starting server answers requests before it works), once per name per process however often it
 * is started. A failure is logged and the next interval retries. The timer never keeps the
 * process alive on its own. Instances coordinate inside the tasks (advisory locks, leases,
 * periodic-run rows), never here.
 */

const started = new Set<string>();

export function startPeriodicTask(name: string, task: () => Promise<void>, timing: { firstRunDelayMs: number; intervalMs: number }): void {
  if (started.has(name)) return;
  started.add(name);
  const runOnce = async () => {
    try {
      await task();
    } catch (error) {
      console.error(`${name} failed; the next interval retries`, describeError(error));
    }
  };
  setTimeout(() => {
    void runOnce();
    setInterval(() => void runOnce(), timing.intervalMs).unref();
  }, timing.firstRunDelayMs).unref();
}
