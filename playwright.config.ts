import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build. `npm run test:e2e` builds the app, serves it
 * with `next start` on a free port over a fresh seeded database, and passes its address here.
 */
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error("E2E_BASE_URL is not set: run the end-to-end tests with `npm run test:e2e`, which starts the server.");
}

/**
 * The embedded PGlite answers one query at a time for every connection, so a second browser
 * worker only makes both wait; on a PostgreSQL server two workers share the two cores.
 */
const isEmbeddedDatabase = process.env.E2E_EMBEDDED_DATABASE === "1";

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: "**/_setup/**",
  fullyParallel: true,
  workers: isEmbeddedDatabase ? 1 : 2,
  retries: 0,
  reporter: "list",
  // Upper bounds for a machine busy with other work, not expectations of speed: every step waits
  // for a state (a heading, a status, a URL), and only a test that never gets there fails.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines, and
      // without the background-networking flags the closed network refuses its connections.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
