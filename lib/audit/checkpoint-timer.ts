import "server-only";

import { db } from "@/lib/db";
import { startPeriodicTask } from "@/lib/periodic-timer";
import { claimPeriodicRun } from "@/lib/rate-limit/limits";

import { takeDailyCheckpoint } from "./checkpoints";
import { rekeyLegacyAuditChain } from "./rekey";
import { sealAuditTrail, SEAL_INTERVAL_SECONDS } from "./seal";

/**
 * Started from instrumentation.ts in each server instance (unless AUDIT_CHECKPOINTS=off). On its
 * first run it re-keys the chain rows left unkeyed by the upgrade (./rekey.ts; nothing to do
 * after that). Every hour one instance (claimPeriodicRun) takes today's signed checkpoint unless
 * one exists (./checkpoints.ts: the day is unique, so no day is ever signed twice); the
 * verification before signing reads the whole chain, so the claim keeps instances from doing it
 * side by side. Every SEAL_INTERVAL_SECONDS one instance seals what was appended since the last
 * seal (./seal.ts): that bounds how long a case's newest events can be deleted unnoticed.
 */

let isRekeyChecked = false;

const INTERVAL_MS = 60 * 60 * 1000;
/** The first run waits a little, so a starting server answers requests before it works. */
const FIRST_RUN_DELAY_MS = 45 * 1000;

export function startAuditCheckpointTimer(): void {
  startPeriodicTask(
    "audit checkpoint",
    async () => {
      if (!isRekeyChecked) {
        const rekey = await rekeyLegacyAuditChain(db);
        isRekeyChecked = true;
        if (rekey.status === "rekeyed") console.info(`audit chain: ${rekey.rewritten} event(s) re-keyed with the installation key`);
        if (rekey.status === "chainBroken") console.error(`audit chain: NOT re-keyed, the unkeyed chain is broken at event ${rekey.brokenAtId}; run npm run audit:verify`);
      }
      if (!(await claimPeriodicRun("audit-checkpoint", INTERVAL_MS / 1000))) return;
      const checkpoint = await takeDailyCheckpoint(db);
      if (checkpoint.status === "taken") console.info(`audit chain: checkpoint of ${checkpoint.checkpoint.day} signed at event ${checkpoint.checkpoint.sequence}`);
      if (checkpoint.status === "chainBroken") console.error(`audit chain: no checkpoint signed, the chain is broken (${checkpoint.reason} at event ${checkpoint.brokenAtId ?? "end"}); run npm run audit:verify`);
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: INTERVAL_MS },
  );
  startPeriodicTask(
    "audit seal",
    async () => {
      if (!(await claimPeriodicRun("audit-seal", SEAL_INTERVAL_SECONDS))) return;
      // Also when idle: each seal is protected by the next one's link (./seal.ts).
      const sealed = await sealAuditTrail(db);
      if (sealed.status === "busy") console.warn("audit seal: appends were in flight at every try of the cut; trying again next interval");
    },
    { firstRunDelayMs: SEAL_INTERVAL_SECONDS * 1000, intervalMs: SEAL_INTERVAL_SECONDS * 1000 },
  );
}
