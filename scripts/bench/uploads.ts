/**
 * `npm run bench:uploads [-- --concurrency=N --before-concurrency=M]`: the peak memory of
 * processing the worst evidence file of each accepted format, N uploads at once (default 8),
 * measured, never asserted (issue 11). The files are made here, each at the largest size the
 * upload accepts (or, for a bomb the upload now refuses, the size it used to accept), in one
 * colour, so they compress to a few hundred KiB at most.
 *
 * Each measurement runs in a fresh process (scripts/bench/uploads-worker.ts), so its peak RSS is
 * its own. Beside it, in the same run: the RSS of that process when idle, and the same file
 * processed M at a time (default 1: it takes gigabytes) the way the code did before issue 11
 * (whole image, sharp's defaults). Figures are the process's RSS high-water mark (maxRSS).
 *
 *   node --import tsx scripts/bench/uploads.ts [--concurrency=N] [--before-concurrency=M]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import sharp from "sharp";

import { EVIDENCE_PROCESSING_QUEUE, EVIDENCE_PROCESSING_SLOTS, MAX_STORED_PIXELS } from "@/lib/attachments/reencode-image";
import { REPORT_LIMITS } from "@/lib/reports/schemas";

import { captureOutput, childEnvironment, onInterrupt, PROJECT_ROOT, printBanner } from "../lib/processes";
import type { WorkerFigures } from "./uploads-worker";

type Scenario = { name: string; mediaType: string; make: () => Promise<Buffer> };

const WORKER = path.join(PROJECT_ROOT, "scripts", "bench", "uploads-worker.ts");

// Importing the limits set sharp up for a server (one thread); making the files here may use every core.
sharp.concurrency(0);

function solid(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background: { r: 200, g: 40, b: 40, alpha: 1 } }, limitInputPixels: false });
}

function labelAsHeic(avif: Buffer): Buffer {
  const brandOffset = avif.indexOf("ftyp") + 4;
  return Buffer.concat([avif.subarray(0, brandOffset), Buffer.from("heic"), avif.subarray(brandOffset + 4)]);
}

/** An animated WebP whose frames alternate between two colours (identical frames would be merged). */
async function animatedWebp(width: number, height: number, frameCount: number): Promise<Buffer> {
  const frames = await Promise.all(
    Array.from({ length: frameCount }, (_, index) =>
      sharp({ create: { width, height, channels: 4, background: { r: index % 2 ? 10 : 200, g: 40, b: 40, alpha: 1 } }, limitInputPixels: false }).png({ compressionLevel: 1 }).toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true }, limitInputPixels: false }).webp({ quality: 50, effort: 0 }).toBuffer();
}

/** A valid PDF padded with a comment to just under the upload limit: stored as sent. */
function largePdf(): Buffer {
  const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n";
  const tail = "trailer<</Root 1 0 R>>\n%%EOF\n";
  const padding = "%".padEnd(99, "x") + "\n";
  const lines = Math.floor((REPORT_LIMITS.fileBytes - head.length - tail.length) / padding.length);
  return Buffer.from(head + padding.repeat(lines) + tail, "latin1");
}

