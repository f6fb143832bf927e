/**
 * `npm run restore -- --from <backup folder>`: restores a backup made by `npm run backup` into
 * the EMPTY database of DATABASE_URL and the EMPTY (or missing) folder STORAGE_DIR. Refuses
 * anything else, so it can never mix two installations. Checks the backup against its manifest
 * first (the dump's and every file's SHA-256), restores with pg_restore in one transaction,
 * then checks every table's row count and checksum and every restored file's SHA-256 against
 * the manifest, and prints what it verified and how long it took.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  compareTables,
  formatSeconds,
  hashFile,
  listFilesUnder,
  readOption,
  runPostgresTool,
  MANIFEST_FILE,
  summarizeTables,
  toLibpqUrl,
  type BackupManifest,
} from "./lib/backup-manifest";
import { PROJECT_ROOT } from "./lib/processes";

/** Objects of this installation in a database: relations and types outside the system schemas. */
async function countUserObjects(client: pg.Client): Promise<number> {
  const result = await client.query<{ count: string }>(`
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%')
         + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%') AS count`);
  return Number(result.rows[0]!.count);
}

/** Problems with the backup folder itself: a changed dump, missing, changed or extra files. */
async function checkBackup(from: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const dumpPath = path.join(from, manifest.database.file);
  if (!fs.existsSync(dumpPath)) problems.push(`${manifest.database.file} is missing`);
  else if ((await hashFile(dumpPath)) !== manifest.database.sha256) problems.push(`${manifest.database.file} does not match its SHA-256`);
  const storageRoot = path.join(from, manifest.storage.folder);
  const listed = new Set(manifest.storage.files.map((file) => file.path));
  for (const extra of listFilesUnder(storageRoot).filter((file) => !listed.has(file))) problems.push(`${extra} is not in the manifest`);
  for (const file of manifest.storage.files) {
    const filePath = path.join(storageRoot, ...file.path.split("/"));
    if (!fs.existsSync(filePath)) problems.push(`${file.path} is missing`);
    else if ((await hashFile(filePath)) !== file.sha256) problems.push(`${file.path} does not match its SHA-256`);
  }
  return problems;
}

function printProblems(title: string, problems: string[]): void {
  console.error(`${title} (${problems.length}):`);
  for (const problem of problems.slice(0, 20)) console.error(`  - ${problem}`);
  if (problems.length > 20) console.error(`  ... and ${problems.length - 20} more`);
}

async function main(): Promise<number> {
  const fromArgument = readOption(process.argv.slice(2), "--from");
  if (!fromArgument) {
    console.error("Usage: npm run restore -- --from <backup folder>   (into the empty DATABASE_URL and STORAGE_DIR)");
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: point it at an empty PostgreSQL database to restore into.");
    return 2;
  }
  const from = path.resolve(fromArgument);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(from, MANIFEST_FILE), "utf8")) as BackupManifest;
  } catch (error) {
    console.error(`${from} holds no readable ${MANIFEST_FILE}: is it a folder written by npm run backup? (${String(error)})`);
    return 2;
  }
  const storageDir = path.resolve(PROJECT_ROOT, process.env.STORAGE_DIR ?? ".data/storage");
  if (fs.existsSync(storageDir) && fs.readdirSync(storageDir).length > 0) {
    console.error(`STORAGE_DIR ${storageDir} is not empty: restore into an empty or new folder.`);
    return 2;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await countUserObjects(client);
    if (existing > 0) {
      console.error(`The database of DATABASE_URL is not empty (${existing} tables, sequences or types): restore into a new, empty database.`);
      return 2;
    }

    const startedAt = Date.now();
    console.log(`Checking the backup in ${from} against its manifest (taken ${manifest.createdAt})...`);
    const backupProblems = await checkBackup(from, manifest);
    if (backupProblems.length > 0) {
      printProblems("THE BACKUP IS DAMAGED; nothing was restored", backupProblems);
      return 1;
    }

    console.log("Restoring the database (pg_restore, one transaction)...");
    const databaseStartedAt = Date.now();
    await runPostgresTool("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--dbname",
      toLibpqUrl(databaseUrl),
      path.join(from, manifest.database.file),
    ]);
    const databaseMs = Date.now() - databaseStartedAt;
    const tableProblems = compareTables(manifest.database.tables, await summarizeTables(client));

    console.log(`Restoring ${manifest.storage.files.length} files into ${storageDir}...`);
    const filesStartedAt = Date.now();
    const fileProblems: string[] = [];
    for (const file of manifest.storage.files) {
      const to = path.join(storageDir, ...file.path.split("/"));
      fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
      fs.copyFileSync(path.join(from, manifest.storage.folder, ...file.path.split("/")), to);
      fs.chmodSync(to, 0o600);
      if ((await hashFile(to)) !== file.sha256) fileProblems.push(`${file.path} differs after copying`);
    }
    const filesMs = Date.now() - filesStartedAt;

    if (tableProblems.length > 0 || fileProblems.length > 0) {
      printProblems("RESTORE DOES NOT MATCH THE BACKUP", [...tableProblems, ...fileProblems]);
      return 1;
    }
    const tableCount = Object.keys(manifest.database.tables).length;
    const rowCount = Object.values(manifest.database.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`Restored and verified in ${formatSeconds(Date.now() - startedAt)} (database ${formatSeconds(databaseMs)}, files ${formatSeconds(filesMs)}):
  database: ${tableCount} tables, ${rowCount} rows; every table's row count and checksum match the manifest
  storage:  ${manifest.storage.files.length} files; every SHA-256 matches the manifest`);
    return 0;
  } catch (error) {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error("The database and STORAGE_DIR may now hold part of the backup: drop and recreate both before trying again.");
    return 1;
  } finally {
    await client.end();
  }
}

process.exitCode = await main();
