/**
 * `npm run test:e2e [-- playwright arguments]`: Playwright against the production build.
 * Creates a fresh database (or a fresh embedded PGlite), migrates and seeds it, builds the app
 * (unless .next was built from the same sources; `--rebuild` always builds), serves it with
 * `next start` on a free port, runs the tests, then stops the server and drops the database.
 * Mails the server sends are written as .eml files into a temporary MAIL_CAPTURE_DIR the tests read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveAppSecret } from "./lib/app-secret";
import { ensureChromium } from "./lib/chromium";
import { provideFreshDatabase, type ProvidedDatabase } from "./lib/databases";
import { ensureProductionBuild } from "./lib/production-build";
import { applyMigrations, seedDatabase } from "./lib/prisma";
import {
  childEnvironment,
  findFreePort,
  onInterrupt,
  printBanner,
  printStep,
  projectBin,
  runCommand,
  startProductionServer,
  waitForHttp,
  type Service,
} from "./lib/processes";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const isRebuildForced = args.includes("--rebuild");
  const playwrightArgs = args.filter((arg) => arg !== "--rebuild");

  printBanner("End-to-end tests (Playwright, production build)");
  let database: ProvidedDatabase | null = null;
  let server: Service | null = null;
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-e2e-storage-"));
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-e2e-mail-"));
  const cleanUp = async () => {
    await server?.stop();
    await database?.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
  onInterrupt(cleanUp);

  try {
    const chromiumPath = await ensureChromium();
    console.log(`Chromium: ${chromiumPath}`);
    database = await provideFreshDatabase("e2e");
    console.log(`Database: ${database.description}`);
    await applyMigrations(database.url);
    const appSecret = resolveAppSecret();
    await seedDatabase(database.url, { appSecret });

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv = childEnvironment({
      DATABASE_URL: database.url,
      APP_SECRET: appSecret,
      STORAGE_DIR: storageDir,
      // The server's mails are captured as .eml files in a folder of this run (SMTP_URL unset:
      // demo addresses never reach a real mail server), where the specs read them.
      SMTP_URL: undefined,
      MAIL_CAPTURE_DIR: mailDir,
      PORT: String(port),
      // The browser reaches `next start` directly (it runs with NODE_ENV=production, which wants a decision).
      TRUST_PROXY: process.env.TRUST_PROXY ?? "false",
      // Required in production (receipts print it): the address the browser uses.
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? baseUrl,
      // Every browser test comes from 127.0.0.1, so the per-client abuse limits
      // would be shared by all specs; their behaviour is covered by the
      // integration suite. An explicit setting in the environment still wins.
      RATE_LIMIT_FILINGS_PER_HOUR: process.env.RATE_LIMIT_FILINGS_PER_HOUR ?? "1000",
      RATE_LIMIT_EVIDENCE_UPLOADS_PER_HOUR: process.env.RATE_LIMIT_EVIDENCE_UPLOADS_PER_HOUR ?? "5000",
      RATE_LIMIT_TRACKING_FAILURES_PER_CLIENT_PER_HOUR: process.env.RATE_LIMIT_TRACKING_FAILURES_PER_CLIENT_PER_HOUR ?? "1000",
      RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT: process.env.RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT ?? "1000",
    });
    await ensureProductionBuild({ env: serverEnv, force: isRebuildForced });

    printStep(`production server (scripts/production-server.ts) on ${baseUrl}`);
    server = startProductionServer({ hostname: "127.0.0.1", port, env: serverEnv });
    // An upper bound for a busy machine; it returns as soon as the server answers.
    await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 300_000, service: server });

    printStep(["playwright test", ...playwrightArgs].join(" "));
    return await runCommand(projectBin("playwright"), ["test", ...playwrightArgs], {
      // The tests see what the server sees (DATABASE_URL, APP_SECRET, STORAGE_DIR, MAIL_CAPTURE_DIR), so fixtures
      // can prepare and inspect data; E2E_DATABASE_URL names the database for them explicitly.
      env: {
        ...serverEnv,
        E2E_BASE_URL: baseUrl,
        E2E_DATABASE_URL: database.url,
        E2E_EMBEDDED_DATABASE: database.isEmbedded ? "1" : "0",
        CHROMIUM_PATH: chromiumPath,
      },
    });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exitCode = await main();
