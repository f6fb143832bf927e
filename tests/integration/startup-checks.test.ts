import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { provideFreshDatabase, type ProvidedDatabase } from "../../scripts/lib/databases";
import { projectBin } from "../../scripts/lib/processes";
import { applyPendingMigrations, findPendingMigrations, listMigrations, seedIfInputsChanged } from "../../scripts/lib/startup-checks";

/**
 * What `npm start` skips on a restart, decided from the database itself: this file's database
 * is migrated (tests/integration/_setup), a fresh one is empty.
 */

const run = promisify(execFile);
const migratedUrl = () => process.env.DATABASE_URL!;
let fresh: ProvidedDatabase;
let migrationsCopy: string;

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  fresh = await provideFreshDatabase("startup_checks");
  migrationsCopy = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-migrations-"));
  fs.cpSync(path.join(process.cwd(), "prisma", "migrations"), migrationsCopy, { recursive: true });
}, 120_000);

afterAll(async () => {
  await fresh?.dispose();
  fs.rmSync(migrationsCopy, { recursive: true, force: true });
});

describe("prisma migrate deploy on a restart", { timeout: 120_000 }, () => {
  it("has every migration to apply on an empty database", async () => {
    expect(await findPendingMigrations(fresh.url)).toEqual(listMigrations().map((migration) => migration.name));
  });

  it("is skipped on a database that applied every migration from the same files", async () => {
    expect(await findPendingMigrations(migratedUrl())).toEqual([]);
    expect(await applyPendingMigrations(migratedUrl())).toBe("skipped");
  });

  it("is needed for a migration added to the folder", async () => {
    const name = "29991231000000_added_later";
    fs.mkdirSync(path.join(migrationsCopy, name));
    fs.writeFileSync(path.join(migrationsCopy, name, "migration.sql"), "SELECT 1;\n");
    expect(await findPendingMigrations(migratedUrl(), migrationsCopy)).toEqual([name]);
  });

  it("is needed for a migration whose file changed since it was applied, or that failed", async () => {
    const [first, second] = listMigrations();
    await execute(migratedUrl(), `UPDATE _prisma_migrations SET checksum = 'changed' WHERE migration_name = '${first!.name}'`);
    await execute(migratedUrl(), `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${second!.name}'`);
    try {
      expect((await findPendingMigrations(migratedUrl())).sort()).toEqual([first!.name, second!.name].sort());
    } finally {
      await execute(migratedUrl(), `UPDATE _prisma_migrations SET checksum = '${first!.checksum}' WHERE migration_name = '${first!.name}'`);
      await execute(migratedUrl(), `UPDATE _prisma_migrations SET finished_at = started_at WHERE migration_name = '${second!.name}'`);
    }
  });

  it("prints no warning when it runs", async () => {
    const { stdout, stderr } = await run(projectBin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: migratedUrl() } });
    expect(stdout).toContain("No pending migrations to apply.");
    expect(`${stdout}${stderr}`).not.toMatch(/warn/i);
  });
});

describe("the seed on a restart", { timeout: 300_000 }, () => {
  const args = ["--reference-only"];

  it("runs on a database it never ran on, then is skipped while its inputs stay the same", async () => {
    expect(await seedIfInputsChanged(migratedUrl(), { appSecret: process.env.APP_SECRET!, args })).toBe("seeded");
    expect(await seedIfInputsChanged(migratedUrl(), { appSecret: process.env.APP_SECRET!, args })).toBe("skipped");
  });

  it("runs again when the code, data or migrations it read have changed", async () => {
    await execute(migratedUrl(), "UPDATE _lapor_seed_stamp SET inputs_checksum = 'inputs of an older checkout'");
    expect(await seedIfInputsChanged(migratedUrl(), { appSecret: process.env.APP_SECRET!, args })).toBe("seeded");
    expect(await seedIfInputsChanged(migratedUrl(), { appSecret: process.env.APP_SECRET!, args })).toBe("skipped");
  });

  it("runs for other arguments, which seed other data", async () => {
    expect(await seedIfInputsChanged(migratedUrl(), { appSecret: process.env.APP_SECRET!, args: [...args, "--cases=0"] })).toBe("seeded");
  });
});
