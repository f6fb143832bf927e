import "server-only";

import pg from "pg";
import PgBoss from "pg-boss";

import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";

import { JOB_SCHEMA } from "./boss";
import { ensureJobQueues } from "./queues";
import { JOB_DEFINITIONS, type JobName } from "./registry";
import type { SqlExecutor } from "./sql-executor";
import type { JobDefinition } from "./types";

/**
 * For integration tests and scripts: runs the jobs waiting in a queue to completion in this
 * process, through the real pg-boss fetch/complete/fail statements on the app's database (no
 * worker, no polling, no waiting): each job is fetched (and so marked active) exactly as a
 * worker would, its registry handler runs, and it is completed, or failed and left to pg-boss's
 * retry policy. Jobs enqueued by the handlers themselves are run too when they are of the same
 * queue.
 *
 *   await requestExportJob(actor, params);
 *   await runQueuedJobs("export-file"); // { completed: 1, failed: 0, ... }
 *
 * `includeDelayed` also runs jobs whose startAfter has not come yet, and the retries of the jobs
 * that fail at once (until their retry limit); `maxJobs` stops after that many runs.
 */

type AnyDefinition = JobDefinition<never> | JobDefinition<object>;

export type QueueRunSummary = { completed: number; failed: number; errors: string[]; outputs: unknown[] };

/** Runs queued jobs of a registry queue (see above). */
export async function runQueuedJobs(name: JobName, options: { includeDelayed?: boolean; maxJobs?: number } = {}): Promise<QueueRunSummary> {
  const definition = (JOB_DEFINITIONS as readonly AnyDefinition[]).find((candidate) => candidate.name === name)!;
  return runQueuedJobsOf(definition, options);
}

/** runQueuedJobs for any definition (a test's own queue). */
export async function runQueuedJobsOf(definition: AnyDefinition, options: { includeDelayed?: boolean; maxJobs?: number } = {}): Promise<QueueRunSummary> {
  // pg-boss's statements on a connection of their own (node-postgres, as pg-boss's own pool would).
  const pool = new pg.Pool({ connectionString: getEnvironment().DATABASE_URL, max: 1 });
  const executor: SqlExecutor = { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows as Record<string, unknown>[] }) };
  try {
    return await runWith(executor, definition, options);
  } finally {
    await pool.end();
  }
}

async function runWith(executor: SqlExecutor, definition: AnyDefinition, options: { includeDelayed?: boolean; maxJobs?: number }): Promise<QueueRunSummary> {
  await ensureJobQueues(executor, [definition]);
  const boss = new PgBoss({ schema: JOB_SCHEMA, db: executor });
  const summary: QueueRunSummary = { completed: 0, failed: 0, errors: [], outputs: [] };
  const maxJobs = options.maxJobs ?? 1000;
  while (summary.completed + summary.failed < maxJobs) {
    const [job] = await boss.fetch<object>(definition.name, { batchSize: 1, includeMetadata: true, ignoreStartAfter: options.includeDelayed ?? false });
    if (!job) break;
    try {
      const output = await (definition.handler as JobDefinition<object>["handler"])(job.data ?? {}, { id: job.id, name: job.name, retryCount: job.retryCount });
      await boss.complete(definition.name, job.id, toOutput(output));
      summary.completed += 1;
      summary.outputs.push(output);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(definition.name, job.id, { message });
      summary.failed += 1;
      summary.errors.push(message);
    }
  }
  return summary;
}

function toOutput(output: unknown): object | undefined {
  if (output === undefined || output === null) return undefined;
  return JSON.parse(JSON.stringify(output, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))) as object;
}

/** A job's row as pg-boss keeps it (state, retries, output), for assertions. */
export async function readJob(id: string): Promise<{ id: string; name: string; state: string; retryCount: number; output: unknown; singletonKey: string | null; startAfter: Date } | null> {
  const rows = await db.$queryRawUnsafe<{ id: string; name: string; state: string; retryCount: number; output: unknown; singletonKey: string | null; startAfter: Date }[]>(
    `SELECT id::text AS id, name, state::text AS state, retry_count AS "retryCount", output, singleton_key AS "singletonKey", start_after AS "startAfter"
     FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid
     UNION ALL
     SELECT id::text, name, state::text, retry_count, output, singleton_key, start_after FROM ${JOB_SCHEMA}.archive WHERE id = $1::uuid`,
    id,
  );
  return rows[0] ?? null;
}

/** The jobs of a queue as pg-boss keeps them (not archived), oldest first. */
export async function listJobs(name: string): Promise<{ id: string; state: string; data: unknown; retryCount: number }[]> {
  return db.$queryRawUnsafe(`SELECT id::text AS id, state::text AS state, data, retry_count AS "retryCount" FROM ${JOB_SCHEMA}.job WHERE name = $1 ORDER BY created_on, id`, name);
}
