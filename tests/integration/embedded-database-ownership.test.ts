import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findFreePort } from "../../scripts/lib/processes";

/**
 * Two checkouts of the project on one machine, each asking for its embedded database (what
 * `npm start`, `npm run dev` and `npm run db:*` do without DATABASE_URL) on the same port, one
 * after the other. The second must not join the first one's database: it starts its own on a
 * free port and names the checkout that holds the port. Each checkout is a copy of scripts/
 * with the project's node_modules, each request a real child process.
 */

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

type Provided = { url: string; description: string; output: string; close(): Promise<void> };

const running: Provided[] = [];
let workDir: string;
let checkoutA: string;
let checkoutB: string;
let port: number;

function makeCheckout(name: string): string {
  const checkout = path.join(workDir, name);
  fs.mkdirSync(checkout);
  fs.cpSync(path.join(PROJECT_ROOT, "scripts"), path.join(checkout, "scripts"), { recursive: true });
  fs.copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(checkout, "package.json"));
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(checkout, "node_modules"));
  return fs.realpathSync(checkout);
}

// Asks the checkout's scripts for the app's database and holds it until its standard input closes.
const HOLD_DATABASE = `
const { pathToFileURL } = await import("node:url");
const { provideAppDatabase } = await import(pathToFileURL(process.argv[1]).href);
const database = await provideAppDatabase();
console.log("PROVIDED " + JSON.stringify({ url: database.url, description: database.description }));
process.stdin.on("end", () => database.dispose().then(() => process.exit(0)));
process.stdin.resume();
`;

function provideDatabaseIn(checkout: string): Promise<Provided> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.EMBEDDED_DB_DIR;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", HOLD_DATABASE, path.join(checkout, "scripts", "lib", "databases.ts")],
    { cwd: checkout, env },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.startsWith("PROVIDED "));
      if (!line) return;
      const provided: Provided = {
        ...(JSON.parse(line.slice("PROVIDED ".length)) as { url: string; description: string }),
        output,
        async close() {
          child.stdin.end();
          await exited;
        },
      };
      running.push(provided);
      resolve(provided);
    });
    void exited.then((code) => reject(new Error(`the database request in ${checkout} exited with ${code}:\n${output}`)));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-two-checkouts-"));
  checkoutA = makeCheckout("a");
  checkoutB = makeCheckout("b");
  port = await findFreePort();
});

afterAll(async () => {
  for (const provided of running.reverse()) await provided.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("the embedded database belongs to its checkout", { timeout: 600_000 }, () => {
  let databaseA: Provided;
  let databaseB: Provided;

  it("starts the first checkout's database on the requested port", async () => {
    databaseA = await provideDatabaseIn(checkoutA);
    expect(portOf(databaseA.url)).toBe(port);
    await query(databaseA.url, "CREATE TABLE checkout_marker (name text); INSERT INTO checkout_marker VALUES ('a')");
  });

  it("starts the second checkout's own database on a free port and names the checkout that holds the port", async () => {
    databaseB = await provideDatabaseIn(checkoutB);
    expect(portOf(databaseB.url)).not.toBe(port);
    expect(databaseB.output).toContain(`Port ${port} is held by the embedded database of the checkout in ${checkoutA}`);
    expect(databaseB.output).toContain("EMBEDDED_DB_PORT");
    expect(await query(databaseB.url, "SELECT to_regclass('public.checkout_marker')::text AS marker")).toEqual([{ marker: null }]);
    expect(fs.existsSync(path.join(checkoutB, ".data", "pglite", "PG_VERSION"))).toBe(true);
  });

  it("joins each checkout's own running database, wherever it runs", async () => {
    const againA = await provideDatabaseIn(checkoutA);
    expect(againA.url).toBe(databaseA.url);
    expect(againA.description).toContain("already running");
    expect(await query(againA.url, "SELECT name FROM checkout_marker")).toEqual([{ name: "a" }]);

    const againB = await provideDatabaseIn(checkoutB);
    expect(againB.url).toBe(databaseB.url);
    expect(againB.description).toContain("already running");
  });
});
