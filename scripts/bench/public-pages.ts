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
 * The public pages under load (autocannon, 50 connections) beside static files served by the same
 * server in the same run: each page's HTML written into the build's static folder, served by
 * Next's static file handler (a page is compared with the file of its own size, and with `/`'s). Each page, in each language, and the static file take turns round
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

/**
 * Waits until the server has finished the requests autocannon abandoned at the end of a run (Next
 * keeps rendering them): until a static file answers within 100 ms, for at most 60 s.
 */
async function waitUntilIdle(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(url).then((response) => response.arrayBuffer());
    if (performance.now() - started < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runPublicPagesBenchmark(options: { databaseUrl: string; appSecret: string; storageDir: string; rounds?: number; seconds?: number; connections?: number }): Promise<void> {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 50;
  // Written before the server starts: Next lists its static files when it starts.
  const staticDir = path.join(PROJECT_ROOT, ".next", "static", `bench-pages-${randomBytes(6).toString("hex")}`);
  const staticName = (page: string) => `${page === "/" ? "home" : page.slice(1)}.html`;
  fs.mkdirSync(staticDir, { recursive: true });
  for (const page of PAGES) fs.writeFileSync(path.join(staticDir, staticName(page)), "placeholder");
  const server = await startBenchServer(options);
  try {
    // Each page's own HTML as a static file of the same server: the same bytes, served by Next's
    // static file handler. Large pages are compared with a file as large.
    const staticUrls = new Map<string, string>();
    for (const page of PAGES) {
      const html = await fetch(`${server.baseUrl}${page}`, { headers: { cookie: "NEXT_LOCALE=id" } }).then((response) => response.text());
      fs.writeFileSync(path.join(staticDir, staticName(page)), html);
      const url = `${server.baseUrl}/_next/static/${path.basename(staticDir)}/${staticName(page)}`;
      const check = await fetch(url);
      if (!check.ok || (await check.text()).length !== html.length) throw new Error(`the static copy of ${page} is not served at ${url} (${check.status})`);
      staticUrls.set(page, url);
    }
    const staticUrl = staticUrls.get("/")!;

    type Target = { label: string; url: string; cookie?: string; baseline: string };
    const targets: Target[] = [
      ...PAGES.map((page) => ({ label: `static file: ${page}'s HTML`, url: staticUrls.get(page)!, baseline: staticUrls.get(page)! })),
      ...LOCALES.flatMap((locale) => PAGES.map((page) => ({ label: `${page} (${locale})`, url: `${server.baseUrl}${page}`, cookie: `NEXT_LOCALE=${locale}`, baseline: staticUrls.get(page)! }))),
      // What a visitor with another cookie gets: Next's own render, as every request before.
      ...["/", "/transparansi"].map((page) => ({ label: `${page} rendered by Next (another cookie)`, url: `${server.baseUrl}${page}`, cookie: "NEXT_LOCALE=id; bench=1", baseline: staticUrls.get(page)! })),
    ];
    const served = new Map<Target, string>();
    for (const target of targets) {
      const response = await fetch(target.url, { headers: target.cookie ? { cookie: target.cookie } : {} });
      const bytes = (await response.arrayBuffer()).byteLength;
      served.set(target, `${Math.round(bytes / 1024)} KiB${response.headers.get("x-page-copy") === "hit" ? ", copy" : ""}`);
      await measure(target.url, { seconds: 2, connections, cookie: target.cookie });
      await waitUntilIdle(staticUrl);
    }
    const figures = new Map(targets.map((target) => [target, [] as Figure[]]));
    for (let round = 0; round < rounds; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        figures.get(target)!.push(await measure(target.url, { seconds, connections, cookie: target.cookie }));
        await waitUntilIdle(staticUrl);
      }
    }
    const rateOf = (target: Target) => median(figures.get(target)!.map((figure) => figure.requestsPerSecond));
    const staticRateOf = (url: string) => rateOf(targets.find((target) => target.url === url)!);
    console.log(`\nPublic pages under load: autocannon, ${connections} connections, ${seconds} s x ${rounds} rounds each (medians), load average ${os.loadavg()[0]!.toFixed(1)}`);
    printTable(
      ["page", "served", "requests/s", "p99", "x the static file of the same HTML", "x the static file of /", "every round (requests/s)"],
      targets.map((target) => {
        const runs = figures.get(target)!;
        const rate = rateOf(target);
        return [target.label, served.get(target)!, rate.toFixed(0), `${median(runs.map((figure) => figure.p99Ms))} ms`, `${(rate / staticRateOf(target.baseline)).toFixed(2)}x`, `${(rate / staticRateOf(staticUrl)).toFixed(2)}x`, runs.map((figure) => figure.requestsPerSecond.toFixed(0)).join(", ")];
      }),
    );
  } finally {
    await server.stop();
    fs.rmSync(staticDir, { recursive: true, force: true });
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
