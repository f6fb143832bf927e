/**
 * `npm run bench:exports [-- --cases=N]`: memory and time of the streamed CSV export (lib/exports),
 * measured, never asserted. On a temporary database (dropped at the end) it seeds a few template
 * cases, multiplies them by SQL (INSERT ... SELECT over generate_series) to 10,000 cases, exports
 * them as a national supervisor through the real job worker while sampling the process's RSS and
 * heap, then grows the table to N cases (default 100,000) and does it again: flat memory shows as
 * the same peak at both sizes. The XLSX export is measured at 10,000 cases and at its cap
 * (XLSX_MAX_ROWS, 50,000): its writer buffers, so its memory is expected to grow with the rows,
 * and the figures show by how much. `npm run bench` calls measureCsvExport() on its own database too.
 *
 *   node --expose-gc --conditions=react-server --import tsx scripts/bench/export-csv.ts [--cases=N]
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import pg from "pg";

import { db, disconnectDatabases } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { getExportStorage } from "@/lib/exports/export-storage";
import { requestExportJob } from "@/lib/exports/jobs";
import type { ExportFormat } from "@/lib/exports/params";
import { runExportWorker, XLSX_MAX_ROWS } from "@/lib/exports/worker";

import { provideServerDatabase, uniqueDatabaseName } from "../lib/databases";
import { onInterrupt, printBanner, printStep } from "../lib/processes";
import { applyMigrations, seedDatabase } from "../lib/prisma";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const NATIONAL_SUPERVISOR = "supervisor.nasional@demo.lapor-imigrasi.id";
const TEMPLATE_CASES = 50;
const SMALL_SIZE = 10_000;
const DEFAULT_LARGE_SIZE = 100_000;
const SAMPLE_INTERVAL_MS = 25;
const LIVE_HEAP_INTERVAL_MS = 1000;

const mebibytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export type CsvExportFigures = {
  label: string;
  rows: number;
  seconds: number;
  fileMiB: number;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
  heapStartMiB: number;
  heapPeakMiB: number;
  heapEndMiB: number;
  /** Heap still in use right after a full garbage collection, sampled every second (needs --expose-gc). */
  liveHeapPeakMiB: number | null;
};

/** Exports every case of the last year (as CSV unless told) through the worker, against the database in DATABASE_URL. */
export async function measureCsvExport(label: string, options: { includeFreeText?: boolean; format?: Exclude<ExportFormat, "pdf"> } = {}): Promise<CsvExportFigures> {
  const actor = await db.staffUser.findUniqueOrThrow({
    where: { email: NATIONAL_SUPERVISOR },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
  await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "exportRequest:" } } });
  const today = toJakartaDateKey(new Date());
  const from = toJakartaDateKey(new Date(Date.now() - 400 * 24 * 60 * 60 * 1000));
  global.gc?.();
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  let liveHeapPeak: number | null = global.gc ? start.heapUsed : null;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }, SAMPLE_INTERVAL_MS);
  // What the export really holds, as opposed to garbage V8 has not collected yet.
  const liveSampler = setInterval(() => {
    if (!global.gc || liveHeapPeak === null) return;
    global.gc();
    liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
  }, LIVE_HEAP_INTERVAL_MS);
  const started = performance.now();
  try {
    const result = await requestExportJob(actor, { format: options.format ?? "csv", locale: "id", separator: ";", includeFreeText: options.includeFreeText ?? false, filters: { period: { preset: "custom", from, to: today } } });
    if (result.status !== "queued") throw new Error(`export refused: ${JSON.stringify(result)}`);
    await runExportWorker();
    const seconds = (performance.now() - started) / 1000;
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: result.jobId } });
    if (job.status !== "SUCCEEDED" || !job.storageKey) throw new Error(`export job ended ${job.status} (${job.error})`);
    const file = await getExportStorage().getStream(job.storageKey);
    file?.stream.destroy();
    const end = process.memoryUsage();
    return {
      label,
      rows: job.progress,
      seconds,
      fileMiB: mebibytes(file?.sizeBytes ?? 0),
      rssStartMiB: mebibytes(start.rss),
      rssPeakMiB: mebibytes(Math.max(rssPeak, end.rss)),
      rssEndMiB: mebibytes(end.rss),
      heapStartMiB: mebibytes(start.heapUsed),
      heapPeakMiB: mebibytes(Math.max(heapPeak, end.heapUsed)),
      heapEndMiB: mebibytes(end.heapUsed),
      liveHeapPeakMiB: liveHeapPeak === null ? null : mebibytes(liveHeapPeak),
    };
  } finally {
    clearInterval(sampler);
    clearInterval(liveSampler);
  }
}

