import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm start` with a configuration the server would reject stops at once with the reason and a
 * non-zero exit code: before the embedded database is opened, anything is migrated or built, and
 * long before "Lapor Imigrasi is running" could be printed. The real script in a child process.
 */

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "a-long-random-secret-of-at-least-32-characters";
// Never reached: the refusal comes before any connection.
const UNREACHABLE_DATABASE = "postgresql://nobody@127.0.0.1:1/none";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-start-refusal-"));

type Run = { code: number | null; output: string };

function runStart(variables: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start"], {
      cwd: PROJECT_ROOT,
      // Only what the case sets, on top of a bare shell: not even NODE_ENV (typed as always set).
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        // Were the embedded database started, it would be here.
        EMBEDDED_DB_DIR: path.join(scratch, "pglite"),
        EMBEDDED_DB_PORT: "1",
        PORT: "1",
        ...variables,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("npm start with an invalid environment", { timeout: 180_000 }, () => {
  it.each([
    [
      "a production APP_SECRET that is too short",
      { NODE_ENV: "production", APP_SECRET: "short", DATABASE_URL: UNREACHABLE_DATABASE },
      "APP_SECRET: must be at least 32 characters long",
    ],
    ["a production start without APP_SECRET", { NODE_ENV: "production", DATABASE_URL: UNREACHABLE_DATABASE }, "APP_SECRET is not set"],
    [
      "a production start without a TRUST_PROXY decision",
      { NODE_ENV: "production", APP_SECRET: SECRET, DATABASE_URL: UNREACHABLE_DATABASE, PUBLIC_BASE_URL: "https://lapor.example.id" },
      'TRUST_PROXY is not set: set "false" when clients reach the app directly',
    ],
    [
      "a production start without PUBLIC_BASE_URL",
      { NODE_ENV: "production", APP_SECRET: SECRET, DATABASE_URL: UNREACHABLE_DATABASE, TRUST_PROXY: "false" },
      "PUBLIC_BASE_URL is not set: set the site's public address",
    ],
    ["a production start without DATABASE_URL", { NODE_ENV: "production", APP_SECRET: SECRET, TRUST_PROXY: "1" }, "DATABASE_URL is not set"],
    [
      "a DATABASE_URL that is not PostgreSQL",
      { NODE_ENV: "production", APP_SECRET: SECRET, TRUST_PROXY: "1", DATABASE_URL: "mysql://root@127.0.0.1/lapor" },
      "DATABASE_URL: must be a PostgreSQL connection string",
    ],
    ["a pool size that is not a number, on the demo start", { DATABASE_POOL_MAX: "many" }, 'DATABASE_POOL_MAX: must be a whole number from 1 to 100 (got "many")'],
  ])("refuses %s", async (_name, variables, message) => {
    const run = await runStart(variables);
    expect(run.output).toContain(message);
    expect(run.code).toBe(1);
    expect(run.output).not.toContain("is running");
    expect(run.output).not.toMatch(/at .+\.ts:\d+/); // a message, not a stack trace
    expect(fs.existsSync(path.join(scratch, "pglite"))).toBe(false);
  });
});
