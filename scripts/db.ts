/**
 * `npm run db:migrate` and `npm run db:seed [-- seed arguments]` against the app's database:
 * DATABASE_URL, or the embedded PGlite (joined if `npm start` serves it, started if not).
 *
 *   node --import tsx scripts/db.ts migrate
 *   node --import tsx scripts/db.ts seed [--force] [--reference-only] [--cases=N]
 */
import path from "node:path";

import { resolveAppSecret } from "./lib/app-secret";
import { provideAppDatabase } from "./lib/databases";
import { PROJECT_ROOT } from "./lib/processes";
import { applyMigrations, seedDatabase } from "./lib/prisma";

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed") {
    console.error("usage: node --import tsx scripts/db.ts migrate | seed [seed arguments]");
    return 2;
  }
  const database = await provideAppDatabase();
  console.log(`Database: ${database.description}`);
  try {
    if (command === "migrate") await applyMigrations(database.url);
    else await seedDatabase(database.url, { appSecret: resolveAppSecret({ keepIn: path.join(PROJECT_ROOT, ".data", "app-secret") }), args });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.dispose();
  }
}

process.exitCode = await main();
