import "server-only";

import { assertAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

import { JOB_SCHEMA } from "./boss";

/**
 * What the job queue holds, for admins (a status page, or a notification about failures): counts
 * per queue and state, and the jobs that failed for good with their last error. Admins only: a
 * job's data may name cases. Only the error's message is returned, never its stack.
 */

export type JobStateCount = { name: string; state: string; count: number };
export type FailedJob = { id: string; name: string; retryCount: number; failedAt: Date | null; error: string | null };

export async function countJobsByState(actor: StaffActor): Promise<JobStateCount[]> {
  assertAdmin(actor);
  return db.$queryRawUnsafe<JobStateCount[]>(
    `SELECT name, state::text AS state, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name NOT LIKE '\\_\\_pgboss\\_\\_%' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

export async function listFailedJobs(actor: StaffActor, options: { name?: string; limit?: number } = {}): Promise<FailedJob[]> {
  assertAdmin(actor);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  return db.$queryRawUnsafe<FailedJob[]>(
    `SELECT id::text AS id, name, retry_count AS "retryCount", completed_on AS "failedAt", left(output->>'message', 500) AS error
     FROM (SELECT id, name, retry_count, completed_on, output, state FROM ${JOB_SCHEMA}.job
           UNION ALL SELECT id, name, retry_count, completed_on, output, state FROM ${JOB_SCHEMA}.archive) jobs
     WHERE state = 'failed' AND ($1::text IS NULL OR name = $1::text)
     ORDER BY completed_on DESC NULLS LAST
     LIMIT $2::int`,
    options.name ?? null,
    limit,
  );
}
