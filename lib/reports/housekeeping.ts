import "server-only";

import { sweepOrphanedCaseEvidence, sweepStagedEvidence } from "@/lib/attachments/staging";
import { sweepExpiredStaffSessions } from "@/lib/auth/session-lookup";
import { sweepIdempotencyKeys } from "@/lib/idempotency/store";
import { sweepExpiredRateLimitBuckets } from "@/lib/rate-limit/limits";

import { sweepExpiredTrackingSessions } from "./tracking-session";

/**
 * Deletes what is kept only for a while: staged evidence never filed, evidence moved into a case
 * folder by a filing that never committed, expired rate-limit buckets, idempotency keys and their
 * sealed receipts, expired tracking and staff sessions. Runs as the "reports-housekeeping" job
 * every 15 minutes (lib/jobs/registry.ts: one instance per tick); a failure fails the run and
 * the next tick tries again.
 */
export async function runReportsHousekeeping(now: Date = new Date()): Promise<void> {
  await sweepStagedEvidence(now);
  await sweepOrphanedCaseEvidence(now);
  await sweepExpiredRateLimitBuckets(now);
  await sweepIdempotencyKeys(now);
  await sweepExpiredTrackingSessions(now);
  await sweepExpiredStaffSessions(now);
}
