import { afterAll, describe, expect, it } from "vitest";

import { db, disconnectDatabases } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { listJobs, readJob, runQueuedJobs } from "@/lib/jobs/testing";

/**
 * The transactional outbox (lib/jobs/enqueue.ts): a job enqueued in a transaction exists exactly
 * when the transaction commits. The change used here is a rate-limit bucket row: any table would do.
 */

afterAll(() => disconnectDatabases());

async function bucketExists(key: string): Promise<boolean> {
  return (await db.rateLimitBucket.count({ where: { key } })) === 1;
}

async function createBucket(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], key: string): Promise<void> {
  await tx.rateLimitBucket.create({ data: { key, count: 1, windowStart: new Date(), expiresAt: new Date(Date.now() + 60_000) } });
}

describe("enqueueJob", () => {
  it("keeps the job of a change that commits", async () => {
    const jobId = await db.$transaction(async (tx) => {
      await createBucket(tx, "jobs-outbox:committed");
      return enqueueJob(tx, "export-file", { exportJobId: "00000000-0000-4000-8000-000000000001" });
    });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await bucketExists("jobs-outbox:committed")).toBe(true);
    expect(await readJob(jobId!)).toMatchObject({ name: "export-file", state: "created", retryCount: 0 });
  });

  it("leaves no job behind when the change rolls back", async () => {
    let enqueuedId: string | null = null;
    await expect(
      db.$transaction(async (tx) => {
        await createBucket(tx, "jobs-outbox:rolled-back");
        enqueuedId = await enqueueJob(tx, "export-file", { exportJobId: "00000000-0000-4000-8000-000000000002" });
        throw new Error("the change fails after its job was enqueued");
      }),
    ).rejects.toThrow("the change fails");
    expect(enqueuedId).not.toBeNull();
    expect(await bucketExists("jobs-outbox:rolled-back")).toBe(false);
    expect(await readJob(enqueuedId!)).toBeNull();
    const waiting = await listJobs("export-file");
    expect(waiting.some((job) => (job.data as { exportJobId?: string }).exportJobId === "00000000-0000-4000-8000-000000000002")).toBe(false);
  });

  it("holds out a second waiting run of a stately queue, and runs the queued one", async () => {
    const first = await db.$transaction((tx) => enqueueJob(tx, "statistics-compaction", {}));
    const second = await db.$transaction((tx) => enqueueJob(tx, "statistics-compaction", {}));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const summary = await runQueuedJobs("statistics-compaction");
    expect(summary).toMatchObject({ completed: 1, failed: 0 });
    expect(await readJob(first!)).toMatchObject({ state: "completed" });
  });

  it("starts a job no earlier than asked, in application time", async () => {
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const id = await db.$transaction((tx) => enqueueJob(tx, "export-file", { exportJobId: "00000000-0000-4000-8000-000000000003" }, { startAfter: later }));
    const job = await readJob(id!);
    expect(Math.abs(job!.startAfter.getTime() - later.getTime())).toBeLessThan(1000);
  });
});
