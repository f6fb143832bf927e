/**
 * The background jobs (lib/jobs/registry.ts), each run once on the bench's database and timed,
 * so a job that scans the whole case table or nears its transaction timeout shows at N cases:
 * the housekeeping broken down into its sweeps, then every other scheduled job of the registry
 * through its handler (new entries are measured without changing this file). Printed, never
 * asserted. (The escalation sweep and the statistics pre-warm are also measured elsewhere.)
 *
 *   node --conditions=react-server --import tsx scripts/bench/background-jobs.ts --database=URL
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import { sweepOrphanedCaseEvidence, sweepStagedEvidence } from "@/lib/attachments/staging";
import { takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import { sealAuditTrail } from "@/lib/audit/seal";
import { sweepExpiredStaffSessions } from "@/lib/auth/session-lookup";
import { eraseExpiredContacts } from "@/lib/contacts/retention";
import { db, disconnectDatabases } from "@/lib/db";
import { sweepExports } from "@/lib/exports/housekeeping";
import { sweepIdempotencyKeys } from "@/lib/idempotency/store";
import { JOB_DEFINITIONS } from "@/lib/jobs/registry";
import { sweepExpiredRateLimitBuckets } from "@/lib/rate-limit/limits";
import { sweepExpiredTrackingSessions } from "@/lib/reports/tracking-session";

import { printTable } from "./report";

type BackgroundJob = { name: string; interval: string; run: () => Promise<unknown> };

const JOBS: BackgroundJob[] = [
  { name: "exports: sweep (timed out, expired jobs and files)", interval: "15 min", run: () => sweepExports() },
  { name: "reports housekeeping: staged evidence", interval: "15 min", run: () => sweepStagedEvidence() },
  { name: "reports housekeeping: orphaned case evidence", interval: "15 min", run: () => sweepOrphanedCaseEvidence() },
  { name: "reports housekeeping: rate-limit buckets", interval: "15 min", run: () => sweepExpiredRateLimitBuckets() },
  { name: "reports housekeeping: idempotency keys", interval: "15 min", run: () => sweepIdempotencyKeys() },
  { name: "reports housekeeping: tracking sessions", interval: "15 min", run: () => sweepExpiredTrackingSessions() },
  { name: "reports housekeeping: staff sessions", interval: "15 min", run: () => sweepExpiredStaffSessions() },
  { name: "contact retention: one batch (<= 500 contacts)", interval: "1 h", run: () => eraseExpiredContacts() },
  { name: "audit seal (the chain heads changed since the last seal)", interval: "1 min", run: () => sealAuditTrail(db) },
  { name: "audit checkpoint (seals, verifies since the last checkpoint, signs the day)", interval: "1 h", run: () => takeDailyCheckpoint(db) },
];

/** The registry's jobs the list above does not already measure piece by piece. */
const MEASURED_ABOVE = new Set(["export-housekeeping", "reports-housekeeping", "contact-retention", "audit-seal", "audit-checkpoint", "export-file"]);

function registryJobs(): BackgroundJob[] {
  return JOB_DEFINITIONS.filter((definition) => !MEASURED_ABOVE.has(definition.name) && "schedule" in definition && definition.schedule !== undefined).map((definition) => ({
    name: `${definition.name}: ${definition.description}`.slice(0, 80),
    interval: typeof definition.schedule === "function" ? definition.schedule() : String(definition.schedule),
    run: () => (definition.handler as (data: object, run: { id: string; name: string; retryCount: number }) => Promise<unknown>)({}, { id: "bench", name: definition.name, retryCount: 0 }),
  }));
}

/** Runs each job once against the database in DATABASE_URL and prints how long each took. */
export async function runBackgroundJobsBenchmark(caseCount: number): Promise<void> {
  const rows: string[][] = [];
  try {
    for (const job of [...JOBS, ...registryJobs()]) {
      const started = performance.now();
      let outcome: string;
      try {
        outcome = JSON.stringify(await job.run(), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))?.slice(0, 60) ?? "done";
      } catch (error) {
        outcome = `FAILED: ${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 80) : String(error)}`;
      }
      rows.push([job.name, job.interval, ((performance.now() - started) / 1000).toFixed(2), outcome]);
    }
  } finally {
    await disconnectDatabases();
  }
  console.log(`\nBackground jobs, each run once at ${caseCount} cases`);
  printTable(["job", "interval", "seconds", "result"], rows);
}

async function main(): Promise<void> {
  const url = process.argv.slice(2).find((arg) => arg.startsWith("--database="))?.slice("--database=".length);
  if (!url) throw new Error("--database=URL is required (a copy: the jobs write to it)");
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-jobs-"));
  Object.assign(process.env, { DATABASE_URL: url, STORAGE_DIR: storageDir });
  delete process.env.DATABASE_READ_URL;
  try {
    await runBackgroundJobsBenchmark(await db.case.count());
  } finally {
    fs.rmSync(storageDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
