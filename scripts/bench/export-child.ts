/**
 * One export run through the real job worker, in a process of its own so that its peak memory
 * (the kernel's maxRSS of this process) is the export's and nothing else's. Started by
 * ./export-csv.ts; prints one JSON line. The database, APP_SECRET and STORAGE_DIR come from the
 * environment.
 *
 *   node --conditions=react-server --import tsx scripts/bench/export-child.ts --format=csv [--free-text] --from=YYYY-MM-DD --to=YYYY-MM-DD
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { db, disconnectDatabases } from "@/lib/db";
import { getExportStorage } from "@/lib/exports/export-storage";
import { requestExportJob } from "@/lib/exports/jobs";
import { runExportJob } from "@/lib/exports/worker";

export type ExportChildResult = {
  status: string;
  error: string | null;
  rows: number;
  seconds: number;
  fileBytes: number;
  /** After loading the app's modules and one query, before the export. */
  rssBeforeMiB: number;
  /** The process's peak resident memory over its whole life (getrusage maxRSS). */
  maxRssMiB: number;
};

const NATIONAL_SUPERVISOR = "supervisor.nasional@demo.lapor-imigrasi.id";

function argument(name: string): string | undefined {
  return process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
}

async function main(): Promise<void> {
  const format = argument("format") === "xlsx" ? "xlsx" : "csv";
  const actor = await db.staffUser.findUniqueOrThrow({
    where: { email: argument("actor") ?? NATIONAL_SUPERVISOR },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
  await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "exportRequest:" } } });
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = await requestExportJob(actor, {
    format,
    locale: argument("locale") === "en" ? "en" : "id",
    separator: ";",
    includeFreeText: process.argv.includes("--free-text"),
    filters: { period: { preset: "custom", from: argument("from")!, to: argument("to")! }, ...(argument("office") ? { office: argument("office") } : {}) },
  });
  if (result.status !== "queued") throw new Error(`export refused: ${JSON.stringify(result)}`);
  await runExportJob(result.jobId);
  const seconds = (performance.now() - started) / 1000;
  const job = await db.exportJob.findUniqueOrThrow({ where: { id: result.jobId } });
  // The local storage keeps a key's file at STORAGE_DIR/<key> (lib/attachments/storage.ts).
  const fileBytes = job.storageKey ? fs.statSync(path.join(process.env.STORAGE_DIR!, job.storageKey)).size : 0;
  const output: ExportChildResult = {
    status: job.status,
    error: job.error,
    rows: job.progress,
    seconds,
    fileBytes,
    rssBeforeMiB: Math.round(rssBefore / 1024 / 1024),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (job.storageKey) await getExportStorage().delete(job.storageKey);
  await disconnectDatabases();
  console.log(JSON.stringify(output));
}

await main();
