/**
 * `npm run bench [-- --cases=N] [--only=a,b] [--skip=a,b] [--keep-db=NAME | --reuse-db=NAME]`: speed and memory figures of the app
 * at N cases (default 20,000), on a temporary database. The project keeps such targets out of the
 * tests: this prints figures and fails only on errors, never on a threshold.
 *
 *   node --conditions=react-server --import tsx scripts/bench.ts [--cases=N] [--only=queue] [--skip=export-csv]
 *
 * The database is created on the server of DATABASE_URL (default: the local Postgres), filled by
 * ./bench/data.ts and dropped at the end, also on failure or Ctrl-C. APP_SECRET and STORAGE_DIR are
 * set for the run. Each phase (the data, then each module below) is timed, and a summary with the
 * total closes the run. (The react-server condition lets the server-only data layer load outside
 * Next.js.) `--keep-db=lapor_bench_1m` keeps the filled database under that name instead of
 * dropping it; `--reuse-db=lapor_bench_1m` measures it again without generating data (the modules
 * write to it: rollup rebuilds, snapshots, filings), and leaves it too. Drop it by hand when done.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { runAuditVerifyBenchmark } from "./bench/audit-verify";
import { runBackgroundJobsBenchmark } from "./bench/background-jobs";
import { parseBenchArguments, type BenchArguments } from "./bench/arguments";
import { prepareBenchDatabase, type DataPhase } from "./bench/data";
import { runCsvExportBenchmark } from "./bench/export-csv";
import { runFilingHttpBenchmark } from "./bench/filing-http";
import { runInProcessBenchmark } from "./bench/measure";
import { runQueueBenchmark } from "./bench/queue";
import { runStatisticsBenchmark } from "./bench/statistics";
import { runLighthouseBenchmark } from "./bench/lighthouse";
import { runPublicPagesBenchmark } from "./bench/public-pages";
import { provideServerDatabase, uniqueDatabaseName, withDatabaseName } from "./lib/databases";
import { onInterrupt, printBanner } from "./lib/processes";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

type BenchContext = { caseCount: number; databaseUrl: string; appSecret: string; storageDir: string };

/** The measurement modules, in the order they run: one line each. */
const MODULES: { name: string; run: (context: BenchContext) => Promise<void> }[] = [
  { name: "queue", run: (context) => runQueueBenchmark(context.databaseUrl) },
  { name: "statistics", run: (context) => runInProcessBenchmark(context.caseCount) },
  { name: "statistics-rollups", run: () => runStatisticsBenchmark() },
  { name: "background-jobs", run: (context) => runBackgroundJobsBenchmark(context.caseCount) },
  { name: "audit-verify", run: (context) => runAuditVerifyBenchmark(context.caseCount) },
  { name: "lighthouse", run: (context) => runLighthouseBenchmark({ databaseUrl: context.databaseUrl, appSecret: context.appSecret, storageDir: context.storageDir }) },
  { name: "public-pages", run: (context) => runPublicPagesBenchmark({ databaseUrl: context.databaseUrl, appSecret: context.appSecret, storageDir: context.storageDir }) },
  { name: "export-csv", run: (context) => runCsvExportBenchmark(context.caseCount) },
  { name: "filing-http", run: (context) => runFilingHttpBenchmark({ databaseUrl: context.databaseUrl, appSecret: context.appSecret }).then(() => undefined) },
];

async function main(): Promise<number> {
  const started = performance.now();
  let parsed: BenchArguments;
  try {
    parsed = parseBenchArguments(process.argv.slice(2), MODULES.map((benchModule) => benchModule.name));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const database = parsed.reuseDatabase
    ? { url: withDatabaseName(serverUrl, parsed.reuseDatabase), description: `the kept database "${parsed.reuseDatabase}"`, dispose: async () => {} }
    : await provideServerDatabase({ serverUrl, name: parsed.keepDatabase ?? uniqueDatabaseName("lapor_bench") });
  const kept = parsed.keepDatabase ?? parsed.reuseDatabase;
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-"));
  const cleanUp = async () => {
    if (!kept) await database.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  };
  onInterrupt(cleanUp);
  console.log(`Database: ${database.description}; modules: ${parsed.modules.join(", ") || "none"}`);
  const phases: DataPhase[] = [];
  try {
    const appSecret = randomBytes(36).toString("base64url");
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: appSecret, STORAGE_DIR: storageDir });
    // A replica from the shell would be another database than the one just made.
    delete process.env.DATABASE_READ_URL;
    if (!parsed.reuseDatabase) {
      const dataStarted = performance.now();
      const dataPhases = await prepareBenchDatabase(database.url, parsed.caseCount, appSecret);
      phases.push({ name: "data", seconds: (performance.now() - dataStarted) / 1000 }, ...dataPhases.map((phase) => ({ ...phase, name: `  ${phase.name}` })));
    }
    const context: BenchContext = { caseCount: parsed.caseCount, databaseUrl: database.url, appSecret, storageDir };
    for (const benchModule of MODULES.filter((candidate) => parsed.modules.includes(candidate.name))) {
      const moduleStarted = performance.now();
      await benchModule.run(context);
      phases.push({ name: benchModule.name, seconds: (performance.now() - moduleStarted) / 1000 });
      console.log(`\n${benchModule.name}: ${phases.at(-1)!.seconds.toFixed(1)} s`);
    }
    return 0;
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    printPhases(parsed.caseCount, phases, (performance.now() - started) / 1000, kept);
  }
}

function printPhases(caseCount: number, phases: DataPhase[], totalSeconds: number, kept: string | undefined): void {
  const total = kept ? `total (database "${kept}" kept)` : "total (database dropped)";
  printBanner(`Bench phases at ${caseCount} cases (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
  const width = Math.max(...phases.map((phase) => phase.name.length), total.length);
  for (const phase of phases) console.log(`${phase.name.padEnd(width)}  ${phase.seconds.toFixed(1).padStart(8)} s`);
  console.log(`${total.padEnd(width)}  ${totalSeconds.toFixed(1).padStart(8)} s`);
}

process.exitCode = await main();
