/**
 * `npm test`: every check, in order, each announced loudly; a failing suite does not stop the
 * ones after it, and the exit code is non-zero if any failed. Ends with a summary and a line
 * `N passed, N failed` (tests of every suite; lint, typecheck and the drift check count as one
 * each).
 *
 *   node --import tsx scripts/test.ts [suite ...]    suites: lint typecheck drift unit integration e2e
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnvironment, printBanner, projectBin, runCommand } from "./lib/processes";

type Counts = { passed: number; failed: number; skipped: number };
type SuiteResult = { exitCode: number; counts: Counts | null };
type Suite = { name: string; title: string; run(reportDir: string): Promise<SuiteResult> };

const tsx = ["--import", "tsx"];

const SUITES: Suite[] = [
  {
    name: "lint",
    title: "Lint (eslint .)",
    run: () => runCheck(projectBin("eslint"), ["."]),
  },
  {
    name: "typecheck",
    title: "Typecheck (next typegen, tsc --noEmit)",
    run: async () => {
      const typegen = await runCommand(projectBin("next"), ["typegen"]);
      return typegen === 0 ? runCheck(projectBin("tsc"), ["--noEmit"]) : { exitCode: typegen, counts: null };
    },
  },
  {
    name: "drift",
    title: "Migration drift check",
    run: () => runCheck(process.execPath, [...tsx, "scripts/check-migration-drift.ts"]),
  },
  {
    name: "unit",
    title: "Unit tests (vitest, tests/unit)",
    run: (reportDir) => runVitest("vitest.unit.config.ts", path.join(reportDir, "unit.json")),
  },
  {
    name: "integration",
    title: `Integration tests (vitest, tests/integration, ${describeIntegrationDatabase()})`,
    run: (reportDir) => runVitest("vitest.integration.config.ts", path.join(reportDir, "integration.json")),
  },
  {
    name: "e2e",
    title: "End-to-end tests (Playwright, tests/e2e)",
    run: async (reportDir) => {
      const reportPath = path.join(reportDir, "e2e.json");
      const exitCode = await runCommand(
        process.execPath,
        [...tsx, "scripts/test-e2e.ts", "--rebuild", "--reporter=list,json"],
        { env: childEnvironment({ PLAYWRIGHT_JSON_OUTPUT_NAME: reportPath }) },
      );
      return { exitCode, counts: readPlaywrightCounts(reportPath) };
    },
  },
];

/** Which database the integration tests run on, for the banner: never "real Postgres" when it is not. */
function describeIntegrationDatabase(): string {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return "embedded PGlite: PostgreSQL in WebAssembly, one shared backend; set DATABASE_URL for a PostgreSQL server";
  try {
    return `PostgreSQL server at ${new URL(serverUrl).host}`;
  } catch {
    return "PostgreSQL server from DATABASE_URL";
  }
}

async function runCheck(command: string, args: string[]): Promise<SuiteResult> {
  const exitCode = await runCommand(command, args);
  return { exitCode, counts: exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 } };
}

async function runVitest(config: string, reportPath: string): Promise<SuiteResult> {
  const exitCode = await runCommand(projectBin("vitest"), [
    "run",
    "--config",
    config,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportPath}`,
  ]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(
    reportPath,
  );
  const counts = report
    ? { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
    : null;
  return { exitCode, counts };
}

function readPlaywrightCounts(reportPath: string): Counts | null {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(reportPath);
  if (!report) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

function readJson<T>(filePath: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(filePath, "utf8")) as T;
  } catch {
    return null;
  }
}

function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(", ")}. Suites: ${SUITES.map((suite) => suite.name).join(" ")}`);
    return 2;
  }
  const suites = requested.length > 0 ? SUITES.filter((suite) => requested.includes(suite.name)) : SUITES;
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-test-reports-"));
  console.log(
    `Database for the test runs: ${process.env.DATABASE_URL ? `the server of DATABASE_URL (${new URL(process.env.DATABASE_URL).host})` : "embedded PGlite (DATABASE_URL is not set)"}`,
  );

  const rows: { suite: Suite; result: SuiteResult; durationMs: number }[] = [];
  for (const suite of suites) {
    printBanner(`[${rows.length + 1}/${suites.length}] ${suite.title}`);
    const startedAt = Date.now();
    let result: SuiteResult;
    try {
      result = await suite.run(reportDir);
    } catch (error) {
      console.error(error);
      result = { exitCode: 1, counts: null };
    }
    const durationMs = Date.now() - startedAt;
    rows.push({ suite, result, durationMs });
    console.log(`\n${result.exitCode === 0 ? "PASSED" : "FAILED"}: ${suite.title} (${formatDuration(durationMs)})`);
  }
  fs.rmSync(reportDir, { recursive: true, force: true });

  printBanner("Summary");
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const { suite, result, durationMs } of rows) {
    // A suite that failed without a report (it crashed, or its server did not start) counts as one failure.
    const counts = result.counts ?? { passed: 0, failed: result.exitCode === 0 ? 0 : 1, skipped: 0 };
    const failed = result.exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed;
    total.passed += counts.passed;
    total.failed += failed;
    total.skipped += counts.skipped;
    const status = result.exitCode === 0 ? "ok    " : "FAILED";
    const detail = `${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
    console.log(`  ${status} ${suite.name.padEnd(12)} ${detail.padEnd(36)} ${formatDuration(durationMs)}`);
  }
  const isFailure = rows.some((row) => row.result.exitCode !== 0);
  console.log(`\n${isFailure ? "npm test FAILED" : "npm test passed"}${total.skipped ? ` (${total.skipped} skipped)` : ""}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return isFailure ? 1 : 0;
}

process.exitCode = await main();
