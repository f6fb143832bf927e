/**
 * `npm run bench [-- --cases=N]`: speed and memory figures of the officer queue, the statistics
 * and filing a report, on a temporary database with N demo cases (default 20,000). The project
 * keeps such targets out of the tests: this prints figures and fails only on errors, never on a
 * threshold.
 *
 *   node --conditions=react-server --import tsx scripts/bench.ts [--cases=N]
 *
 * The database is created on the server of DATABASE_URL (default: the local Postgres) and
 * dropped at the end, also on failure or Ctrl-C. APP_SECRET and STORAGE_DIR are set for the run.
 * (The react-server condition lets the server-only data layer load outside Next.js.)
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { prepareBenchDatabase } from "./bench/data";
import { runCsvExportBenchmark } from "./bench/export-csv";
import { runLighthouseBenchmark } from "./bench/lighthouse";
import { runMeasurements, WARM_UP_RUNS, type Measurement, type MemoryFigures } from "./bench/measure";
import { provideServerDatabase, uniqueDatabaseName } from "./lib/databases";
import { onInterrupt, printBanner } from "./lib/processes";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const DEFAULT_CASES = 20_000;

async function main(): Promise<number> {
  const started = performance.now();
  const casesArgument = process.argv.slice(2).find((arg) => arg.startsWith("--cases="))?.split("=")[1];
  const caseCount = Number(casesArgument ?? DEFAULT_CASES);
  if (!Number.isInteger(caseCount) || caseCount < 1) {
    console.error(`--cases must be a positive integer, got "${casesArgument}"`);
    return 2;
  }

  const database = await provideServerDatabase({ serverUrl: process.env.DATABASE_URL ?? DEFAULT_SERVER_URL, name: uniqueDatabaseName("lapor_bench") });
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-"));
  const cleanUp = async () => {
    await database.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  };
  onInterrupt(cleanUp);
  console.log(`Database: ${database.description}`);
  try {
    const appSecret = randomBytes(36).toString("base64url");
    await prepareBenchDatabase(database.url, caseCount, appSecret);
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: appSecret, STORAGE_DIR: storageDir });
    // A replica from the shell would be another database than the one just made.
    delete process.env.DATABASE_READ_URL;
    const measuringFrom = performance.now();
    const { measurements, memory } = await runMeasurements();
    printReport(caseCount, measurements, memory, { setupS: (measuringFrom - started) / 1000, measuringS: (performance.now() - measuringFrom) / 1000 });
    await runCsvExportBenchmark(caseCount);
    await runLighthouseBenchmark({ databaseUrl: database.url, appSecret, storageDir });
    return 0;
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    console.log(`\nbench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s (database dropped)`);
  }
}

/** The p-th percentile, nearest rank. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function printReport(caseCount: number, measurements: Measurement[], memory: MemoryFigures, durations: { setupS: number; measuringS: number }): void {
  printBanner(`Benchmark: ${caseCount} cases, Node ${process.version}, ${os.cpus().length} cores`);
  const header = ["measurement", "median ms", "p95 ms", "runs", "rows"];
  const rows = measurements.map((m) => [m.name, percentile(m.timesMs, 50).toFixed(1), percentile(m.timesMs, 95).toFixed(1), String(m.timesMs.length), m.rows]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  console.log([line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n"));
  console.log(`\nRSS: ${memory.rssBeforeMiB} MiB before the measurements, ${memory.rssAfterQueueMiB} MiB after the queue and statistics ones, ${memory.rssAfterMiB} MiB after the filings (peak ${memory.maxRssMiB} MiB, heap used after ${memory.heapAfterMiB} MiB)`);
  console.log(`Setup (database, migrations, seed, copies) ${durations.setupS.toFixed(1)} s; measurements ${durations.measuringS.toFixed(1)} s. Medians and p95 after ${WARM_UP_RUNS} warm-up runs each.`);
}

process.exitCode = await main();
