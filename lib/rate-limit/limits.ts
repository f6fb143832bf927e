import "server-only";

import { db } from "@/lib/db";
import { deriveAppKey, getEnvironment } from "@/lib/env";

import { computeBucketKey, windowStartOf } from "./bucket-key";

/**
 * Abuse limits as fixed one-hour windows counted in Postgres (RateLimitBucket), so every app
 * instance sees the same counts. Rows are keyed by a keyed hash, expire with their window and
 * are deleted by the housekeeping sweep.
 */

export type RateLimitPurpose =
  /** Reports filed, per client. */
  | "filing"
  /** Evidence files uploaded, per client. */
  | "evidenceUpload"
  /** Wrong tracking code or key, per client. */
  | "trackingFailureByClient"
  /** Wrong key, per tracking code (whoever tries). */
  | "trackingFailureByCode"
  /** Exports requested, per staff user. */
  | "exportRequest"
  /** Export files downloaded, per staff user (each one is written to the audit trail). */
  | "exportDownload"
  /** Visitor-survey answers without an invitation code (the open poster), per client. */
  | "surveyAnswer";

export type RateLimitDecision = { allowed: boolean; retryAfterSeconds: number };

const WINDOW_SECONDS = 60 * 60;

function limitOf(purpose: RateLimitPurpose): number {
  const environment = getEnvironment();
  switch (purpose) {
    case "filing":
      return environment.RATE_LIMIT_FILINGS_PER_HOUR;
    case "evidenceUpload":
      return environment.RATE_LIMIT_EVIDENCE_UPLOADS_PER_HOUR;
    case "trackingFailureByClient":
      return environment.RATE_LIMIT_TRACKING_FAILURES_PER_CLIENT_PER_HOUR;
    case "trackingFailureByCode":
      return environment.RATE_LIMIT_TRACKING_FAILURES_PER_CODE_PER_HOUR;
    case "exportRequest":
      return environment.RATE_LIMIT_EXPORTS_PER_HOUR;
    case "exportDownload":
      return environment.RATE_LIMIT_EXPORT_DOWNLOADS_PER_HOUR;
    case "surveyAnswer":
      return environment.RATE_LIMIT_SURVEY_ANSWERS_PER_HOUR;
  }
}

function bucketOf(purpose: RateLimitPurpose, subject: string, now: Date) {
  const windowStart = windowStartOf(now, WINDOW_SECONDS);
  const expiresAt = new Date(windowStart.getTime() + WINDOW_SECONDS * 1000);
  return { key: computeBucketKey(purpose, subject, deriveAppKey("rate-limit")), windowStart, expiresAt };
}

function decide(count: number, limit: number, expiresAt: Date, now: Date): RateLimitDecision {
  if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts one attempt, then says whether it is within the limit: it consumes before it checks.
 * Counting and reading happen in one statement, so concurrent requests on several instances
 * cannot all slip under it: of N parallel attempts exactly `limit` are allowed. Limits on
 * failures count every attempt here before trying it and give successes back (refundRateLimit).
 */
export async function checkRateLimit(purpose: RateLimitPurpose, subject: string, options: { now?: Date } = {}): Promise<RateLimitDecision> {
  const now = options.now ?? new Date();
  const { key, windowStart, expiresAt } = bucketOf(purpose, subject, now);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  return decide(Number(rows[0]?.count ?? 1), limitOf(purpose), expiresAt, now);
}

/**
 * Gives back one attempt checkRateLimit counted in the same window, for limits on failures once
 * the attempt succeeded. Until then the attempt held its place, so parallel attempts are judged
 * as if it had failed: at worst one more is refused, never one more let through.
 */
export async function refundRateLimit(purpose: RateLimitPurpose, subject: string, options: { now?: Date } = {}): Promise<void> {
  const { key, windowStart } = bucketOf(purpose, subject, options.now ?? new Date());
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${key} AND "windowStart" = ${windowStart}`;
}

export async function sweepExpiredRateLimitBuckets(now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/**
 * Lets exactly one caller per interval, across all instances, run a periodic task: the first to
 * count in a window wins. Uses the rate-limit table because it is exactly a counter per window;
 * the key names the task, not a client.
 */
export async function claimPeriodicRun(task: string, intervalSeconds: number, now: Date = new Date()): Promise<boolean> {
  const windowStart = windowStartOf(now, intervalSeconds);
  const expiresAt = new Date(windowStart.getTime() + intervalSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${`periodic:${task}`}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count) === 1;
}
