/**
 * `npm run build`: `next build`, with the app's database available (DATABASE_URL, or the
 * embedded PGlite) because building imports the data layer, and a stamp that lets `npm start`
 * skip the next build while the sources stay the same.
 */
import { provideAppDatabase } from "./lib/databases";
import { ensureProductionBuild } from "./lib/production-build";
import { childEnvironment } from "./lib/processes";

async function main(): Promise<number> {
  const database = await provideAppDatabase();
  console.log(`Database: ${database.description}`);
  try {
    await ensureProductionBuild({ env: childEnvironment({ DATABASE_URL: database.url }), force: true });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.dispose();
  }
}

process.exitCode = await main();
