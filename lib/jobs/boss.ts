import "server-only";

import PgBoss from "pg-boss";

import { getEnvironment } from "@/lib/env";
import { describeError } from "@/lib/logging";

/**
 * This process's pg-boss instance (README, "Background jobs"). Created on first use and kept on
 * globalThis: Next.js may load this module once per bundle, and a process must have one pool and
 * one set of workers. Its schema ("pgboss") is built by the Prisma migrations, never by pg-boss
 * itself (migrate: false), so it exists before the first job is enqueued in any environment.
 */

export const JOB_SCHEMA = "pgboss";

/** Connections of pg-boss's own pool per process: the workers' fetches, completions and maintenance. */
const BOSS_POOL_MAX = 4;

export type JobBossOptions = {
  /** Database to use; default DATABASE_URL. */
  connectionString?: string;
  /** How often this instance expires, archives and deletes jobs (one instance at a time does it). */
  maintenanceIntervalSeconds?: number;
};

const bossState = globalThis as unknown as { laporJobBoss?: PgBoss };

/** A new pg-boss instance, not started. The app uses getJobBoss(); tests create their own. */
export function createJobBoss(options: JobBossOptions = {}): PgBoss {
  const boss = new PgBoss({
    connectionString: options.connectionString ?? getEnvironment().DATABASE_URL,
    schema: JOB_SCHEMA,
    max: BOSS_POOL_MAX,
    application_name: "lapor-imigrasi jobs",
    migrate: false,
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    // Completed jobs stay visible a day, failed ones a week, then pg-boss deletes them.
    archiveCompletedAfterSeconds: 24 * 60 * 60,
    archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
    deleteAfterDays: 7,
  });
  // pg-boss reports its own failures (a lost connection, a maintenance error) as events: log
  // them instead of letting an unhandled "error" event end the process.
  boss.on("error", (error) => console.error("background jobs: pg-boss error", describeError(error)));
  return boss;
}

/** This process's instance (not started: startJobWorkers starts it). */
export function getJobBoss(): PgBoss {
  bossState.laporJobBoss ??= createJobBoss();
  return bossState.laporJobBoss;
}

/** Stops this process's instance if it was created (scripts, tests, shutdown). */
export async function stopJobBoss(): Promise<void> {
  const boss = bossState.laporJobBoss;
  if (!boss) return;
  delete bossState.laporJobBoss;
  await boss.stop({ graceful: true, timeout: 10_000 });
}
