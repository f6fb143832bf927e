/**
 * `npm run bench:headers [-- options]`: the throughput of the public pages with the security
 * headers (this work tree's production build) beside a baseline build of the code before them,
 * measured in the same run, on the same fresh database, with the same load. The two servers
 * take turns path by path and round by round, so a machine that gets busier during the run
 * weighs on both alike. Prints figures; fails only on errors (or a non-2xx answer), never on a
 * threshold.
 *
 *   --baseline-ref=REF   the code to compare with (default: main); exported with `git archive`
 *                        into a temporary folder and built there (node_modules hard-linked)
 *   --baseline-dir=DIR   a checkout already built with `next build` instead of REF
 *   --requests=N         requests per measurement (default 400)
 *   --connections=N      concurrent connections (default 8)
 *   --rounds=N           measurements per path and server (default 3; the median is shown)
 *
 * Load goes to 127.0.0.1 only, and each measurement stops after its N requests (a request that
 * takes over 60 s counts as an error: a two-core machine shared with builds can be that slow).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { provideFreshDatabase, type ProvidedDatabase } from "../lib/databases";
import { ensureProductionBuild } from "../lib/production-build";
import { applyMigrations, seedDatabase } from "../lib/prisma";
import {
  captureOutput,
  childEnvironment,
  findFreePort,
  onInterrupt,
  printBanner,
  printStep,
  PROJECT_ROOT,
  projectBin,
  runOrThrow,
  startService,
  waitForHttp,
  type Service,
} from "../lib/processes";

const PATHS = ["/", "/lapor", "/transparansi"];
const WARM_UP_REQUESTS = 50;

type Options = { baselineRef: string; baselineDir?: string; requests: number; connections: number; rounds: number };
type Variant = { name: "baseline" | "with headers"; baseUrl: string };

function parseOptions(args: string[]): Options {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positive = (name: string, fallback: number) => {
    const parsed = Number(value(name) ?? fallback);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`);
    return parsed;
  };
  return {
    baselineRef: value("baseline-ref") ?? "main",
    baselineDir: value("baseline-dir"),
    requests: positive("requests", 400),
    connections: positive("connections", 8),
    rounds: positive("rounds", 3),
  };
}

/** Exports REF into a temporary folder, with this tree's node_modules and Prisma client, and builds it. */
async function buildBaseline(ref: string, env: NodeJS.ProcessEnv): Promise<string> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-baseline-"));
  printStep(`git archive ${ref} into ${directory}, then next build`);
  const archive = execFileSync("git", ["archive", "--format=tar", ref], { cwd: PROJECT_ROOT, maxBuffer: 1024 * 1024 * 1024 });
  execFileSync("tar", ["-x", "-C", directory], { input: archive });
  // Hard links: a copy in no time and no space, and Turbopack refuses a symlinked node_modules.
  execFileSync("cp", ["-al", path.join(PROJECT_ROOT, "node_modules"), path.join(directory, "node_modules")]);
  execFileSync("cp", ["-r", path.join(PROJECT_ROOT, "lib", "generated"), path.join(directory, "lib", "generated")]);
  await runOrThrow(projectBin("next"), ["build"], { env, cwd: directory });
  return directory;
}

/** One autocannon run: requests per second over exactly `requests` requests. */
async function measure(url: string, requests: number, connections: number): Promise<number> {
  const output = await captureOutput(projectBin("autocannon"), ["--json", "--timeout", "60", "--connections", String(connections), "--amount", String(requests), url], childEnvironment());
  const result = JSON.parse(output) as { requests: { total: number }; duration: number; non2xx: number; errors: number; timeouts: number };
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.total / result.duration;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<number> {
  printBanner("Public page throughput: security headers vs. baseline");
  const options = parseOptions(process.argv.slice(2));
  let database: ProvidedDatabase | null = null;
  let temporaryBaseline: string | null = null;
  const servers: Service[] = [];
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-headers-"));
  const cleanUp = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
    if (temporaryBaseline) fs.rmSync(temporaryBaseline, { recursive: true, force: true });
  };
  onInterrupt(cleanUp);

  try {
    database = await provideFreshDatabase("bench_headers");
    console.log(`Database: ${database.description}`);
    await applyMigrations(database.url);
    const appSecret = randomBytes(36).toString("base64url");
    await seedDatabase(database.url, { appSecret });
    const env = childEnvironment({ DATABASE_URL: database.url, APP_SECRET: appSecret, STORAGE_DIR: storageDir, NODE_ENV: "production", TRUST_PROXY: "false" });
    // Background jobs would load the machine while it is measured, at random moments.
    Object.assign(env, { JOB_WORKERS: "off" });

    await ensureProductionBuild({ env });
    let baselineDir = options.baselineDir;
    if (!baselineDir) {
      temporaryBaseline = await buildBaseline(options.baselineRef, env);
      baselineDir = temporaryBaseline;
    }

    const variants: Variant[] = [];
    for (const [name, cwd] of [["baseline", path.resolve(baselineDir)], ["with headers", PROJECT_ROOT]] as const) {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const server = startService(path.join(cwd, "node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], { PUBLIC_BASE_URL: baseUrl, ...env, PORT: String(port) }, { cwd });
      servers.push(server);
      await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 60_000, service: server });
      variants.push({ name, baseUrl });
    }
    const [baseline, current] = variants as [Variant, Variant];
    const policyOf = async (variant: Variant) => (await fetch(`${variant.baseUrl}/`)).headers.get("content-security-policy");
    console.log(`baseline CSP: ${(await policyOf(baseline)) ?? "(none)"}\nwith headers CSP: ${(await policyOf(current)) ?? "(none)"}`);

    printStep(`autocannon: ${options.requests} requests, ${options.connections} connections, ${options.rounds} rounds per path and server`);
    const rows: string[] = [];
    for (const pagePath of PATHS) {
      for (const variant of variants) await measure(`${variant.baseUrl}${pagePath}`, WARM_UP_REQUESTS, options.connections);
      const figures = new Map<Variant, number[]>(variants.map((variant) => [variant, []]));
      for (let round = 0; round < options.rounds; round++) {
        // Alternate who goes first, so neither always runs on the warmer (or busier) machine.
        for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
          const requestsPerSecond = await measure(`${variant.baseUrl}${pagePath}`, options.requests, options.connections);
          console.log(`${pagePath} round ${round + 1}, ${variant.name}: ${requestsPerSecond.toFixed(1)} requests/s`);
          figures.get(variant)!.push(requestsPerSecond);
        }
      }
      const before = median(figures.get(baseline)!);
      const after = median(figures.get(current)!);
      const change = ((after - before) / before) * 100;
      const runs = (variant: Variant) => figures.get(variant)!.map((value) => value.toFixed(1)).join(", ");
      rows.push(
        `${pagePath.padEnd(14)} ${before.toFixed(1).padStart(12)} ${after.toFixed(1).padStart(14)} ${`${change >= 0 ? "+" : ""}${change.toFixed(1)} %`.padStart(9)}   baseline [${runs(baseline)}], with headers [${runs(current)}]`,
      );
    }
    console.log(`\n${"path".padEnd(14)} ${"baseline r/s".padStart(12)} ${"with headers".padStart(14)} ${"change".padStart(9)}   (medians; every run in brackets)`);
    for (const row of rows) console.log(row);
    return 0;
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exitCode = await main();
