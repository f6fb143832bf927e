import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";

import { provideFreshDatabase } from "../lib/databases";
import { applyMigrations, seedDatabase } from "../lib/prisma";
import { findFreePort } from "../lib/processes";
import { startBenchServer } from "./production-server";

/**
 * Lighthouse 12 (mobile, its default simulated slow 4G and 4x CPU slowdown) on the public pages
 * of this tree's production build, in both languages, printed beside a static copy of `/`: the
 * same HTML, CSS and JavaScript, but the document comes from a file instead of a render. Scores
 * on a busy machine are noisy: compare a page with the static copy of the same run. Uses Debian's
 * Chromium (CHROME_PATH, default /usr/bin/chromium). Prints figures, never fails on a threshold.
 */
const PAGES = ["/", "/lapor", "/lacak", "/transparansi"];
const LOCALES = ["id", "en"] as const;
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Scores = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; failedAudits: string[] };

export async function runLighthouseBenchmark(options: { databaseUrl: string; appSecret: string; storageDir: string; runs?: number }): Promise<void> {
  const runs = options.runs ?? 1;
  const server = await startBenchServer(options);
  let staticServer: http.Server | null = null;
  let chrome: LaunchedChrome | null = null;
  try {
    const staticUrl = await serveStaticCopyOfHome(server.baseUrl).then((started) => {
      staticServer = started.server;
      return started.url;
    });
    chrome = await launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });

    console.log(`\nLighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ""}mobile: performance / accessibility, LCP, TBT, CLS`);
    const rows: string[][] = [];
    const measure = async (label: string, url: string, locale: string) => {
      const results: Scores[] = [];
      for (let run = 0; run < runs; run += 1) results.push(await audit(chrome!.port, url, locale));
      const median = results.sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)]!;
      rows.push([label, locale, String(median.performance), String(median.accessibility), `${Math.round(median.lcpMs)} ms`, `${Math.round(median.tbtMs)} ms`, median.cls.toFixed(3), median.failedAudits.join(", ")]);
    };
    await measure("static copy of /", staticUrl, "id");
    for (const locale of LOCALES) {
      for (const page of PAGES) await measure(page, `${server.baseUrl}${page}`, locale);
    }
    printTable(["page", "lang", "perf", "a11y", "LCP", "TBT", "CLS", "failed audits (performance and accessibility)"], rows);
  } finally {
    await chrome?.kill();
    await new Promise<void>((resolve) => (staticServer ? staticServer.close(() => resolve()) : resolve()));
    await server.stop();
  }
}

async function audit(port: number, url: string, locale: string): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: { Cookie: `NEXT_LOCALE=${locale}` },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const failedAudits = [categories.performance, categories.accessibility]
    .flatMap((category) => (category?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]!))
    .filter((entry) => entry.score !== null && entry.score < 0.9)
    .map((entry) => entry.id);
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    failedAudits,
  };
}

/**
 * The HTML of `/` as rendered once, served from memory on another loopback port; every other
 * request (CSS, JavaScript, fonts) goes through to the app server, so only the document differs.
 */
async function serveStaticCopyOfHome(appUrl: string): Promise<{ server: http.Server; url: string }> {
  const response = await fetch(`${appUrl}/`, { headers: { Cookie: "NEXT_LOCALE=id" } });
  const html = gzipSync(await response.text());
  const port = await findFreePort();
  const app = new URL(appUrl);
  const server = http.createServer((request, reply) => {
    if (request.url === "/") {
      reply.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" }).end(html);
      return;
    }
    const forwarded = http.request({ host: app.hostname, port: app.port, path: request.url, method: request.method, headers: request.headers }, (upstream) => {
      reply.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(reply);
    });
    forwarded.on("error", () => reply.writeHead(502).end());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${port}/` };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  console.log([line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n"));
}

/**
 * Alone: `node --conditions=react-server --import tsx scripts/bench/lighthouse.ts [--runs=N]`, on
 * a fresh seeded database (the demo seed) that is dropped at the end.
 */
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.split("=")[1] ?? 1);
  const database = await provideFreshDatabase("lighthouse");
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-lighthouse-"));
  try {
    const appSecret = randomBytes(36).toString("base64url");
    await applyMigrations(database.url);
    await seedDatabase(database.url, { appSecret });
    await runLighthouseBenchmark({ databaseUrl: database.url, appSecret, storageDir, runs });
  } finally {
    await database.dispose();
    fs.rmSync(storageDir, { recursive: true, force: true });
  }
}
