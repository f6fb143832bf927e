/**
 * `npm run crash-test [-- --rounds N]`: files reports in a loop through the real form while the
 * server is killed with SIGKILL and, separately, PostgreSQL is stopped with `pg_ctl stop -m
 * immediate`, each at random moments, N times (default 3). Then runs the reports housekeeping
 * as it would run a day later and checks that
 *   - every filing that got a receipt exists, with exactly the files the receipt acknowledged,
 *     stored with those SHA-256 hashes;
 *   - every filed case (receipt seen or not) is whole: its evidence, its CASE_FILED event, its
 *     idempotency record; and no submission was filed twice;
 *   - no evidence file is left that no attachment names, nothing stays in staging, and the
 *     audit trail's hash chain is intact.
 * Prints what it verified and exits 1 if anything failed.
 *
 * The database is a private PostgreSQL cluster started for the run (scripts/lib/private-postgres.ts),
 * never the machine's shared server; the app is the production build served by `next start`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { resolveAppSecret } from "./lib/app-secret";
import { collectCrashEvidence, verifyAfterCrashes, type CrashRunRecord } from "./lib/crash-verification";
import { startPrivatePostgres, type PrivatePostgres } from "./lib/private-postgres";
import { ensureProductionBuild } from "./lib/production-build";
import { applyMigrations, seedDatabase } from "./lib/prisma";
import {
  childEnvironment,
  findFreePort,
  onInterrupt,
  printBanner,
  printStep,
  projectBin,
  startService,
  type Service,
} from "./lib/processes";
import { createUniquePdf, fileReportOverHttp, type FilingAttempt } from "./lib/report-filing-client";

const CONCURRENT_REPORTERS = 3;

function readRounds(args: string[]): number {
  const index = args.indexOf("--rounds");
  const rounds = index >= 0 ? Number(args[index + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) throw new Error("--rounds takes a whole number from 1 to 100");
  return rounds;
}

function randomBetween(minimumMs: number, maximumMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, minimumMs + Math.random() * (maximumMs - minimumMs)));
}

/** Waits until `condition` holds, checking every 200 ms; fails after `limitMs` with `what`. */
async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, limitMs = 300_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const rounds = readRounds(process.argv.slice(2));
  printBanner(`Crash safety: ${rounds} server kill(s) and ${rounds} immediate PostgreSQL stop(s) while reports are filed`);
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-crash-storage-"));
  const serverLogPath = path.join(os.tmpdir(), `lapor-crash-server-${process.pid}.log`);
  let serverLogFd: number | null = null;
  let isPassed = false;
  let postgres: PrivatePostgres | null = null;
  let server: Service | null = null;
  const cleanUp = async () => {
    await server?.stop();
    await postgres?.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
    if (serverLogFd !== null) fs.closeSync(serverLogFd);
    if (isPassed) fs.rmSync(serverLogPath, { force: true });
    else if (fs.existsSync(serverLogPath)) console.error(`The server's output is in ${serverLogPath}`);
  };
  onInterrupt(cleanUp);

  try {
    printStep("private PostgreSQL cluster (initdb, pg_ctl start)");
    postgres = await startPrivatePostgres();
    console.log(`Database: ${postgres.url} (a cluster of this run only)`);
    await applyMigrations(postgres.url);
    // One secret for the seed and the server: the seeded audit events are keyed with it.
    const appSecret = resolveAppSecret();
    await seedDatabase(postgres.url, { appSecret });

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv = childEnvironment({
      DATABASE_URL: postgres.url,
      APP_SECRET: appSecret,
      STORAGE_DIR: storageDir,
      PORT: String(port),
      // The clients reach the server directly (next start runs as production, which requires it).
      TRUST_PROXY: "false",
      // Production also requires the site's address (printed on receipts).
      PUBLIC_BASE_URL: baseUrl,
      // Every filing comes from 127.0.0.1: the abuse limits are not under test here.
      RATE_LIMIT_FILINGS_PER_HOUR: "100000",
      RATE_LIMIT_EVIDENCE_UPLOADS_PER_HOUR: "100000",
    });
    await ensureProductionBuild({ env: serverEnv });
    // The server's errors while its database is down are expected: kept in a file, shown on failure.
    serverLogFd = fs.openSync(serverLogPath, "a");
    const startServer = async () => {
      server = startService(projectBin("next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], serverEnv, { logFd: serverLogFd! });
      await waitUntil("the server to answer /api/health", () => isHealthy(baseUrl));
    };
    printStep(`next start on ${baseUrl}`);
    await startServer();

    const attempts: FilingAttempt[] = [];
    let isFiling = true;
    const receiptsSoFar = () => attempts.filter((attempt) => attempt.outcome === "receipt").length;
    const reporters = Array.from({ length: CONCURRENT_REPORTERS }, async (_, reporter) => {
      for (let filing = 0; isFiling; filing += 1) {
        const files = Array.from({ length: 1 + (filing % 2) }, (_, index) => createUniquePdf(`bukti-${index + 1}.pdf`));
        const attempt = await fileReportOverHttp(baseUrl, {
          marker: `[crash-${randomUUID().slice(0, 8)}]`,
          files,
          evidencePath: (reporter + filing) % 2 === 0 ? "form" : "upload",
        });
        attempts.push(attempt);
        // An unreachable server is retried by the next filing, without hammering it.
        if (attempt.outcome === "failed") await new Promise((resolve) => setTimeout(resolve, 300));
      }
    });
    const waitForNewReceipt = async (what: string) => {
      const before = receiptsSoFar();
      await waitUntil(`a receipt ${what}`, () => receiptsSoFar() > before);
    };

    const record: CrashRunRecord = { serverKills: 0, postgresStops: 0 };
    for (let round = 1; round <= rounds; round += 1) {
      await waitForNewReceipt("before the server kill");
      await randomBetween(0, 1_500);
      printStep(`round ${round}: SIGKILL to next start (${receiptsSoFar()} receipts so far)`);
      const killed: Service = server!;
      process.kill(-killed.child.pid!, "SIGKILL");
      await killed.exited;
      record.serverKills += 1;
      await startServer();

      await waitForNewReceipt("after the restart");
      await randomBetween(0, 1_500);
      printStep(`round ${round}: pg_ctl stop -m immediate (${receiptsSoFar()} receipts so far)`);
      await postgres.stopImmediately();
      record.postgresStops += 1;
      await randomBetween(0, 1_000);
      await postgres.start();
      await waitUntil("the server to reach the database again", () => isHealthy(baseUrl));
    }
    await waitForNewReceipt("after the last PostgreSQL restart");
    isFiling = false;
    await Promise.all(reporters);
    await server!.stop();
    server = null;

    const evidence = await collectCrashEvidence({ databaseUrl: postgres.url, storageDir });
    printStep("reports housekeeping, run as a day later");
    const summary = await verifyAfterCrashes({ databaseUrl: postgres.url, storageDir, appSecret: serverEnv.APP_SECRET!, attempts, record, evidence });
    isPassed = summary.failures.length === 0;
    return isPassed ? 0 : 1;
  } catch (error) {
    console.error(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exitCode = await main();
