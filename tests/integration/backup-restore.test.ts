import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { stageEvidence } from "@/lib/attachments/staging";
import { disconnectDatabases } from "@/lib/db";
import { fileReport } from "@/lib/reports/file-report";

import { provideServerDatabase, uniqueDatabaseName, type ProvidedDatabase } from "../../scripts/lib/databases";
import { seedDatabase } from "../../scripts/lib/prisma";
import { createJpegWithGps, createPdf } from "../fixtures/evidence-files";
import { FILING_NOW, pungliForm } from "../fixtures/reports";

/**
 * `npm run backup` and `npm run restore` on a seeded instance with filed reports and their
 * evidence: the restored database and storage folder must equal the originals, which this
 * test checks on its own terms (row counts, an ordered MD5 of every table's rows, every file's
 * SHA-256), not through the manifest the scripts wrote.
 */

// This file's instance keeps its evidence apart from the other files' (they share the run's
// storage folder): set before anything reads the environment (lib/env.ts reads it on first use).
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-backup-test-"));
const sourceStorage = path.join(workDir, "source-storage");
process.env.STORAGE_DIR = sourceStorage;

const run = promisify(execFile);
const source = inject("migratedDatabase");
const backupDir = path.join(workDir, "backup");
const restoredStorage = path.join(workDir, "restored-storage");
let restored: ProvidedDatabase | null = null;

function runScript(script: string, args: string[], environment: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...environment },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Row count and an MD5 of the rows in primary-key order, per table of the public schema. */
async function describeTables(databaseUrl: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    const tables = await client.query<{ name: string; keys: string[] | null }>(`
      SELECT c.relname AS name,
        (SELECT array_agg(a.attname::text ORDER BY k.ordinality)
           FROM pg_index i CROSS JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
          WHERE i.indrelid = c.oid AND i.indisprimary) AS keys
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    const described: Record<string, { rows: number; md5: string }> = {};
    for (const { name, keys } of tables.rows) {
      const order = keys ? keys.map((key) => `t."${key}"`).join(", ") : `t::text COLLATE "C"`;
      const result = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM public."${name}" t`,
      );
      described[name] = { rows: Number(result.rows[0]!.rows), md5: result.rows[0]!.md5 };
    }
    return described;
  } finally {
    await client.end();
  }
}

function hashFilesUnder(root: string): Record<string, string> {
  if (!fs.existsSync(root)) return {};
  const hashes: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const filePath = path.join(entry.parentPath, entry.name);
    hashes[path.relative(root, filePath).split(path.sep).join("/")] = createHash("sha256").update(fs.readFileSync(filePath)).digest("hex");
  }
  return hashes;
}

async function fileReportWithEvidence(files: { bytes: Buffer; name: string }[]) {
  const tokens: string[] = [];
  for (const file of files) {
    const staged = await stageEvidence({ bytes: file.bytes, fileName: file.name }, { now: FILING_NOW });
    if (!staged.ok) throw new Error(`staging refused ${file.name}: ${staged.error}`);
    tokens.push(staged.evidence.token);
  }
  const form = pungliForm({ description: `Laporan untuk uji cadangan ${randomUUID()}.` });
  const result = await fileReport({ form, evidenceTokens: tokens, locale: "id", now: FILING_NOW });
  if (result.status !== "filed") throw new Error(`filing failed: ${JSON.stringify(result)}`);
}

describe.skipIf(source.kind !== "template")("backup and restore (needs a PostgreSQL server: pg_dump cannot dump the embedded PGlite)", () => {
  beforeAll(async () => {
    await seedDatabase(process.env.DATABASE_URL!, { appSecret: process.env.APP_SECRET! });
    await fileReportWithEvidence([{ bytes: createPdf(), name: "surat.pdf" }, { bytes: await createJpegWithGps(), name: "foto.jpg" }]);
    await fileReportWithEvidence([{ bytes: createPdf(), name: "kuitansi.pdf" }]);
    await fileReportWithEvidence([]);
    // A staged file never filed is part of the storage too.
    await stageEvidence({ bytes: createPdf(), fileName: "belum.pdf" }, { now: FILING_NOW });

    const backup = await runScript("scripts/backup.ts", ["--out", backupDir], { DATABASE_URL: process.env.DATABASE_URL!, STORAGE_DIR: sourceStorage });
    console.log(backup.stdout);
  }, 300_000);

  afterAll(async () => {
    await disconnectDatabases();
    await restored?.dispose();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("restores a seeded instance into an empty database and folder with every row and file identical", async () => {
    if (source.kind !== "template") return;
    const sourceUrl = process.env.DATABASE_URL!;

    restored = await provideServerDatabase({ serverUrl: source.serverUrl, name: uniqueDatabaseName(`${source.templateName}_restored`) });
    const startedAt = performance.now();
    const restore = await runScript("scripts/restore.ts", ["--from", backupDir], { DATABASE_URL: restored.url, STORAGE_DIR: restoredStorage });
    const restoreMs = performance.now() - startedAt;
    console.log(restore.stdout);
    console.log(`npm run restore took ${(restoreMs / 1000).toFixed(1)} s (script start to exit)`);

    const [original, copy] = await Promise.all([describeTables(sourceUrl), describeTables(restored.url)]);
    expect(original.Case!.rows).toBeGreaterThan(3);
    expect(original.Attachment!.rows).toBeGreaterThanOrEqual(3);
    expect(copy).toEqual(original);

    const originalFiles = hashFilesUnder(sourceStorage);
    expect(Object.keys(originalFiles).filter((file) => file.startsWith("cases/"))).toHaveLength(3);
    expect(Object.keys(originalFiles).filter((file) => file.startsWith("staging/"))).toHaveLength(1);
    expect(hashFilesUnder(restoredStorage)).toEqual(originalFiles);
  }, 300_000);

  it("refuses to restore into a database that is not empty, and changes nothing", async () => {
    if (source.kind !== "template") return;
    const emptyStorage = path.join(workDir, "another-storage");
    const before = await describeTables(process.env.DATABASE_URL!);

    const refusal = await runScript("scripts/restore.ts", ["--from", backupDir], {
      DATABASE_URL: process.env.DATABASE_URL!,
      STORAGE_DIR: emptyStorage,
    }).catch((error: { code: number; stderr: string }) => error);

    expect(refusal).toMatchObject({ code: 2, stderr: expect.stringContaining("is not empty") });
    expect(await describeTables(process.env.DATABASE_URL!)).toEqual(before);
    expect(fs.existsSync(emptyStorage)).toBe(false);
  }, 120_000);
});
