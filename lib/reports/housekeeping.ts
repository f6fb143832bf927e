import "server-only";

import { sweepOrphanedCaseEvidence, sweepStagedEvidence } from "@/lib/attachments/staging";
import { sweepExpiredStaffSessions } from "@/lib/auth/session-lookup";
import { sweepIdempotencyKeys } from "@/lib/idempotency/store";
import { claimPeriodicRun, sweepExpiredRateLimitBuckets } from "@/lib/rate-limit/limits";

import { sweepExpiredTrackingSessions } from "./tracking-session";

/**
 * Deletes what is kept only for a while: staged evidence never filed, evidence moved into a case
 * folder by a filing that never committed, expired rate-limit buckets, idempotency keys and their
 * sealed receipts, expired tracking and staff sessions. There is no scheduler: the upload endpoint
 * and the filing action call this after answering (next/server `after`), and one caller per
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
    await sweepExpiredTrackingSessions(now);
    await sweepExpiredStaffSessions(now);
  } catch (error) {
    console.error("reports housekeeping failed; the next interval retries", error);
  }
}
