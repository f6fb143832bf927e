/**
 * Filing throughput through the real HTTP form on the production build, beside the machine's
 * argon2id rate measured in the same run (every filing hashes the receipt's secret key once, so
 * that rate is the ceiling). For 2, 4 and 8 concurrent clients: the argon2id hash rate with the
 * same parallelism, then a fixed number of filings posted through the form (each client loads
 * /lapor once, then files again and again with a new submission id, as the no-JavaScript form
 * does), then the hash rate again; the baseline is the mean of the two hash runs, so load that
 * comes and goes on a shared machine weighs on both. Afterwards the cases the run filed are
 * counted: rows must equal the receipts acknowledged.
 *
 * A filing is acknowledged when the form post answers with the redirect to the receipt page and
 * sets the receipt cookie (post/redirect/get, issue 12): the case is committed by then, and the
 * reporter holds the receipt. Loading the receipt page afterwards is one more page view; it is
 * measured too, as "with the receipt page" (the client follows the redirect with the cookies, and
 * only a receipt page showing the tracking code counts).
 *
 * Where the time goes: the rate of GET /lapor at the same parallelism (the form page; before
 * issue 12 the form post answered with it, rendered again with the receipt), and the share of the
 * database's busy sessions found waiting on a lock while the filings ran (sampled every 25 ms;
 * "advisory" is the audit chain's global lock before issue 16).
 *
 * Runs inside `npm run bench` on its database, or alone on a fresh small one:
 *   node --conditions=react-server --import tsx scripts/bench/filing-http.ts [--filings=N] [--cases=N] [--clients=2,4] [--cpu-prof=DIR]
 * (`--cpu-prof=DIR`: the server's V8 CPU profile, for Chrome DevTools or `speedscope`.)
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { hashSecret } from "@/lib/security/secret-hash";

import { fileReportOverHttp, loadReportForm, type FilingAttempt } from "../lib/report-filing-client";
import { provideServerDatabase, uniqueDatabaseName } from "../lib/databases";
import { printBanner } from "../lib/processes";
import { prepareBenchDatabase } from "./data";
import { startBenchServer } from "./production-server";
import { printTable } from "./report";

const CONCURRENCY_LEVELS = [2, 4, 8] as const;
const DEFAULT_FILINGS_PER_LEVEL = 160;
const WARM_UP_FILINGS = 8;

export type FilingThroughput = {
  clients: number;
  filings: number;
  receipts: number;
  filingsPerSecond: number;
  /** The same filings, each followed by loading its receipt page. */
  withReceiptPagePerSecond: number;
  hashesPerSecond: number;
  /** GET /lapor (the form page) with the same parallelism. */
  formPagesPerSecond: number;
  /** Of the database sessions sampled during the filings, the share waiting on a lock, and on an advisory lock. */
  lockWaitShare: number;
  advisoryWaitShare: number;
  failures: string[];
};

type SessionSamples = { sessions: number; waitingOnLock: number; waitingOnAdvisory: number };

/**
 * Samples the bench database's sessions every few milliseconds while `work` runs: how many are
 * busy or idle inside a transaction, and how many of them wait on a lock (an advisory one in
 * particular: the audit chain's global lock before issue 16).
 */
