import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { disconnectDatabases } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { fileReport } from "@/lib/reports/file-report";
import type { ReportFormData } from "@/lib/reports/schemas";
import { hashSecret } from "@/lib/security/secret-hash";

import { measureStatistics } from "./statistics";

/** What the bench measures, against the database in DATABASE_URL (see scripts/bench.ts). The queue has its own module, ./queue.ts. */

export type Measurement = { name: string; timesMs: number[]; rows: string };
export type MemoryFigures = { rssBeforeMiB: number; rssAfterQueueMiB: number; rssAfterMiB: number; maxRssMiB: number; heapAfterMiB: number };

export const WARM_UP_RUNS = 5;
const RUNS = 30;

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

async function measure(name: string, run: () => Promise<string>): Promise<Measurement> {
  let rows = "";
  for (let index = 0; index < WARM_UP_RUNS; index += 1) rows = await run();
  const timesMs: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
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
