import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";

import { disconnectDatabases } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { fileReport } from "@/lib/reports/file-report";
import type { ReportFormData } from "@/lib/reports/schemas";
import { hashSecret } from "@/lib/security/secret-hash";

import { printBanner } from "../lib/processes";
import { percentile } from "./report";

import { measureStatistics } from "./statistics";

/** What the bench measures, against the database in DATABASE_URL (see scripts/bench.ts). */

export type Measurement = { name: string; timesMs: number[]; rows: string };
export type MemoryFigures = { rssBeforeMiB: number; rssAfterQueueMiB: number; rssAfterMiB: number; maxRssMiB: number; heapAfterMiB: number };

/**
 * Each figure gets WARM_UP_RUNS unmeasured runs, then up to RUNS measured ones, stopping early
 * once MIN_RUNS are in and the figure has taken RUN_BUDGET_MS: a query of milliseconds gets all
 * its runs, one of seconds still gets a p95 over MIN_RUNS without holding the bench for minutes.
 */
export const WARM_UP_RUNS = 2;
const RUNS = 30;
const MIN_RUNS = 5;
const RUN_BUDGET_MS = 15_000;

const mebibytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function runMeasurements(): Promise<{ measurements: Measurement[]; memory: MemoryFigures }> {
  try {
    const rssBefore = process.memoryUsage().rss;
    const measurements: Measurement[] = [];
    measurements.push(...(await measureStatistics(measure)));
    const rssAfterQueue = process.memoryUsage().rss;
    measurements.push(await measure("fileReport, one pungli report (incl. argon2id)", async () => {
      const result = await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id" });
      if (result.status !== "filed") throw new Error(`fileReport did not file: ${JSON.stringify(result)}`);
      return "1 case";
    }));
    measurements.push(await measure("argon2id hashSecret alone (part of the above)", async () => (await hashSecret("04817-93302-55710-28461-90035"), "-")));
    const memory = process.memoryUsage();
    return {
      measurements,
      memory: { rssBeforeMiB: mebibytes(rssBefore), rssAfterQueueMiB: mebibytes(rssAfterQueue), rssAfterMiB: mebibytes(memory.rss), maxRssMiB: mebibytes(process.resourceUsage().maxRSS * 1024), heapAfterMiB: mebibytes(memory.heapUsed) },
    };
  } finally {
    await disconnectDatabases();
  }
}

/** The statistics and in-process filing figures, printed as one table (the queue has ./queue.ts). */
export async function runInProcessBenchmark(caseCount: number): Promise<void> {
  const { measurements, memory } = await runMeasurements();
  printBanner(`Benchmark: ${caseCount} cases, Node ${process.version}, ${os.cpus().length} cores`);
  const header = ["measurement", "median ms", "p95 ms", "runs", "rows"];
  const rows = measurements.map((m) => [m.name, percentile(m.timesMs, 50).toFixed(1), percentile(m.timesMs, 95).toFixed(1), String(m.timesMs.length), m.rows]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  console.log([line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n"));
  console.log(`\nRSS: ${memory.rssBeforeMiB} MiB before the measurements, ${memory.rssAfterQueueMiB} MiB after the statistics ones, ${memory.rssAfterMiB} MiB after the filings (peak ${memory.maxRssMiB} MiB, heap used after ${memory.heapAfterMiB} MiB)`);
  console.log(`Medians and p95 after ${WARM_UP_RUNS} warm-up runs each; ${RUNS} runs, or at least ${MIN_RUNS} and as many as fit in ${RUN_BUDGET_MS / 1000} s.`);
}

async function measure(name: string, run: () => Promise<string>): Promise<Measurement> {
  let rows = "";
  for (let index = 0; index < WARM_UP_RUNS; index += 1) rows = await run();
  const timesMs: number[] = [];
  const budgetStarted = performance.now();
  for (let index = 0; index < RUNS; index += 1) {
    if (index >= MIN_RUNS && performance.now() - budgetStarted > RUN_BUDGET_MS) break;
    const started = performance.now();
    rows = await run();
    timesMs.push(performance.now() - started);
  }
  return { name, timesMs, rows };
}

function pungliForm(): ReportFormData {
  return {
    kind: "PUNGLI",
    officeCode: "kanim-bekasi",
    serviceCode: "paspor-el-10th",
    categoryCode: "PUNGLI",
    incidentDate: toJakartaDateKey(new Date()),
    incidentPlace: "Loket 3",
    description: "Petugas loket meminta uang tambahan Rp 1.500.000 agar paspor selesai hari ini, tanpa kuitansi.",
    pungli: { amountDemandedRupiah: 1_500_000, amountPaidRupiah: 1_000_000, paymentMethod: "CASH", brokerInvolved: false, receiptGiven: false, accusedDescription: "Petugas loket 3" },
    reporter: { mode: "IDENTIFIED", name: "Budi Santoso", email: "budi@example.com", phone: null },
    idempotencyKey: randomUUID(),
  };
}
