import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Integration tests against PostgreSQL: the DATABASE_URL server, or without it the embedded PGlite
 * (tests that need separate sessions skip themselves there, see _setup/database-kind.ts).
 * `npm run test:integration`
 * The global setup migrates a fresh database for the run; each test file then works on its own
 * copy of it, so files may run in parallel and in any order. All are dropped afterwards.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      { find: "server-only", replacement: fileURLToPath(new URL("./tests/integration/_setup/server-only.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/_setup/global-setup.ts"],
    setupFiles: ["tests/integration/_setup/environment.ts"],
    // Upper bounds for a busy 2-core machine and the embedded PGlite (one query at a time), not
    // expectations of speed: no test asserts how long anything took.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
