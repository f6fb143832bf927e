/**
 * `npm start` (production build) and `npm run dev` (next dev): one command from a fresh clone
 * to a running app. Picks the database (DATABASE_URL, or the embedded PGlite), applies the
 * migrations, seeds demo data into an empty database, builds when the sources changed, serves,
 * and on Ctrl-C stops the server and then the embedded database.
 *
 *   node --import tsx scripts/serve.ts start|dev
 */
import path from "node:path";
import { resolveAppSecret } from "./lib/app-secret";
import { provideAppDatabase, type ProvidedDatabase } from "./lib/databases";
import { printDemoLogins } from "./lib/demo-logins";
import { ensureProductionBuild } from "./lib/production-build";
import { applyMigrations, seedDatabase } from "./lib/prisma";
import {
  PROJECT_ROOT,
  childEnvironment,
  printBanner,
  printStep,
  projectBin,
  startService,
  waitForHttp,
  type Service,
} from "./lib/processes";

type Mode = "start" | "dev";

async function main(): Promise<void> {
  const mode = parseMode(process.argv[2]);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  const isProduction = process.env.NODE_ENV === "production";

  let database: ProvidedDatabase | null = null;
  let server: Service | null = null;
  let isStopping = false;
  const stop = async (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    if (server) await server.stop();
    await database?.dispose();
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));

  try {
    printBanner(`Lapor Imigrasi: ${mode === "start" ? "production server" : "development server"}`);
    const appSecret = resolveAppSecret({ keepIn: path.join(PROJECT_ROOT, ".data", "app-secret") });
    database = await provideAppDatabase();
    console.log(`Database: ${database.description}`);
    await applyMigrations(database.url);
    if (isProduction) {
      printStep("seed skipped: NODE_ENV=production (run `npm run db:seed -- --force --reference-only` deliberately)");
    } else {
      await seedDatabase(database.url);
    }
    // The demo serves clients directly; a production start must decide TRUST_PROXY itself (lib/env.ts).
    const trustProxy = isProduction ? process.env.TRUST_PROXY : (process.env.TRUST_PROXY ?? "false");
    const env = childEnvironment({ DATABASE_URL: database.url, APP_SECRET: appSecret, PORT: String(port), TRUST_PROXY: trustProxy });
    if (mode === "start") await ensureProductionBuild({ env });

    printStep(`next ${mode} --port ${port}`);
    server = startService(projectBin("next"), [mode, "--port", String(port)], env);
    const runningServer = server;
    void runningServer.exited.then((code) => {
      if (!isStopping) console.error(`next ${mode} exited with code ${code}`);
      return stop(code);
    });
    await waitForHttp(`http://localhost:${port}/api/health`, { timeoutMs: 120_000, service: runningServer });

    printBanner(`Lapor Imigrasi is running at http://localhost:${port}  (Ctrl-C stops it)`);
    if (!isProduction) await printDemoLogins();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

function parseMode(argument: string | undefined): Mode {
  if (argument === "start" || argument === "dev") return argument;
  console.error("usage: node --import tsx scripts/serve.ts start|dev");
  process.exit(2);
}

void main();
