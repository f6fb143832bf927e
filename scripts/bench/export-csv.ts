/**
 * `npm run bench:exports [-- --cases=N | --database=URL]`: speed and memory of the case exports
 * (lib/exports), measured, never asserted. Each export runs through the real job worker in a
 * child process (./export-child.ts) that reports its own peak resident memory (maxRSS), and the
 * CSV's rows per second are printed beside `psql \copy` of the same rows (the export's own
 * query with the raw column values, same scope, filters and order) timed in the same run.
 *
 * Without --database it works on a temporary database (dropped at the end): a few seeded cases
 * multiplied by SQL to 10,000, then to N (default 100,000). With --database=URL it measures that
 * database as it is (a copy of a large one; it writes export jobs and audit events into it).
 * The XLSX export is measured at its cap (XLSX_MAX_ROWS): larger ones are refused.
 * `npm run bench` calls runCsvExportBenchmark() on its own database too.
 *
 *   node --conditions=react-server --import tsx scripts/bench/export-csv.ts [--cases=N | --database=URL]
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import pg from "pg";

import { db, disconnectDatabases } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { exportSelectSql } from "@/lib/exports/case-rows";
import { buildExportColumns } from "@/lib/exports/columns";
import { inlineSql } from "@/lib/exports/copy-out";
import { loadExportTranslators } from "@/lib/exports/texts";
import { XLSX_MAX_ROWS } from "@/lib/exports/worker";
import { Prisma } from "@/lib/generated/prisma/client";

import { provideServerDatabase, uniqueDatabaseName } from "../lib/databases";
import { childEnvironment, onInterrupt, PROJECT_ROOT, printBanner, printStep } from "../lib/processes";
import { applyMigrations, seedDatabase } from "../lib/prisma";
import type { ExportChildResult } from "./export-child";
import { printTable } from "./report";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const NATIONAL_SUPERVISOR = "supervisor.nasional@demo.lapor-imigrasi.id";
const TEMPLATE_CASES = 50;
const SMALL_SIZE = 10_000;
const DEFAULT_LARGE_SIZE = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const mebibytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export type ExportRun = { label: string; format: "csv" | "xlsx"; includeFreeText?: boolean; from: string; to: string };
export type ExportFigures = ExportRun & ExportChildResult & { baseline?: { rows: number; seconds: number } };

/** Every case of the last 400 days (the national supervisor's whole archive in the bench data). */
export function lastDays(days: number): { from: string; to: string } {
  return { from: toJakartaDateKey(new Date(Date.now() - days * DAY_MS)), to: toJakartaDateKey(new Date()) };
}

/** One export in a child process (its maxRSS is the export's), against the database in DATABASE_URL. */
export async function measureExport(run: ExportRun): Promise<ExportChildResult> {
  const args = ["--conditions=react-server", "--import", "tsx", path.join(PROJECT_ROOT, "scripts/bench/export-child.ts"), `--format=${run.format}`, `--from=${run.from}`, `--to=${run.to}`];
  if (run.includeFreeText) args.push("--free-text");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: childEnvironment({ RATE_LIMIT_EXPORTS_PER_HOUR: "1000" }), stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`export child exited with ${code}`))));
  });
  const result = JSON.parse(output.trim().split("\n").pop()!) as ExportChildResult;
  if (result.status !== "SUCCEEDED") throw new Error(`export ended ${result.status} (${result.error})`);
  return result;
}

/**
 * The baseline: `psql \copy` of the same rows into a file, as CSV. The query is the export's own
 * (exportSelectSql with the columns' raw SQL values), so scope, filters, joins and order match.
 */
