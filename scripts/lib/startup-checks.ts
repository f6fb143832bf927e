import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations, seedDatabase } from "./prisma";
import { PROJECT_ROOT, printStep } from "./processes";

/**
 * What `npm start` may skip on a restart: `prisma migrate deploy` when the database has applied
 * every migration of prisma/migrations from the same file (the checksum Prisma records), and
 * the seed when it last ran on this database from the same inputs. Both answers come from the
 * database itself, so they stay right for another database, a restored dump or a reset.
 */

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
const SEED_ENTRY = path.join(PROJECT_ROOT, "prisma", "seed.ts");
const SEED_DATA_DIR = path.join(PROJECT_ROOT, "data");
/** Kept outside the Prisma schema, like Prisma's own _prisma_migrations. */
const SEED_STAMP_TABLE = "_lapor_seed_stamp";

type Migration = { name: string; checksum: string };

/** The migrations of prisma/migrations with the checksum Prisma records for each: SHA-256 of migration.sql. */
export function listMigrations(migrationsDir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, checksum: sha256(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"))) }));
}

/**
 * The migrations `prisma migrate deploy` would have to look at: not applied, applied from a
 * file that has changed since, or left failed. Empty when there is nothing to do.
 */
export async function findPendingMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = await withClient(databaseUrl, async (client) => {
    const exists = await client.query<{ name: string | null }>("SELECT to_regclass('public._prisma_migrations')::text AS name");
    if (!exists.rows[0]?.name) return null;
    const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    return result.rows;
  });
  const migrations = listMigrations(migrationsDir);
  if (applied === null) return migrations.map((migration) => migration.name);
  const failed = applied.filter((row) => row.finished_at === null && row.rolled_back_at === null).map((row) => row.migration_name);
  const done = new Set(applied.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => `${row.migration_name}\0${row.checksum}`));
  const missing = migrations.filter((migration) => !done.has(`${migration.name}\0${migration.checksum}`)).map((migration) => migration.name);
  return [...new Set([...failed, ...missing])];
}

/** Runs `prisma migrate deploy` unless every migration is already applied; says which it did. */
export async function applyPendingMigrations(databaseUrl: string): Promise<"applied" | "skipped"> {
  const pending = await findPendingMigrations(databaseUrl);
  if (pending.length === 0) {
    printStep(`prisma migrate deploy skipped: the database has applied all ${listMigrations().length} migrations (same checksums)`);
    return "skipped";
  }
  await applyMigrations(databaseUrl);
  return "applied";
}

/**
 * A checksum of everything the seed reads: its code (prisma/seed.ts and every project file it
 * imports), the data files, its arguments and the migrations (the schema it writes into).
 */
export function computeSeedInputsChecksum(args: string[] = []): string {
  const hash = createHash("sha256");
  const files = [...collectImportedFiles(SEED_ENTRY), ...listFiles(SEED_DATA_DIR)].sort();
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  hash.update(`args=${JSON.stringify(args)}\0`);
  for (const migration of listMigrations()) hash.update(`${migration.name}=${migration.checksum}\0`);
  return hash.digest("hex");
}

/**
 * Runs the seed unless it already ran on this database from the same inputs. The seed only
 * adds what is missing, so skipping it when nothing it reads has changed leaves the same data.
 */
export async function seedIfInputsChanged(
  databaseUrl: string,
  options: { appSecret: string; args?: string[] },
): Promise<"seeded" | "skipped"> {
  const args = options.args ?? [];
  const checksum = computeSeedInputsChecksum(args);
  const key = args.join(" ");
  const stamp = await withClient(databaseUrl, async (client) => {
    const exists = await client.query<{ name: string | null }>(`SELECT to_regclass('public.${SEED_STAMP_TABLE}')::text AS name`);
    if (!exists.rows[0]?.name) return null;
    const result = await client.query<{ inputs_checksum: string; seeded_at: Date }>(
      `SELECT inputs_checksum, seeded_at FROM ${SEED_STAMP_TABLE} WHERE arguments = $1`,
      [key],
    );
    return result.rows[0] ?? null;
  });
  if (stamp?.inputs_checksum === checksum) {
    printStep(`seed skipped: it ran on this database at ${stamp.seeded_at.toISOString()} from the same code, data and migrations`);
    return "skipped";
  }
  await seedDatabase(databaseUrl, { appSecret: options.appSecret, args });
  await withClient(databaseUrl, async (client) => {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${SEED_STAMP_TABLE} (arguments text PRIMARY KEY, inputs_checksum text NOT NULL, seeded_at timestamptz NOT NULL)`,
    );
    await client.query(
      `INSERT INTO ${SEED_STAMP_TABLE} (arguments, inputs_checksum, seeded_at) VALUES ($1, $2, now())
       ON CONFLICT (arguments) DO UPDATE SET inputs_checksum = excluded.inputs_checksum, seeded_at = excluded.seeded_at`,
      [key, checksum],
    );
  });
  return "seeded";
}

/**
 * `entry` and every project file it imports, directly or not: relative imports and the `@/`
 * alias of tsconfig.json, resolved like TypeScript does (.ts, .tsx, index files). Packages
 * from node_modules are left out: package-lock.json pins them.
 */
export function collectImportedFiles(entry: string, root = PROJECT_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      const specifier = match[1]!;
      const base = specifier.startsWith("@/")
        ? path.join(root, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(file), specifier)
          : null;
      const resolved = base && resolveSourceFile(base);
      if (resolved) visit(resolved);
    }
  };
  visit(entry);
  return [...seen];
}

function resolveSourceFile(base: string): string | null {
  const candidates = [base, ...[".ts", ".tsx", ".js", ".mjs"].map((extension) => `${base}${extension}`), path.join(base, "index.ts"), path.join(base, "index.js")];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? null;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