async function sampleSessionsDuring<T>(databaseUrl: string, work: () => Promise<T>): Promise<{ result: T; samples: SessionSamples }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const samples: SessionSamples = { sessions: 0, waitingOnLock: 0, waitingOnAdvisory: 0 };
  let isDone = false;
  const sampling = (async () => {
    while (!isDone) {
      const { rows } = await client.query<{ sessions: string; lock: string; advisory: string }>(`
        SELECT count(*) FILTER (WHERE state IN ('active', 'idle in transaction')) AS sessions,
               count(*) FILTER (WHERE wait_event_type = 'Lock') AS lock,
               count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory') AS advisory
        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      samples.sessions += Number(rows[0]!.sessions);
      samples.waitingOnLock += Number(rows[0]!.lock);
      samples.waitingOnAdvisory += Number(rows[0]!.advisory);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    const result = await work();
    return { result, samples };
  } finally {
    isDone = true;
    await sampling;
    await client.end();
  }
}

/** Runs `total` tasks on `parallelism` workers; returns the wall time in seconds. */
async function runConcurrently(total: number, parallelism: number, task: (index: number, worker: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallelism }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) await task(index, worker);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** argon2id hashes per second with the app's own parameters, `parallelism` at a time. */
async function measureHashRate(parallelism: number, count: number): Promise<number> {
  const seconds = await runConcurrently(count, parallelism, async () => {
    await hashSecret(randomBytes(16).toString("base64url"));
  });
  return count / seconds;
}

async function countFiledCases(databaseUrl: string, runMarker: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Case" WHERE "description" LIKE $1`, [`[${runMarker}-%`]);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

export async function runFilingHttpBenchmark(options: { databaseUrl: string; appSecret: string; filingsPerLevel?: number; cpuProfileDir?: string; levels?: readonly number[] }): Promise<FilingThroughput[]> {
  const filingsPerLevel = options.filingsPerLevel ?? DEFAULT_FILINGS_PER_LEVEL;
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-filing-"));
  const server = await startBenchServer({
    databaseUrl: options.databaseUrl,
    appSecret: options.appSecret,
    storageDir,
    // Every client is 127.0.0.1 here: the per-client filing limit would refuse all but five.
    extraEnv: { RATE_LIMIT_FILINGS_PER_HOUR: "1000000" },
    // Where the server's time goes: a V8 CPU profile of the whole run, written when it stops.
    nodeArgs: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`] : [],
  });
  const results: FilingThroughput[] = [];
  try {
    const runMarker = `bench-${randomBytes(4).toString("hex")}`;
    const fileOnce = async (marker: string, form: Awaited<ReturnType<typeof loadReportForm>>, loadReceiptPage = false): Promise<FilingAttempt> => {
      if (typeof form === "string") throw new Error(form);
      return fileReportOverHttp(server.baseUrl, { marker, files: [], evidencePath: "form", form, loadReceiptPage });
    };
    const warmUpForm = await loadReportForm(server.baseUrl);
    for (let index = 0; index < WARM_UP_FILINGS; index += 1) await fileOnce(`[${runMarker}-warm-${index}]`, warmUpForm);
    await measureHashRate(2, 8);

    for (const clients of options.levels ?? CONCURRENCY_LEVELS) {
      const levelMarker = `${runMarker}-c${clients}`;
      const hashesBefore = await measureHashRate(clients, filingsPerLevel);
      const pageSeconds = await runConcurrently(filingsPerLevel, clients, async () => {
        const form = await loadReportForm(server.baseUrl);
        if (typeof form === "string") throw new Error(form);
      });
      const forms = await Promise.all(Array.from({ length: clients }, () => loadReportForm(server.baseUrl)));
      const attempts: FilingAttempt[] = [];
      const { result: seconds, samples } = await sampleSessionsDuring(options.databaseUrl, () =>
        runConcurrently(filingsPerLevel, clients, async (index, worker) => {
          attempts.push(await fileOnce(`[${levelMarker}-${index}]`, forms[worker]!));
        }),
      );
      const withReceiptAttempts: FilingAttempt[] = [];
      const withReceiptSeconds = await runConcurrently(filingsPerLevel, clients, async (index, worker) => {
        withReceiptAttempts.push(await fileOnce(`[${levelMarker}-r${index}]`, forms[worker]!, true));
      });
      attempts.push(...withReceiptAttempts);
      const hashesAfter = await measureHashRate(clients, filingsPerLevel);
      const receipts = attempts.filter((attempt) => attempt.outcome === "receipt").length;
      const rows = await countFiledCases(options.databaseUrl, levelMarker);
      const failures = attempts.filter((attempt) => attempt.outcome !== "receipt").map((attempt) => `${attempt.marker}: ${attempt.outcome} ${attempt.detail ?? ""}`);
      if (rows !== receipts) failures.push(`${rows} case rows for ${receipts} receipts`);
      results.push({
        clients,
        filings: filingsPerLevel * 2,
        receipts,
        filingsPerSecond: (receipts - withReceiptAttempts.filter((attempt) => attempt.outcome === "receipt").length) / seconds,
        withReceiptPagePerSecond: withReceiptAttempts.filter((attempt) => attempt.outcome === "receipt").length / withReceiptSeconds,
        hashesPerSecond: (hashesBefore + hashesAfter) / 2,
        formPagesPerSecond: filingsPerLevel / pageSeconds,
        lockWaitShare: samples.sessions === 0 ? 0 : samples.waitingOnLock / samples.sessions,
        advisoryWaitShare: samples.sessions === 0 ? 0 : samples.waitingOnAdvisory / samples.sessions,
        failures,
      });
    }
  } finally {
    await server.stop();
    fs.rmSync(storageDir, { recursive: true, force: true });
  }
  printFilingThroughput(results);
  return results;
}

export function printFilingThroughput(results: readonly FilingThroughput[]): void {
  console.log("\nFiling through the HTTP form (production build; acknowledged = the post's redirect setting the receipt cookie) beside the argon2id hash rate of the same parallelism, same run");
  printTable(
    ["clients", "filings/s", "argon2id hashes/s", "ratio", "with the receipt page: filings/s (ratio)", "GET /lapor/s", "sessions waiting on a lock (advisory)", "rows = receipts"],
    results.map((result) => [
      String(result.clients),
      result.filingsPerSecond.toFixed(1),
      result.hashesPerSecond.toFixed(1),
      `${(result.filingsPerSecond / result.hashesPerSecond).toFixed(2)}x`,
      `${result.withReceiptPagePerSecond.toFixed(1)} (${(result.withReceiptPagePerSecond / result.hashesPerSecond).toFixed(2)}x)`,
      result.formPagesPerSecond.toFixed(1),
      `${(result.lockWaitShare * 100).toFixed(0)}% (${(result.advisoryWaitShare * 100).toFixed(0)}%)`,
      result.failures.length === 0 ? `yes (${result.receipts} of ${result.filings})` : `NO: ${result.failures.slice(0, 3).join("; ")}`,
    ]),
  );
}

async function main(): Promise<number> {
  const argument = (name: string) => process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const filingsPerLevel = Number(argument("filings") ?? DEFAULT_FILINGS_PER_LEVEL);
  const caseCount = Number(argument("cases") ?? 2_000);
  const cpuProfileDir = argument("cpu-prof");
  const levels = argument("clients")?.split(",").map(Number);
  const database = await provideServerDatabase({ serverUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", name: uniqueDatabaseName("lapor_bench_filing") });
  try {
    const appSecret = randomBytes(36).toString("base64url");
    // The data generator derives the audit chain's keys from it, as inside `npm run bench`.
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: appSecret });
    await prepareBenchDatabase(database.url, caseCount, appSecret);
    printBanner(`Filing throughput: ${caseCount} cases, Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
    const results = await runFilingHttpBenchmark({ databaseUrl: database.url, appSecret, filingsPerLevel, cpuProfileDir, levels });
    return results.every((result) => result.failures.length === 0) ? 0 : 1;
  } finally {
    await database.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
