/**
 * `npm run db:check-drift`: fails when prisma/migrations no longer builds the schema that
 * prisma/schema.prisma (plus prisma/raw/*.sql) describes.
 *
 * `prisma migrate dev` cannot run here (its JavaScript engine cannot introspect a live
 * database), so migrations are written by hand from schema diffs; this is the guard. It builds
 * one database from the migrations and one from `prisma migrate diff --from-empty` plus the raw
 * SQL files in name order, then compares both as read from the catalog.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { provideFreshDatabase, type ProvidedDatabase } from "./lib/databases";
import { applyMigrations, renderSchemaSql } from "./lib/prisma";
import { PROJECT_ROOT, printBanner, printStep } from "./lib/processes";
import { compareSchemas, describeSchema } from "./lib/schema-description";

const RAW_SQL_DIR = path.join(PROJECT_ROOT, "prisma", "raw");

async function main(): Promise<number> {
  printBanner("Migration drift check");
  const databases: ProvidedDatabase[] = [];
  try {
    const fromMigrations = await provideFreshDatabase("drift_migrations");
    databases.push(fromMigrations);
    const fromSchema = await provideFreshDatabase("drift_schema");
    databases.push(fromSchema);

    console.log(`From prisma/migrations: ${fromMigrations.description}`);
    await applyMigrations(fromMigrations.url);

    console.log(`From prisma/schema.prisma and prisma/raw: ${fromSchema.description}`);
    printStep("prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script");
    await executeSql(fromSchema.url, "the schema's SQL", await renderSchemaSql(fromSchema.url));
    for (const file of listRawSqlFiles()) {
      printStep(`prisma/raw/${file}`);
      await executeSql(fromSchema.url, `prisma/raw/${file}`, fs.readFileSync(path.join(RAW_SQL_DIR, file), "utf8"));
    }

    const migrationsDescription = await describeSchema(fromMigrations.url);
    const differences = compareSchemas(
      { label: "migrations", description: migrationsDescription },
      { label: "schema", description: await describeSchema(fromSchema.url) },
    );
    if (differences.length === 0) {
      console.log(
        `\nNo drift: the migrations build exactly the schema that prisma/schema.prisma and prisma/raw describe` +
          ` (${migrationsDescription.size} objects compared).`,
      );
      return 0;
    }
    console.error(`\nDRIFT: ${differences.length} difference(s) between the migrations and the schema:\n`);
    for (const difference of differences) console.error(`  ${difference}`);
    console.error(
      "\nWrite a migration for the schema change (diff the previous schema file against the new one with" +
        " `prisma migrate diff --from-schema-datamodel <old> --to-schema-datamodel prisma/schema.prisma --script`)," +
        " or add the missing object to prisma/raw/*.sql.",
    );
    return 1;
  } catch (error) {
    console.error(`\nThe drift check could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    for (const database of databases) await database.dispose();
  }
}

function listRawSqlFiles(): string[] {
  if (!fs.existsSync(RAW_SQL_DIR)) return [];
  return fs
    .readdirSync(RAW_SQL_DIR)
    .filter((file) => file.endsWith(".sql"))
    .sort();
}

async function executeSql(databaseUrl: string, source: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } catch (error) {
    throw new Error(`${source} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end();
  }
}

process.exitCode = await main();