export function printCsvExportFigures(figures: CsvExportFigures[]): void {
  console.log("\nCase exports (keyset batches of 1,000; CSV streamed, XLSX through exceljs's streaming writer), national supervisor, last 400 days");
  console.log("run                          rows  seconds  file MiB  RSS start/peak/end MiB   heap start/peak/end MiB   live heap peak MiB");
  for (const f of figures) {
    console.log(
      `${f.label.padEnd(26)} ${String(f.rows).padStart(7)}  ${f.seconds.toFixed(1).padStart(7)}  ${String(f.fileMiB).padStart(8)}  ${`${f.rssStartMiB} / ${f.rssPeakMiB} / ${f.rssEndMiB}`.padStart(22)}   ${`${f.heapStartMiB} / ${f.heapPeakMiB} / ${f.heapEndMiB}`.padStart(22)}   ${String(f.liveHeapPeakMiB ?? "n/a (no --expose-gc)").padStart(18)}`,
    );
  }
}

/** For `npm run bench`: one CSV export of every case in its database, printed, then the pool closed. */
export async function runCsvExportBenchmark(caseCount: number): Promise<void> {
  try {
    printCsvExportFigures([await measureCsvExport(`${caseCount} cases`)]);
  } finally {
    await disconnectDatabases();
  }
}

/** Grows the Case table to `total` rows by copying the existing ones (ids, codes and times made new). */
async function growCases(url: string, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Case"`)).rows[0]!.count);
    const missing = total - existing;
    if (missing <= 0) return;
    printStep(`copying cases by SQL: ${existing} -> ${total}`);
    const columns = (
      await client.query<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'Case' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      )
    ).rows;
    const values = columns.map(({ name, type }) => {
      if (name === "id") return "gen_random_uuid()";
      if (name === "trackingCode") return `'LB-' || lpad(to_hex(${existing} + series.n), 8, '0')`;
      if (type.startsWith("timestamp")) return `template."${name}" - make_interval(mins => (series.n % 240)::int)`;
      return `template."${name}"`;
    });
    await client.query(`
      WITH template AS (SELECT *, row_number() OVER (ORDER BY "id") - 1 AS k FROM "Case" WHERE "trackingCode" NOT LIKE 'LB-%'),
           templates AS (SELECT count(*) AS total FROM template)
      INSERT INTO "Case" (${columns.map(({ name }) => `"${name}"`).join(", ")})
      SELECT ${values.join(", ")}
      FROM generate_series(1, ${missing}) AS series(n)
      JOIN template ON template.k = series.n % (SELECT total FROM templates)`);
    await client.query(`VACUUM ANALYZE "Case"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const argument = process.argv.slice(2).find((arg) => arg.startsWith("--cases="))?.split("=")[1];
  const largeSize = Number(argument ?? DEFAULT_LARGE_SIZE);
  if (!Number.isInteger(largeSize) || largeSize < SMALL_SIZE) {
    console.error(`--cases must be an integer of at least ${SMALL_SIZE}, got "${argument}"`);
    return 2;
  }
  const database = await provideServerDatabase({ serverUrl: process.env.DATABASE_URL ?? DEFAULT_SERVER_URL, name: uniqueDatabaseName("lapor_bench_exports") });
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-exports-"));
  const cleanUp = async () => {
    await disconnectDatabases().catch(() => undefined);
    await database.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  };
  onInterrupt(cleanUp);
  try {
    await applyMigrations(database.url);
    const appSecret = randomBytes(36).toString("base64url");
    await seedDatabase(database.url, { appSecret, args: [`--cases=${TEMPLATE_CASES}`] });
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: appSecret, STORAGE_DIR: storageDir, RATE_LIMIT_EXPORTS_PER_HOUR: "1000" });
    // A replica from the shell would be another database than the one just made.
    delete process.env.DATABASE_READ_URL;
    const figures: CsvExportFigures[] = [];
    await growCases(database.url, SMALL_SIZE);
    figures.push(await measureCsvExport(`${SMALL_SIZE} cases`));
    figures.push(await measureCsvExport(`${SMALL_SIZE} cases, free text`, { includeFreeText: true }));
    figures.push(await measureCsvExport(`${SMALL_SIZE} cases, XLSX`, { format: "xlsx" }));
    const xlsxSize = Math.min(XLSX_MAX_ROWS, largeSize);
    await growCases(database.url, xlsxSize);
    figures.push(await measureCsvExport(`${xlsxSize} cases, XLSX`, { format: "xlsx" }));
    await growCases(database.url, largeSize);
    figures.push(await measureCsvExport(`${largeSize} cases`));
    figures.push(await measureCsvExport(`${largeSize} cases, free text`, { includeFreeText: true }));
    printBanner(`Export benchmark, Node ${process.version}, ${os.cpus().length} cores`);
    printCsvExportFigures(figures);
    return 0;
  } catch (error) {
    console.error(`export bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    console.log(`\nexport bench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s (database dropped)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main();
