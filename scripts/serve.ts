/**
 * `npm start` (production build) and `npm run dev` (next dev): one command from a fresh clone
 * to a running app. Picks the database (DATABASE_URL, or this checkout's embedded PGlite),
 * applies the migrations and seeds demo data unless the database already has them, builds
 * when the sources changed (alongside the database work), serves, and on Ctrl-C stops the
 * server and then the embedded database.
 *
 *   node --import tsx scripts/serve.ts start|dev
 */
import path from "node:path";
import { checkEnvironment, describeEnvironmentProblems } from "../lib/env";
import { describeMailDestinationOf } from "../lib/notifications/mail-destination";
import { resolveAppSecret } from "./lib/app-secret";
import { provideAppDatabase, type ProvidedDatabase } from "./lib/databases";
import { printDemoLogins } from "./lib/demo-logins";
import { ensureProductionBuild } from "./lib/production-build";
import { applyPendingMigrations, seedIfInputsChanged } from "./lib/startup-checks";
import {
  PROJECT_ROOT,
  childEnvironment,
  printBanner,
  printStep,
  projectBin,
  startProductionServer,
  startService,
  waitForHttp,
  type Service,
} from "./lib/processes";

type Mode = "start" | "dev";

async function main(): Promise<void> {
  const startedAt = performance.now();
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
    // The demo serves clients directly; a production start must decide TRUST_PROXY itself (lib/env.ts).
    const trustProxy = isProduction ? process.env.TRUST_PROXY : (process.env.TRUST_PROXY ?? "false");
    // Likewise its public address: the demo's own (receipts, QR codes and mail links point here);
    // a production start must name the site's real address (lib/env.ts refuses to start without it).
    const publicBaseUrl = isProduction ? process.env.PUBLIC_BASE_URL : (process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`);
    assertServableEnvironment({ mode, isProduction, appSecret, port, trustProxy, publicBaseUrl });
    database = await provideAppDatabase();
    console.log(`Database: ${database.description}`);
    console.log(`Mail: ${describeMailDestinationOf({ smtpUrl: process.env.SMTP_URL, captureDir: process.env.MAIL_CAPTURE_DIR })}`);
    const env = childEnvironment({ DATABASE_URL: database.url, APP_SECRET: appSecret, PORT: String(port), TRUST_PROXY: trustProxy, PUBLIC_BASE_URL: publicBaseUrl });
    // The build reads no data (every route renders on request), so it need not wait for the database.
    await runTogether([prepareDatabase(database.url, { isProduction, appSecret }), mode === "start" ? ensureProductionBuild({ env }) : Promise.resolve()]);

    printStep(mode === "start" ? `production server (scripts/production-server.ts) --port ${port}` : `next dev --port ${port}`);
    server = mode === "start" ? startProductionServer({ port, env }) : startService(projectBin("next"), [mode, "--port", String(port)], env);
    const runningServer = server;
    void runningServer.exited.then((code) => {
      if (!isStopping) console.error(`next ${mode} exited with code ${code}`);
      return stop(code);
    });
    await waitForHttp(`http://localhost:${port}/api/health`, { timeoutMs: 120_000, service: runningServer });

    const readySeconds = Math.round((performance.now() - startedAt) / 1000);
    printBanner(`Lapor Imigrasi is running at http://localhost:${port}  (ready in ${readySeconds} s; Ctrl-C stops it)`);
    if (!isProduction) await printDemoLogins();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

/**
 * Refuses a start whose environment the server would reject (lib/env.ts), before the database
 * is opened or anything is built: every problem at once, and exit code 1. The server checks the
 * same again when it starts (instrumentation.ts), for deployments that run `next start` directly.
 */
function assertServableEnvironment(options: {
  mode: Mode;
  isProduction: boolean;
  appSecret: string;
  port: number;
  trustProxy: string | undefined;
  publicBaseUrl: string | undefined;
}): void {
  if (options.isProduction && !process.env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. With NODE_ENV=production, point it at your PostgreSQL server " +
        "(postgresql://user:password@host:5432/database); the embedded database is only for trying the app on one machine.",
    );
  }
  const checked = checkEnvironment({
    ...process.env,
    // What the server will see: `next start` always runs with NODE_ENV=production.
    NODE_ENV: options.mode === "start" ? "production" : "development",
    // The embedded database's address is only known once it runs; any valid address stands in.
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    APP_SECRET: options.appSecret,
    PORT: String(options.port),
    TRUST_PROXY: options.trustProxy,
    PUBLIC_BASE_URL: options.publicBaseUrl,
  });
  if (!checked.ok) throw new Error(describeEnvironmentProblems(checked.problems));
}

/** Migrations and seed, each skipped when the database already has what it would do. */
async function prepareDatabase(databaseUrl: string, options: { isProduction: boolean; appSecret: string }): Promise<void> {
  await applyPendingMigrations(databaseUrl);
  if (options.isProduction) {
    printStep("seed skipped: NODE_ENV=production (run `npm run db:seed -- --force --reference-only` deliberately)");
  } else {
    await seedIfInputsChanged(databaseUrl, { appSecret: options.appSecret });
  }
}

/** Waits for all of `tasks`, also when one fails (so no child is left running), then throws the first failure. */
async function runTogether(tasks: Promise<unknown>[]): Promise<void> {
  const failure = (await Promise.allSettled(tasks)).find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}

function parseMode(argument: string | undefined): Mode {
  if (argument === "start" || argument === "dev") return argument;
  console.error("usage: node --import tsx scripts/serve.ts start|dev");
  process.exit(2);
}

void main();
