import "server-only";

import { db } from "@/lib/db";

/**
 * The bodies of the periodic jobs that used to run on timers (instrumentation.ts started one
 * setInterval per task in every instance): the same work and logs, without the timer and without
 * the per-instance claim (claimPeriodicRun) that kept instances from doing it side by side: pg-boss
 * now sends one job per tick and runs it on one instance. The tasks' own guards (advisory locks,
 * compare-and-set) stay where they are.
 */

export async function runEscalationSweep(): Promise<unknown> {
  const { escalateOverdueCases } = await import("@/lib/cases/escalation");
  const result = await escalateOverdueCases();
  if (result.status === "done" && result.escalated > 0) console.info(`escalation sweep: ${result.escalated} overdue case(s) escalated`);
  return result;
}

export async function runStatisticsPrewarm(): Promise<unknown> {
  const { prewarmStatisticsSnapshots } = await import("@/lib/statistics/snapshots");
  const result = await prewarmStatisticsSnapshots();
  if (result.status === "done" && result.computed > 0) console.info(`statistics pre-warm: ${result.computed} of ${result.views} view(s) recomputed, ${result.deleted} old row(s) deleted`);
  return result;
}

export async function runTransparencyRefresh(): Promise<unknown> {
  const { getPublicStatistics } = await import("@/lib/transparency/snapshot");
  const { source } = await getPublicStatistics();
  return { source };
}

/**
 * Whether this process has re-keyed the legacy audit chain: after the upgrade there is nothing
 * left to do, so once per process is enough (running it again is harmless, only slower).
 */
const auditState = globalThis as unknown as { laporAuditRekeyChecked?: boolean };

export async function runAuditCheckpoint(): Promise<unknown> {
  const { rekeyLegacyAuditChain } = await import("@/lib/audit/rekey");
  const { takeDailyCheckpoint } = await import("@/lib/audit/checkpoints");
  if (!auditState.laporAuditRekeyChecked) {
    const rekey = await rekeyLegacyAuditChain(db);
    auditState.laporAuditRekeyChecked = true;
    if (rekey.status === "rekeyed") console.info(`audit chain: ${rekey.rewritten} event(s) re-keyed with the installation key`);
    if (rekey.status === "chainBroken") console.error(`audit chain: NOT re-keyed, the unkeyed chain is broken at event ${rekey.brokenAtId}; run npm run audit:verify`);
  }
  const checkpoint = await takeDailyCheckpoint(db);
  if (checkpoint.status === "taken") console.info(`audit chain: checkpoint of ${checkpoint.checkpoint.day} signed at event ${checkpoint.checkpoint.sequence}`);
  if (checkpoint.status === "chainBroken") console.error(`audit chain: no checkpoint signed, the chain is broken (${checkpoint.reason} at event ${checkpoint.brokenAtId ?? "end"}); run npm run audit:verify`);
  return { status: checkpoint.status };
}

export async function runAuditSeal(): Promise<unknown> {
  const { sealAuditTrail } = await import("@/lib/audit/seal");
  const result = await sealAuditTrail(db);
  return { status: result.status };
}

const contactState = globalThis as unknown as { laporContactsReencrypted?: boolean };

export async function runContactRetention(): Promise<unknown> {
  const { reencryptStoredContacts } = await import("@/lib/contacts/reencrypt");
  const { eraseExpiredContacts } = await import("@/lib/contacts/retention");
  if (!contactState.laporContactsReencrypted) {
    try {
      const result = await reencryptStoredContacts(db);
      contactState.laporContactsReencrypted = true;
      if (result.rewritten > 0) console.info(`contact encryption: ${result.rewritten} reporter contact(s) encrypted under the current key`);
    } catch (error) {
      // Retried on the next run; the erasure below must not wait for it.
      console.error("contact encryption failed; the next run retries", error instanceof Error ? error.message : error);
    }
  }
  // Several batches per run, so a backlog (the first run after an upgrade) clears in one hour.
  let erased = 0;
  for (let round = 0; round < 20; round += 1) {
    const result = await eraseExpiredContacts();
    if (result.status !== "done" || result.erased === 0) break;
    erased += result.erased;
    console.info(`contact retention: ${result.erased} closed case(s) had their reporter contact erased`);
  }
  return { erased };
}
