import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { disconnectDatabases } from "@/lib/db";
import { JOB_SCHEMA, createJobBoss } from "@/lib/jobs/boss";
import { sendJobThrough } from "@/lib/jobs/enqueue";
import { ensureJobQueues } from "@/lib/jobs/queues";
import { readJob, runQueuedJobsOf } from "@/lib/jobs/testing";
import type { JobDefinition } from "@/lib/jobs/types";
import { startJobWorkers } from "@/lib/jobs/workers";

import { NEEDS_SEPARATE_SESSIONS, runsOnEmbeddedDatabase } from "./_setup/database-kind";
import { KILL_TEST_QUEUE } from "./support/job-test-queues";

/**
 * The job system's guarantees with real pg-boss workers: retries with backoff, one run at a time
 * for a singleton across two instances, each job run once by two instances working one queue,
 * and a job whose worker is killed mid-run finished once by another instance. No assertion on
 * speed: waits are for a state, bounded only so that a broken system fails instead of hanging.
 */

let pool: pg.Pool;
const executor = {
  executeSql: async (text: string, values?: unknown[]) => ({ rows: (await pool.query(text, values)).rows as Record<string, unknown>[] }),
};

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  await pool.query(`CREATE TABLE IF NOT EXISTS "jobs_test_runs" ("jobId" text NOT NULL, "pid" int NOT NULL, "phase" text NOT NULL, "data" jsonb, "at" timestamptz NOT NULL DEFAULT clock_timestamp())`);
});

afterAll(async () => {
  await pool.query(`DROP TABLE IF EXISTS "jobs_test_runs"`);
  await pool.end();
  await disconnectDatabases();
});

/** Waits until `check` holds, polling; fails after `limitMs` (an upper bound for a broken system, not a speed target). */
async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, limitMs = 90_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(200);
  }
}

async function jobState(id: string): Promise<string | undefined> {
  return (await readJob(id))?.state;
}

describe("retries", () => {
  it("retries a failing job with a growing delay, then completes it, and keeps a job failed for good after its last retry", async () => {
    let attempts = 0;
    const flaky: JobDefinition<{ failures: number }> = {
      name: "test-flaky",
      description: "test: fails its first runs",
      retryLimit: 2,
      retryDelaySeconds: 5,
      retryBackoff: true,
      handler: async (data, run) => {
        attempts += 1;
        expect(run.retryCount).toBe(attempts - 1);
        if (run.retryCount < data.failures) throw new Error(`failure ${run.retryCount + 1}`);
        return { ok: true };
      },
    };
    await ensureJobQueues(executor, [flaky]);
    const id = (await sendJobThrough(executor, flaky, { failures: 2 }))!;

    const first = await runQueuedJobsOf(flaky);
    expect(first).toMatchObject({ completed: 0, failed: 1, errors: ["failure 1"] });
    const afterFirst = await readJob(id);
    expect(afterFirst).toMatchObject({ state: "retry" });
    // Not due yet: a plain run leaves it waiting.
    expect(await runQueuedJobsOf(flaky)).toMatchObject({ completed: 0, failed: 0 });
    const firstDelay = afterFirst!.startAfter.getTime() - Date.now();
    expect(firstDelay).toBeGreaterThan(0);

    expect(await runQueuedJobsOf(flaky, { includeDelayed: true, maxJobs: 1 })).toMatchObject({ failed: 1, errors: ["failure 2"] });
    const afterSecond = await readJob(id);
    expect(afterSecond).toMatchObject({ state: "retry", retryCount: 1 });
    // Backoff: the second wait is longer than the first.
    expect(afterSecond!.startAfter.getTime() - afterFirst!.startAfter.getTime()).toBeGreaterThan(0);
    expect(afterSecond!.startAfter.getTime() - Date.now()).toBeGreaterThan(firstDelay);

    expect(await runQueuedJobsOf(flaky, { includeDelayed: true, maxJobs: 1 })).toMatchObject({ completed: 1, failed: 0 });
    expect(await readJob(id)).toMatchObject({ state: "completed", retryCount: 2, output: { ok: true } });

    const hopeless = (await sendJobThrough(executor, flaky, { failures: 10 }))!;
    // With includeDelayed, a run also takes the retries at once: to the end of the retry limit.
    expect(await runQueuedJobsOf(flaky, { includeDelayed: true })).toMatchObject({ completed: 0, failed: 3 });
    expect(await readJob(hopeless)).toMatchObject({ state: "failed", retryCount: 2 });
    expect(await runQueuedJobsOf(flaky, { includeDelayed: true })).toMatchObject({ completed: 0, failed: 0 });
  });
});

