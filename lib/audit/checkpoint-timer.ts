import "server-only";

import { db } from "@/lib/db";
import { startPeriodicTask } from "@/lib/periodic-timer";

import { takeDailyCheckpoint } from "./checkpoints";
import { rekeyLegacyAuditChain } from "./rekey";

/**
 * Started from instrumentation.ts in each server instance (unless AUDIT_CHECKPOINTS=off). Every
 * hour: re-keys the chain rows left unkeyed by the upgrade (./rekey.ts; a single cheap query
 * once none is left), then takes today's signed checkpoint if no instance has yet
 * (./checkpoints.ts: the day is unique, so instances never sign two for one day).
 */

const INTERVAL_MS = 60 * 60 * 1000;
/** The first run waits a little, so a starting server answers requests before it works. */
const FIRST_RUN_DELAY_MS = 45 * 1000;

export function startAuditCheckpointTimer(): void {
  startPeriodicTask(
    "audit checkpoint",
    async () => {
      const rekey = await rekeyLegacyAuditChain(db);
      if (rekey.status === "rekeyed") console.info(`audit chain: ${rekey.rewritten} event(s) re-keyed with the installation key`);
      if (rekey.status === "chainBroken") console.error(`audit chain: NOT re-keyed, the unkeyed chain is broken at event ${rekey.brokenAtId}; run npm run audit:verify`);
      const checkpoint = await takeDailyCheckpoint(db);
      if (checkpoint.status === "taken") console.info(`audit chain: checkpoint of ${checkpoint.checkpoint.day} signed at event ${checkpoint.checkpoint.sequence}`);
      if (checkpoint.status === "chainBroken") console.error(`audit chain: no checkpoint signed, the chain is broken (${checkpoint.reason} at event ${checkpoint.brokenAtId ?? "end"}); run npm run audit:verify`);
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: INTERVAL_MS },
  );
}
