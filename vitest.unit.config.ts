import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Unit tests: pure logic, no database, no Next. `npm run test:unit` */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      { find: "server-only", replacement: fileURLToPath(new URL("./tests/integration/_setup/server-only.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // An upper bound for a machine busy with other work (argon2, PDF rendering), not a speed check.
    testTimeout: 60_000,
    env: {
      // Unit tests must not reach a database by accident: a test that tries fails fast.
      DATABASE_URL: "postgresql://unit-tests-have-no-database.invalid:1/none",
      APP_SECRET: "unit-tests-only-secret-0123456789abcdef0123456789",
    },
  },
});
