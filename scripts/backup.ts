/**
 * `npm run backup -- --out <folder>`: a consistent backup of one installation into a new folder:
 *   database.dump   pg_dump in custom format, taken from one snapshot
 *   storage/        a copy of STORAGE_DIR (evidence and export files)
 *   manifest.json   the dump's SHA-256, every table's row count and checksum in that same
 *                   snapshot, and the SHA-256 of every copied file
 * The database is dumped first and the files copied after: evidence files are only ever added
 * under new keys (never changed or deleted once attached), so every attachment in the dump finds
 * its file in the copy; this is checked before the backup is declared good. Runs while the app
 * serves. Needs DATABASE_URL (a PostgreSQL server) and pg_dump (Debian's postgresql-client).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  DUMP_FILE,
  formatSeconds,
  hashFile,
  listFilesUnder,
  readOption,
  runPostgresTool,
  MANIFEST_FILE,
  STORAGE_FOLDER,
  summarizeTables,
  toLibpqUrl,
  type BackupManifest,
} from "./lib/backup-manifest";
import { PROJECT_ROOT } from "./lib/processes";

/** Copies the storage folder file by file, hashing each copy. Files that vanish meanwhile (staged uploads swept or filed) are skipped. */
async function copyStorage(source: string, target: string): Promise<BackupManifest["storage"]["files"]> {
  const files: BackupManifest["storage"]["files"] = [];
  for (const relativePath of listFilesUnder(source)) {
    // A write in progress (storage.ts writes beside the target, then renames): not a stored file.
    if (path.basename(relativePath).includes(".partial-")) continue;
    const to = path.join(target, ...relativePath.split("/"));
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    try {
      fs.copyFileSync(path.join(source, ...relativePath.split("/")), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    files.push({ path: relativePath, sizeBytes: fs.statSync(to).size, sha256: await hashFile(to) });
  }
  return files;
}

async function main(): Promise<number> {
  const outArgument = readOption(process.argv.slice(2), "--out");
  if (!outArgument) {
    console.error("Usage: npm run backup -- --out <new or empty folder>");
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Backups need a PostgreSQL server. The embedded PGlite that `npm start` runs without " +
        "DATABASE_URL cannot be backed up this way: it is PostgreSQL 18, which Debian's pg_dump 15 refuses to dump " +
        '("server version mismatch"), and its wire server answers one connection at a time, so pg_dump cannot join ' +
        "the snapshot the manifest is taken in. For a demo installation, stop `npm start` and copy its .data folder instead.",
    );
    return 2;
  }
  const out = path.resolve(outArgument);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    console.error(`${out} is not empty: a backup goes into a new or empty folder.`);
    return 2;
  }
  const storageDir = path.resolve(PROJECT_ROOT, process.env.STORAGE_DIR ?? ".data/storage");
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  const startedAt = Date.now();

  // One snapshot for the dump and the summaries: pg_dump joins it with --snapshot while this
  // transaction holds it open.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let manifestDatabase: BackupManifest["database"];
  let attachmentKeys: string[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const serverVersion = (await client.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows[0]!.version;
    console.log(`Dumping the database (PostgreSQL ${serverVersion}) into ${DUMP_FILE}...`);
    const dumpPath = path.join(out, DUMP_FILE);
    await runPostgresTool("pg_dump", ["--format=custom", `--snapshot=${snapshot}`, `--file=${dumpPath}`, "--dbname", toLibpqUrl(databaseUrl)]);
    const tables = await summarizeTables(client);
    attachmentKeys = (await client.query<{ key: string }>(`SELECT "storageKey" AS key FROM "Attachment"`)).rows.map((row) => row.key);
    await client.query("COMMIT");
    manifestDatabase = { file: DUMP_FILE, sha256: await hashFile(dumpPath), serverVersion, tables };
  } finally {
    await client.end();
  }

  console.log(`Copying ${storageDir} into ${STORAGE_FOLDER}/...`);
  const files = await copyStorage(storageDir, path.join(out, STORAGE_FOLDER));
  const copied = new Set(files.map((file) => file.path));
  const missing = attachmentKeys.filter((key) => !copied.has(key));
  if (missing.length > 0) {
    console.error(
      `BACKUP INCOMPLETE: ${missing.length} evidence file(s) the database names are not in ${storageDir}, e.g. ${missing.slice(0, 3).join(", ")}. ` +
        "Is STORAGE_DIR the installation's storage?",
    );
    return 1;
  }

  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date(startedAt).toISOString(),
    database: manifestDatabase,
    storage: { folder: STORAGE_FOLDER, files },
  };
  fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });

  const tableCount = Object.keys(manifest.database.tables).length;
  const rowCount = Object.values(manifest.database.tables).reduce((sum, table) => sum + table.rows, 0);
  console.log(`Backup written to ${out} in ${formatSeconds(Date.now() - startedAt)}:
  database: ${tableCount} tables, ${rowCount} rows, row counts and checksums taken in the dump's snapshot
  storage:  ${files.length} files (SHA-256 of each in ${MANIFEST_FILE}); all ${attachmentKeys.length} evidence files the database names are in it`);
  return 0;
}

process.exitCode = await main();
