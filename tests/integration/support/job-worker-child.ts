/**
 * A job worker instance in a process of its own, for tests/integration/jobs-workers.test.ts:
 * starts the real workers (lib/jobs/workers.ts) on DATABASE_URL for one test queue whose handler
 * records its start and its end in the table "jobs_test_runs". With JOB_CHILD_HANG=1 the handler
 * never ends (the test kills the process mid-job). Prints "ready" once its worker runs.
 *
 *   node --conditions=react-server --import tsx tests/integration/support/job-worker-child.ts
 */
import pg from "pg";

import { createJobBoss } from "@/lib/jobs/boss";
import { startJobWorkers } from "@/lib/jobs/workers";

import { KILL_TEST_QUEUE } from "./job-test-queues";

const hang = process.env.JOB_CHILD_HANG === "1";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

const definition = {
  ...KILL_TEST_QUEUE,
  handler: async (data: object, run: { id: string; retryCount: number }) => {
    await pool.query(`INSERT INTO "jobs_test_runs" ("jobId", "pid", "phase", "data") VALUES ($1, $2, 'started', $3)`, [run.id, process.pid, JSON.stringify(data)]);
    if (hang) await new Promise(() => undefined);
    await pool.query(`INSERT INTO "jobs_test_runs" ("jobId", "pid", "phase", "data") VALUES ($1, $2, 'finished', $3)`, [run.id, process.pid, JSON.stringify(data)]);
    return { pid: process.pid };
  },
};

const boss = createJobBoss({ connectionString: process.env.DATABASE_URL, maintenanceIntervalSeconds: 1 });
await startJobWorkers({ boss, definitions: [definition] });
console.log("ready");
process.on("SIGTERM", () => {
  void boss.stop({ graceful: false }).finally(() => pool.end().finally(() => process.exit(0)));
});
