import "server-only";

import type PgBoss from "pg-boss";

import { describeError } from "@/lib/logging";

import { getJobBoss, stopJobBoss } from "./boss";
import { ensureJobQueues } from "./queues";
import { JOB_DEFINITIONS } from "./registry";
import { pollingIntervalOf, type JobDefinition } from "./types";

/**
 * Starts this instance's job workers (instrumentation.ts, when JOB_WORKERS is on): pg-boss's
 * maintenance (expiring runs whose worker died, archiving, deleting) and cron scheduling, and one
 * worker per queue. Every instance may run them: pg-boss fetches each job for exactly one worker
 * (FOR UPDATE SKIP LOCKED) and sends one job per cron tick whatever the number of instances.
 * Each queue's worker runs one job at a time, so an instance never runs two exports at once.
 */

const JAKARTA = "Asia/Jakarta";

type AnyDefinition = JobDefinition<never> | JobDefinition<object>;

export async function startJobWorkers(options: { boss?: PgBoss; definitions?: readonly AnyDefinition[] } = {}): Promise<PgBoss> {
  const boss = options.boss ?? getJobBoss();
  const definitions = options.definitions ?? JOB_DEFINITIONS;
  await boss.start();
  await ensureJobQueues(boss.getDb() as never, definitions, { updateExisting: true });
  for (const definition of definitions) {
    await boss.work(definition.name, { pollingIntervalSeconds: pollingIntervalOf(definition), batchSize: 1, includeMetadata: true }, async (jobs) => {
      // One job per fetch (batchSize 1): its handler's result is stored as the job's output.
      let output: unknown;
      for (const job of jobs) output = await runJob(definition, job);
      return output;
    });
    const schedule = typeof definition.schedule === "function" ? definition.schedule() : definition.schedule;
    if (schedule) await boss.schedule(definition.name, schedule, {}, { tz: JAKARTA });
    else await boss.unschedule(definition.name);
  }
  return boss;
}

/** Runs one job's handler; a throw is logged here and fails the run (pg-boss retries it if it may). */
async function runJob(definition: AnyDefinition, job: PgBoss.JobWithMetadata<unknown>): Promise<unknown> {
  try {
    return await (definition.handler as JobDefinition<object>["handler"])((job.data ?? {}) as object, { id: job.id, name: job.name, retryCount: job.retryCount });
  } catch (error) {
    const retrying = job.retryCount < job.retryLimit;
    console.error(`background job ${definition.name} ${job.id} failed${retrying ? "; pg-boss retries it" : " for good"}`, describeError(error));
    throw error;
  }
}

/**
 * Starts the workers without holding up the server's start; if the database is not reachable
 * yet, tries again a little later (the requests that need it fail on their own meanwhile).
 * A job whose instance stops or dies mid-run is failed when its expiry passes and retried on
 * another instance (pg-boss's maintenance, run by every instance with workers).
 */
export function startJobWorkersInBackground(retryDelayMs = 15_000): void {
  const state = globalThis as unknown as { laporJobWorkersStarting?: boolean };
  if (state.laporJobWorkersStarting) return;
  state.laporJobWorkersStarting = true;
  const attempt = () => {
    startJobWorkers()
      .then(() => console.info(`background jobs: workers started for ${JOB_DEFINITIONS.length} queue(s)`))
      .catch(async (error: unknown) => {
        console.error("background jobs: the workers could not start; trying again shortly", describeError(error));
        await stopJobBoss().catch(() => undefined);
        setTimeout(attempt, retryDelayMs).unref();
      });
  };
  attempt();
}
