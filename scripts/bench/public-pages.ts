import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { provideFreshDatabase } from "../lib/databases";
import { applyMigrations, seedDatabase } from "../lib/prisma";
import { captureOutput, childEnvironment, PROJECT_ROOT, projectBin } from "../lib/processes";
import { startBenchServer } from "./production-server";
import { printTable } from "./report";

/**
 * The public pages under load (autocannon, 50 connections) beside a static file served by the same
 * server in the same run: a copy of `/`'s HTML written into the build's static folder, served by
 * Next's static file handler. Each page, in each language, and the static file take turns round
 * by round, so load that comes and goes weighs on all alike. Prints requests/s, p99 latency and
 * the ratio to the static file's rate; fails only on errors or non-2xx answers, never on a
 * threshold. Then the same for requests that cannot get a copy (a cookie other than the
 * language's), which Next renders.
 */
const PAGES = ["/", "/lapor", "/lacak", "/transparansi"];
const LOCALES = ["id", "en"] as const;

type Figure = { requestsPerSecond: number; p99Ms: number };

async function measure(url: string, options: { seconds: number; connections: number; cookie?: string }): Promise<Figure> {
  const args = ["--json", "--timeout", "60", "--connections", String(options.connections), "--duration", String(options.seconds)];
  if (options.cookie) args.push("--headers", `cookie=${options.cookie}`);
  const output = await captureOutput(projectBin("autocannon"), [...args, url], childEnvironment());
  const result = JSON.parse(output) as { requests: { total: number }; duration: number; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { requestsPerSecond: result.requests.total / result.duration, p99Ms: result.latency.p99 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runPublicPagesBenchmark(options: { databaseUrl: string; appSecret: string; storageDir: string; rounds?: number; seconds?: number; connections?: number }): Promise<void> {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 50;
  // Written before the server starts: Next lists its static files when it starts.
  const staticName = `bench-home-${randomBytes(6).toString("hex")}.html`;
  const staticFile = path.join(PROJECT_ROOT, ".next", "static", staticName);
  fs.mkdirSync(path.dirname(staticFile), { recursive: true });
  fs.writeFileSync(staticFile, "placeholder");
  const server = await startBenchServer(options);
  try {
    const home = await fetch(`${server.baseUrl}/`, { headers: { cookie: "NEXT_LOCALE=id" } }).then((response) => response.text());
    fs.writeFileSync(staticFile, home);
    const staticUrl = `${server.baseUrl}/_next/static/${staticName}`;
    const check = await fetch(staticUrl);
    if (!check.ok || (await check.text()).length !== home.length) throw new Error(`the static copy of / is not served at ${staticUrl} (${check.status})`);

    const targets: { label: string; url: string; cookie?: string }[] = [
      { label: `static file (copy of /, ${Math.round(home.length / 1024)} KiB)`, url: staticUrl },
      ...LOCALES.flatMap((locale) => PAGES.map((page) => ({ label: `${page} (${locale})`, url: `${server.baseUrl}${page}`, cookie: `NEXT_LOCALE=${locale}` }))),
      // What a visitor with another cookie gets: Next's own render, as every request before.
      ...["/", "/transparansi"].map((page) => ({ label: `${page} rendered by Next (another cookie)`, url: `${server.baseUrl}${page}`, cookie: "NEXT_LOCALE=id; bench=1" })),
    ];
    for (const target of targets) await measure(target.url, { seconds: 2, connections, cookie: target.cookie });
    const figures = new Map(targets.map((target) => [target, [] as Figure[]]));
    for (let round = 0; round < rounds; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        figures.get(target)!.push(await measure(target.url, { seconds, connections, cookie: target.cookie }));
      }
    }
    const staticRate = median(figures.get(targets[0]!)!.map((figure) => figure.requestsPerSecond));
    console.log(`\nPublic pages under load: autocannon, ${connections} connections, ${seconds} s x ${rounds} rounds each (medians), load average ${os.loadavg()[0]!.toFixed(1)}`);
    printTable(
      ["page", "requests/s", "p99", "x static file", "every round (requests/s)"],
      targets.map((target) => {
        const runs = figures.get(target)!;
        const rate = median(runs.map((figure) => figure.requestsPerSecond));
        return [target.label, rate.toFixed(0), `${median(runs.map((figure) => figure.p99Ms))} ms`, `${(rate / staticRate).toFixed(2)}x`, runs.map((figure) => figure.requestsPerSecond.toFixed(0)).join(", ")];
      }),
    );
  } finally {
    await server.stop();
    fs.rmSync(staticFile, { force: true });
  }
}

/**
 * Alone: `node --conditions=react-server --import tsx scripts/bench/public-pages.ts [--rounds=N] [--seconds=N]`,
 * on a fresh seeded database (the demo seed) that is dropped at the end.
 */
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const database = await provideFreshDatabase("public_pages");
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-public-pages-"));
  try {
    const appSecret = randomBytes(36).toString("base64url");
    await applyMigrations(database.url);
    await seedDatabase(database.url, { appSecret });
    await runPublicPagesBenchmark({ databaseUrl: database.url, appSecret, storageDir, rounds: Number(argument("rounds") ?? 3), seconds: Number(argument("seconds") ?? 5) });
  } finally {
    await database.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  }
}