describe.skipIf(runsOnEmbeddedDatabase)(`several instances ${runsOnEmbeddedDatabase ? NEEDS_SEPARATE_SESSIONS : ""}`, () => {
  it("runs one job of a singleton queue at a time across two instances", async () => {
    const singleton: JobDefinition<object> = { name: "test-singleton", description: "test", policy: "singleton", handler: async () => undefined };
    await ensureJobQueues(executor, [singleton]);
    const first = (await sendJobThrough(executor, singleton, { n: 1 }, { singletonKey: "office-a" }))!;
    const second = (await sendJobThrough(executor, singleton, { n: 2 }, { singletonKey: "office-a" }))!;
    const [one, two] = [createJobBoss(), createJobBoss()];
    try {
      await Promise.all([one.start(), two.start()]);
      const [fetchedByOne] = await one.fetch(singleton.name, { batchSize: 1 });
      expect(fetchedByOne!.id).toBe(first);
      // The other instance does not get the second job while the first runs...
      expect(await two.fetch(singleton.name, { batchSize: 1 })).toEqual([]);
      expect(await one.fetch(singleton.name, { batchSize: 1 })).toEqual([]);
      await one.complete(singleton.name, first);
      // ...and gets it once the first is done.
      const [next] = await two.fetch(singleton.name, { batchSize: 1 });
      expect(next!.id).toBe(second);
    } finally {
      await Promise.all([one.stop({ graceful: false }), two.stop({ graceful: false })]);
    }
  });

  it("runs each job once when two instances work the same queue", async () => {
    const runs: { id: string; instance: string }[] = [];
    const definitionFor = (instance: string): JobDefinition<object> => ({
      name: "test-shared",
      description: "test",
      pollingIntervalSeconds: 0.5,
      handler: async (_data, run) => {
        runs.push({ id: run.id, instance });
      },
    });
    await ensureJobQueues(executor, [definitionFor("x")]);
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) ids.push((await sendJobThrough(executor, definitionFor("x"), { index }))!);
    const bosses: PgBoss[] = [createJobBoss(), createJobBoss()];
    try {
      await startJobWorkers({ boss: bosses[0], definitions: [definitionFor("one")] });
      await startJobWorkers({ boss: bosses[1], definitions: [definitionFor("two")] });
      await waitFor("every job completed", async () => {
        const { rows } = await pool.query(`SELECT count(*)::int AS "done" FROM ${JOB_SCHEMA}.job WHERE name = 'test-shared' AND state = 'completed'`);
        return rows[0].done === ids.length;
      });
    } finally {
      await Promise.all(bosses.map((boss) => boss.stop({ graceful: true, timeout: 5000 })));
    }
    expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());
  });

  it("finishes a job once on another instance when its worker is killed mid-run", async () => {
    await ensureJobQueues(executor, [KILL_TEST_QUEUE as JobDefinition<object> & typeof KILL_TEST_QUEUE]);
    const children: ChildProcess[] = [];
    const startChild = async (hang: boolean): Promise<ChildProcess> => {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/support/job-worker-child.ts"], {
        env: { ...process.env, JOB_CHILD_HANG: hang ? "1" : "0" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`worker child exited early (${code})`)));
      });
      return child;
    };
    try {
      const first = await startChild(true);
      const id = (await sendJobThrough(executor, { ...KILL_TEST_QUEUE, handler: async () => undefined }, { order: "kill-test" }))!;
      await waitFor("the first worker to start the job", async () => {
        const { rows } = await pool.query(`SELECT 1 FROM "jobs_test_runs" WHERE "jobId" = $1 AND "pid" = $2 AND "phase" = 'started'`, [id, first.pid]);
        return rows.length === 1;
      });
      expect(await jobState(id)).toBe("active");
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));

      const second = await startChild(false);
      await waitFor("the job to complete", async () => (await jobState(id)) === "completed");
      const { rows } = await pool.query<{ pid: number; phase: string }>(`SELECT "pid", "phase" FROM "jobs_test_runs" WHERE "jobId" = $1 ORDER BY "at"`, [id]);
      expect(rows.filter((row) => row.phase === "finished")).toEqual([{ pid: second.pid, phase: "finished" }]);
      expect(rows.filter((row) => row.phase === "started" && row.pid === first.pid)).toHaveLength(1);
      const job = await readJob(id);
      expect(job).toMatchObject({ state: "completed", output: { pid: second.pid } });
      expect(job!.retryCount).toBeGreaterThanOrEqual(1);
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : undefined)));
    }
  });
});
