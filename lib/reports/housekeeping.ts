import "server-only";

import { sweepOrphanedCaseEvidence, sweepStagedEvidence } from "@/lib/attachments/staging";
import { sweepIdempotencyKeys } from "@/lib/idempotency/store";
import { claimPeriodicRun, sweepExpiredRateLimitBuckets } from "@/lib/rate-limit/limits";

/**
 * Deletes what the reporting flow keeps only for a while: staged evidence never filed, evidence
 * moved into a case folder by a filing that never committed, expired rate-limit buckets,
 * idempotency keys and their sealed receipts. There is no scheduler: the upload endpoint and
 * the filing action call this after answering (next/server `after`), and one caller per
 * interval across all instances does the work.
 */

const HOUSEKEEPING_INTERVAL_SECONDS = 15 * 60;

export async function runHousekeepingIfDue(now: Date = new Date()): Promise<void> {
  try {
    if (!(await claimPeriodicRun("reports-housekeeping", HOUSEKEEPING_INTERVAL_SECONDS, now))) return;
    await sweepStagedEvidence(now);
    await sweepOrphanedCaseEvidence(now);
    await sweepExpiredRateLimitBuckets(now);
    await sweepIdempotencyKeys(now);
  } catch (error) {
    console.error("reports housekeeping failed; the next interval retries", error);
  }
}
