import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build. `npm run test:e2e` builds the app, serves it
 * with `next start` on a free port over a fresh seeded database, and passes its address here.
 */
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error("E2E_BASE_URL is not set: run the end-to-end tests with `npm run test:e2e`, which starts the server.");
}

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: "**/_setup/**",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
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