const SCENARIOS: Scenario[] = [
  { name: "JPEG baseline 10000x10000 (100 MP)", mediaType: "image/jpeg", make: () => solid(10_000, 10_000).jpeg({ quality: 50 }).toBuffer() },
  { name: "JPEG progressive 4096x3072", mediaType: "image/jpeg", make: () => solid(4096, 3072).jpeg({ quality: 50, progressive: true, chromaSubsampling: "4:4:4" }).toBuffer() },
  { name: "PNG RGBA 16-bit 10000x10000", mediaType: "image/png", make: () => solid(10_000, 10_000, 4).toColourspace("rgb16").png().toBuffer() },
  { name: "PNG interlaced RGBA 16-bit 4096x3072", mediaType: "image/png", make: () => solid(4096, 3072, 4).toColourspace("rgb16").png({ progressive: true }).toBuffer() },
  { name: "WebP 16383x6103 (its largest, 100 MP)", mediaType: "image/webp", make: () => solid(16_383, 6_103, 4).webp({ quality: 50 }).toBuffer() },
  { name: "WebP animated 4 x 2048x1536", mediaType: "image/webp", make: () => animatedWebp(2048, 1536, 4) },
  { name: "HEIF (AV1) 4096x3072", mediaType: "image/heic", make: async () => labelAsHeic(await solid(4096, 3072).heif({ compression: "av1", quality: 30, effort: 0 }).toBuffer()) },
  { name: "PDF 10 MiB", mediaType: "application/pdf", make: async () => largePdf() },
  // Bombs the upload accepted before issue 11 and now refuses from the header.
  { name: "JPEG progressive 10000x10000 (now refused)", mediaType: "image/jpeg", make: () => solid(10_000, 10_000).jpeg({ quality: 50, progressive: true, chromaSubsampling: "4:4:4" }).toBuffer() },
  { name: "WebP animated 2 x 7000x7000 (now refused)", mediaType: "image/webp", make: () => animatedWebp(7000, 7000, 2) },
  { name: "HEIF (AV1) 10000x10000 (now refused)", mediaType: "image/heic", make: async () => labelAsHeic(await solid(10_000, 10_000).heif({ compression: "av1", quality: 30, effort: 0 }).toBuffer()) },
];

function readCount(name: string, fallback: number): number {
  const argument = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const count = Number(argument ?? fallback);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--${name} must be a positive integer, got "${argument}"`);
  return count;
}

async function measure(mode: "current" | "before", file: string, count: number, mediaType: string): Promise<WorkerFigures> {
  const output = await captureOutput(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, mode, file, String(count), mediaType], childEnvironment());
  return JSON.parse(output.trim().split("\n").at(-1)!) as WorkerFigures;
}

function describeOutcomes(outcomes: Record<string, number>): string {
  return Object.entries(outcomes)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(", ");
}

async function main(): Promise<number> {
  const started = performance.now();
  const concurrency = readCount("concurrency", 8);
  const beforeConcurrency = readCount("before-concurrency", 1);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-bench-uploads-"));
  const cleanUp = async () => fs.rmSync(directory, { recursive: true, force: true });
  onInterrupt(cleanUp);
  try {
    printBanner(`Evidence uploads: worst file per format, ${concurrency} at once (before: ${beforeConcurrency} at once); Node ${process.version}, ${os.cpus().length} cores`);
    console.log(`Processing slots ${EVIDENCE_PROCESSING_SLOTS} (+${EVIDENCE_PROCESSING_QUEUE} waiting), stored images at most ${(MAX_STORED_PIXELS / 1e6).toFixed(1)} MP. Peak = RSS high-water mark of the process, MiB.\n`);
    const header = ["file", "KiB", "idle", `before x${beforeConcurrency}`, `now x${concurrency}`, "s", "outcomes now"];
    const rows: string[][] = [];
    for (const scenario of SCENARIOS) {
      const file = path.join(directory, `${rows.length}.bin`);
      fs.writeFileSync(file, await scenario.make());
      const before = await measure("before", file, beforeConcurrency, scenario.mediaType);
      const now = await measure("current", file, concurrency, scenario.mediaType);
      const row = [scenario.name, String(Math.round(fs.statSync(file).size / 1024)), String(now.idleMiB), String(before.peakMiB), String(now.peakMiB), now.seconds.toFixed(1), describeOutcomes(now.outcomes)];
      rows.push(row);
      console.log(row.join(" | "));
      fs.rmSync(file);
    }
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 6 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
    console.log(`\n${[line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n")}`);
    return 0;
  } catch (error) {
    console.error(`bench:uploads failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    console.log(`\nbench:uploads wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

process.exitCode = await main();