export async function measurePsqlCopy(run: ExportRun): Promise<{ rows: number; seconds: number }> {
  const actor = await db.staffUser.findUniqueOrThrow({
    where: { email: NATIONAL_SUPERVISOR },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
  const columns = buildExportColumns(await loadExportTranslators("id"), { locale: "id", includeFreeText: run.includeFreeText ?? false, now: new Date() });
  const query = inlineSql(exportSelectSql(actor, { period: { preset: "custom", from: run.from, to: run.to } }, Prisma.join(columns.map((column) => column.sql)))).replace(/\s+/g, " ");
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-copy-")), "rows.csv");
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("psql", ["-X", "-v", "ON_ERROR_STOP=1", "-d", process.env.DATABASE_URL!, "-c", `\\copy (${query}) TO '${target}' CSV`], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`psql exited with ${code}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
  return { rows: Number(/COPY (\d+)/.exec(output)?.[1] ?? Number.NaN), seconds };
}

/** The CSV runs with their baseline (psql first, then the export, in the same pass); XLSX runs alone. */
export async function measureExports(runs: ExportRun[]): Promise<ExportFigures[]> {
  const figures: ExportFigures[] = [];
  for (const run of runs) {
    printStep(`export: ${run.label}`);
    const baseline = run.format === "csv" ? await measurePsqlCopy(run) : undefined;
    const measured = await measureExport(run);
    console.log(`  ${measured.rows} rows in ${measured.seconds.toFixed(1)} s, peak RSS ${measured.maxRssMiB} MiB${baseline ? `; psql \\copy ${baseline.rows} rows in ${baseline.seconds.toFixed(1)} s` : ""}`);
    figures.push({ ...run, ...measured, baseline });
  }
  return figures;
}

export function printExportFigures(figures: ExportFigures[]): void {
  console.log("\nCase exports through the job worker (national supervisor), each in a child process; CSV beside `psql \\copy` of the same rows in the same run");
  const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
  printTable(
    ["run", "rows", "export s", "export rows/s", "psql \\copy s", "psql rows/s", "ratio", "file MiB", "RSS before MiB", "peak RSS MiB"],
    figures.map((f) => [
      f.label,
      String(f.rows),
      f.seconds.toFixed(1),
      String(rate(f.rows, f.seconds)),
      f.baseline ? f.baseline.seconds.toFixed(1) : "-",
      f.baseline ? String(rate(f.baseline.rows, f.baseline.seconds)) : "-",
      f.baseline ? `${(f.baseline.seconds / f.seconds).toFixed(2)}x` : "-",
      String(mebibytes(f.fileBytes)),
      String(f.rssBeforeMiB),
      String(f.maxRssMiB),
    ]),
  );
  console.log("ratio: export rows/s over psql rows/s (1.00x = as fast as psql). Peak RSS: the child's maxRSS, module loading included.");
}

/** The runs of `npm run bench` on a database of `caseCount` cases spread over the last year. */
export async function benchExportRuns(caseCount: number): Promise<ExportRun[]> {
  const year = lastDays(400);
  // The XLSX near its cap: from the Jakarta day after the receipt of the 90 % * XLSX_MAX_ROWS-th newest case.
  const [newest] = await db.$queryRaw<{ receivedAt: Date }[]>`SELECT "receivedAt" FROM "Case" ORDER BY "receivedAt" DESC OFFSET ${Math.floor(XLSX_MAX_ROWS * 0.9)} LIMIT 1`;
  const xlsxFrom = newest ? toJakartaDateKey(new Date(newest.receivedAt.getTime() + DAY_MS)) : year.from;
  return [
    { label: `CSV, ${caseCount} cases`, format: "csv", ...year },
    { label: `CSV + free text, ${caseCount} cases`, format: "csv", includeFreeText: true, ...year },
    { label: `XLSX, cases from ${xlsxFrom}`, format: "xlsx", from: xlsxFrom, to: year.to },
  ];
}

/** For `npm run bench`: the exports of its database, printed, then the pool closed. */
export async function runCsvExportBenchmark(caseCount: number): Promise<void> {
  try {
    printExportFigures(await measureExports(await benchExportRuns(caseCount)));
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
  const existing = process.argv.slice(2).find((arg) => arg.startsWith("--database="))?.slice("--database=".length);
  if (existing) {
    try {
      Object.assign(process.env, { DATABASE_URL: existing, APP_SECRET: process.env.APP_SECRET ?? randomBytes(36).toString("base64url"), STORAGE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-exports-")) });
      delete process.env.DATABASE_READ_URL;
      const cases = await db.case.count();
      printBanner(`Export benchmark on an existing database (${cases} cases), Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
      printExportFigures(await measureExports(await benchExportRuns(cases)));
      return 0;
    } finally {
      await disconnectDatabases();
      fs.rmSync(process.env.STORAGE_DIR!, { recursive: true, force: true });
      console.log(`\nexport bench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
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
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: appSecret, STORAGE_DIR: storageDir });
    // A replica from the shell would be another database than the one just made.
    delete process.env.DATABASE_READ_URL;
    const figures: ExportFigures[] = [];
    const year = lastDays(400);
    await growCases(database.url, SMALL_SIZE);
    figures.push(...(await measureExports([{ label: `CSV, ${SMALL_SIZE} cases`, format: "csv", ...year }, { label: `XLSX, ${SMALL_SIZE} cases`, format: "xlsx", ...year }])));
    const xlsxSize = Math.min(XLSX_MAX_ROWS, largeSize);
    await growCases(database.url, xlsxSize);
    figures.push(...(await measureExports([{ label: `XLSX, ${xlsxSize} cases`, format: "xlsx", ...year }])));
    await growCases(database.url, largeSize);
    figures.push(...(await measureExports((await benchExportRuns(largeSize)).filter((run) => run.format === "csv"))));
    printBanner(`Export benchmark, Node ${process.version}, ${os.cpus().length} cores`);
    printExportFigures(figures);
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
