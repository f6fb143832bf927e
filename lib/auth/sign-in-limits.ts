import "server-only";

import { db } from "@/lib/db";
import { deriveAppKey, getEnvironment } from "@/lib/env";
import { computeBucketKey, windowStartOf } from "@/lib/rate-limit/bucket-key";

/**
 * Limits on wrong passwords and wrong sign-in codes, per account (the email typed, whether or
 * not it exists, so the limit reveals nothing) and per client, in 15-minute windows counted in
 * Postgres (the RateLimitBucket table of lib/rate-limit, with its keyed-hash keys). A window
 * expires, so an attacker can slow a real user down but never lock them out for good.
 *
 * Every attempt is counted before it is checked, so a burst of parallel guesses cannot slip
 * past the limit between a look and a count; an attempt that succeeds is then given back.
 */

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

type SignInSubject = { email: string; clientAddress: string };

function accountBucketKey(email: string): string {
  return computeBucketKey("signInFailureByAccount", email.trim().toLowerCase(), deriveAppKey("rate-limit"));
}

function bucketsOf(subject: SignInSubject, now: Date) {
  const environment = getEnvironment();
  const key = deriveAppKey("rate-limit");
  const windowStart = windowStartOf(now, SIGN_IN_WINDOW_SECONDS);
  const expiresAt = new Date(windowStart.getTime() + SIGN_IN_WINDOW_SECONDS * 1000);
  return [
    { key: accountBucketKey(subject.email), limit: environment.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT },
    { key: computeBucketKey("signInFailureByClient", subject.clientAddress, key), limit: environment.RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT },
  ].map((bucket) => ({ ...bucket, windowStart, expiresAt }));
}

/** Counts one attempt against both limits; false when either is exceeded (then do not even check the password). */
export async function reserveSignInAttempt(subject: SignInSubject, now: Date = new Date()): Promise<boolean> {
  let isAllowed = true;
  for (const bucket of bucketsOf(subject, now)) {
    const rows = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
      VALUES (${bucket.key}, ${bucket.windowStart}, 1, ${bucket.expiresAt})
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    if (Number(rows[0]?.count ?? 1) > bucket.limit) isAllowed = false;
  }
  return isAllowed;
}

/** Gives back the attempt reserveSignInAttempt counted, after it succeeded: only failures count. */
export async function refundSignInAttempt(subject: SignInSubject, now: Date = new Date()): Promise<void> {
  for (const bucket of bucketsOf(subject, now)) {
    await db.$executeRaw`
      UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
      WHERE "key" = ${bucket.key} AND "windowStart" = ${bucket.windowStart}`;
  }
}

/** The failures counted against one account in the current window, and whether they lock it. */
export async function findAccountSignInFailures(email: string, now: Date = new Date()): Promise<{ count: number; isLocked: boolean }> {
  const bucket = await db.rateLimitBucket.findUnique({
    where: { key_windowStart: { key: accountBucketKey(email), windowStart: windowStartOf(now, SIGN_IN_WINDOW_SECONDS) } },
    select: { count: true },
  });
  const count = bucket?.count ?? 0;
  return { count, isLocked: count >= getEnvironment().RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT };
}

/**
 * Forgets every failure counted against one account (an admin clearing a lock after the person
 * proved who they are). The per-client limits stay: they protect against whoever was guessing.
 * Takes the transaction of the change it belongs to, so the clearing and its audit event go together.
 */
export async function clearAccountSignInFailures(tx: Pick<typeof db, "rateLimitBucket">, email: string): Promise<number> {
  const { count } = await tx.rateLimitBucket.deleteMany({ where: { key: accountBucketKey(email) } });
  return count;
}
