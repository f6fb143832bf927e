import "server-only";

import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";

import { EXPORTS_PREFIX, getExportStorage } from "./export-storage";
import { EXPORT_JOB_KIND } from "./jobs";
import { JOB_TIME_LIMIT_MS } from "./worker";

/**
 * What the exports keep only for a while: jobs and their files older than
 * EXPORT_RETENTION_HOURS are deleted; jobs still unfinished JOB_TIME_LIMIT_MS after the request
 * (a job that brings every worker down, or an instance gone for good) are failed as timedOut.
 * It runs as the "export-housekeeping" job every 15 minutes (lib/jobs/registry.ts: one instance
 * per tick).
 */

const DELETE_BATCH = 500;

export async function sweepExports(now: Date = new Date()): Promise<{ timedOut: number; deleted: number }> {
  const { count: timedOut } = await db.exportJob.updateMany({
    where: {
      kind: EXPORT_JOB_KIND,
      createdAt: { lt: new Date(now.getTime() - JOB_TIME_LIMIT_MS) },
      OR: [{ status: "QUEUED" }, { status: "RUNNING", lockedUntil: { lt: now } }],
    },
    data: { status: "FAILED", error: "timedOut", finishedAt: now, lockedUntil: null },
  });

  const cutoff = new Date(now.getTime() - getEnvironment().EXPORT_RETENTION_HOURS * 60 * 60 * 1000);
  const storage = getExportStorage();
  let deleted = 0;
  for (;;) {
    const expired = await db.exportJob.findMany({
      where: { kind: EXPORT_JOB_KIND, createdAt: { lt: cutoff }, status: { in: ["SUCCEEDED", "FAILED"] } },
      select: { id: true, storageKey: true },
      take: DELETE_BATCH,
    });
    if (expired.length === 0) break;
    for (const job of expired) if (job.storageKey) await storage.delete(job.storageKey);
    const { count } = await db.exportJob.deleteMany({ where: { id: { in: expired.map((job) => job.id) } } });
    deleted += count;
    if (expired.length < DELETE_BATCH) break;
  }
  // Files no job points to any more (a worker that died between writing and recording).
  await storage.deleteOlderThan(EXPORTS_PREFIX, cutoff);
  return { timedOut, deleted };
}
