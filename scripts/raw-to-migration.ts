/**
 * Prints a prisma/raw/*.sql file as a migration (scripts/lib/migration-sql.ts says why):
 *   node --import tsx scripts/raw-to-migration.ts prisma/raw/020_statistics_rollups.sql > prisma/migrations/<name>/migration.sql
 */
import fs from "node:fs";

import { toMigrationSql } from "./lib/migration-sql";

const file = process.argv[2];
if (!file) {
  console.error("Usage: node --import tsx scripts/raw-to-migration.ts prisma/raw/<file>.sql");
  process.exit(1);
}
process.stdout.write(toMigrationSql(fs.readFileSync(file, "utf8")));
