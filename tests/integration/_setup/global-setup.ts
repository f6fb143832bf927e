import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { resolveAppSecret } from "../../../scripts/lib/app-secret";
import { dropServerDatabasesStartingWith, provideServerDatabase, uniqueDatabaseName, withDatabaseName } from "../../../scripts/lib/databases";
import { startEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../../scripts/lib/prisma";
import type { MigratedDatabaseSource } from "./test-file-database";

declare module "vitest" {
  export interface ProvidedContext {
    migratedDatabase: MigratedDatabaseSource;
    storageDir: string;
    appSecret: string;
  }
}

/**
 * Migrates one fresh database for this run, the source every test file copies its own database
 * from (see test-file-database.ts): on the DATABASE_URL server a template database, or without
 * DATABASE_URL a snapshot of a migrated in-memory PGlite. Everything is dropped or deleted when
 * the run ends, failed or not.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-integration-"));
  const storageDir = path.join(runDir, "storage");
  fs.mkdirSync(storageDir);
  const serverUrl = process.env.DATABASE_URL;
  const templateName = uniqueDatabaseName("lapor_integration");
  const cleanUp = async () => {
    if (serverUrl) await dropServerDatabasesStartingWith(serverUrl, templateName);
    fs.rmSync(runDir, { recursive: true, force: true });
  };

  try {
    const migratedDatabase = serverUrl
      ? await migrateTemplateDatabase(serverUrl, templateName)
      : await migrateEmbeddedSnapshot(path.join(runDir, "migrated-pglite.tar"));
    project.provide("migratedDatabase", migratedDatabase);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  project.provide("storageDir", storageDir);
  project.provide("appSecret", resolveAppSecret());
  return cleanUp;
}

async function migrateTemplateDatabase(serverUrl: string, templateName: string): Promise<MigratedDatabaseSource> {
  // Dropped with the files' copies by the clean-up, which finds them all by this name prefix.
  await provideServerDatabase({ serverUrl, name: templateName });
  console.log(`Integration tests: each file gets a copy of "${templateName}" on ${new URL(serverUrl).host}`);
  await applyMigrations(withDatabaseName(serverUrl, templateName));
  return { kind: "template", serverUrl, templateName };
}

async function migrateEmbeddedSnapshot(snapshotPath: string): Promise<MigratedDatabaseSource> {
  const embedded = await startEmbeddedPostgres({ port: 0 });
  try {
    await applyMigrations(embedded.url);
    fs.writeFileSync(snapshotPath, Buffer.from(await (await embedded.takeSnapshot()).arrayBuffer()));
  } finally {
    await embedded.stop();
  }
  console.log("Integration tests: each file gets an in-memory PGlite loaded from a migrated snapshot");
  return { kind: "snapshot", snapshotPath };
}
