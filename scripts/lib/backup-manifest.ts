import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";

/**
 * The manifest of a backup made by `npm run backup` (scripts/backup.ts) and checked by `npm run
 * restore` (scripts/restore.ts): the dump's hash, every table's row count and checksum as they
 * were in the dump's snapshot, and the SHA-256 of every stored file.
 */

export const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "database.dump";
export const STORAGE_FOLDER = "storage";

export type TableSummary = { rows: number; checksum: string };

export type BackupManifest = {
  format: 1;
  createdAt: string;
  database: { file: string; sha256: string; serverVersion: string; tables: Record<string, TableSummary> };
  storage: { folder: string; files: { path: string; sizeBytes: number; sha256: string }[] };
};

/**
 * Row text that is the same on every server: the settings that shape how values print are fixed
 * for the session (a restored server may have another time zone or date style).
 */
const DETERMINISTIC_OUTPUT = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
];

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every table of the public schema with its row count and a checksum of its rows: the sum of a
 * 60-bit prefix of each row's MD5. The sum does not depend on row order, so it needs no sort
 * and no memory beyond one row at a time, even on the largest table; any changed, missing or
 * added row changes it.
 */
export async function summarizeTables(client: pg.Client): Promise<Record<string, TableSummary>> {
  for (const statement of DETERMINISTIC_OUTPUT) await client.query(statement);
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
  );
  const summaries: Record<string, TableSummary> = {};
  for (const { name } of tables.rows) {
    const result = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text AS checksum
       FROM public.${quoteIdentifier(name)} t`,
    );
    summaries[name] = { rows: Number(result.rows[0]!.rows), checksum: result.rows[0]!.checksum };
  }
  return summaries;
}

/** Differences between two table summaries, one line each; empty when they agree. */
export function compareTables(expected: Record<string, TableSummary>, actual: Record<string, TableSummary>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const differences: string[] = [];
  for (const name of names) {
    const want = expected[name];
    const got = actual[name];
    if (!want) differences.push(`table ${name} is not in the backup`);
    else if (!got) differences.push(`table ${name} is missing`);
    else if (want.rows !== got.rows) differences.push(`table ${name}: ${got.rows} rows, the backup has ${want.rows}`);
    else if (want.checksum !== got.checksum) differences.push(`table ${name}: same ${got.rows} rows, different content`);
  }
  return differences;
}

export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest("hex");
}

/** Every file under `root`, as "/"-separated paths relative to it, sorted. */
export function listFilesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** A connection string pg_dump and pg_restore accept: Prisma's own parameters (`schema`, ...) removed. */
export function toLibpqUrl(url: string): string {
  const parsed = new URL(url);
  for (const name of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"]) {
    parsed.searchParams.delete(name);
  }
  return parsed.toString();
}

export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** The value after `name` in a script's arguments (`--out DIR`), or null. */
export function readOption(args: string[], name: string): string | null {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? null) : null;
}

/** Runs one of PostgreSQL's client tools (pg_dump, pg_restore), its output shown as it comes. */
export function runPostgresTool(tool: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (error) =>
      reject(new Error(`${tool} could not be started (${error.message}): install PostgreSQL's client tools (apt-get install -y postgresql-client)`)),
    );
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed with exit code ${code}`))));
  });
}
