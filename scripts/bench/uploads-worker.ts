/**
 * One measurement of `npm run bench:uploads` (scripts/bench/uploads.ts), in a process of its
 * own so that its peak RSS is its alone:
 *
 *   node --conditions=react-server --import tsx scripts/bench/uploads-worker.ts <current|before> <file> <N>
 *
 * Processes the file N times at once and prints one line of JSON: RSS when idle (modules
 * loaded), peak RSS, outcomes, seconds. `current` goes through processEvidence, as an upload
 * does; `before` re-encodes as the code before issue 11 did: the whole image, with sharp's
 * defaults (operation cache, threads, Huffman-optimised JPEG).
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";

import sharp from "sharp";

import { ALLOWED_EVIDENCE_TYPES } from "@/lib/attachments/evidence-types";

export type WorkerFigures = { idleMiB: number; peakMiB: number; outcomes: Record<string, number>; seconds: number };

const mebibytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function reencodeAsBefore(bytes: Buffer, mediaType: string): Promise<string> {
  const type = ALLOWED_EVIDENCE_TYPES[mediaType];
  if (!type || type.kind !== "image") return "stored as sent";
  const image = sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000, animated: type.output === "webp" }).rotate();
  const encoded =
    type.output === "jpeg" ? image.jpeg({ quality: 90, chromaSubsampling: "4:4:4" }) : type.output === "png" ? image.png({ compressionLevel: 6 }) : image.webp({ quality: 90 });
  try {
    await encoded.toBuffer();
    return "accepted";
  } catch (error) {
    return /pixel limit/i.test(error instanceof Error ? error.message : "") ? "imageTooLarge" : "fileUnreadable";
  }
}

async function main(): Promise<void> {
  const [mode, file, countArgument, mediaType] = process.argv.slice(2);
  const count = Number(countArgument);
  if ((mode !== "current" && mode !== "before") || !file || !Number.isInteger(count) || count < 1) {
    throw new Error("usage: uploads-worker.ts <current|before> <file> <N> [media type]");
  }
  // Imported only for `current`: it sets sharp up for a server, which `before` must not have.
  const { processEvidence } = mode === "current" ? await import("@/lib/attachments/process-evidence") : { processEvidence: null };
  const bytes = fs.readFileSync(file);
  const idle = process.memoryUsage().rss;
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, async () => {
      if (!processEvidence) return reencodeAsBefore(bytes, mediaType ?? "");
      const result = await processEvidence({ bytes, fileName: "evidence" });
      return result.ok ? "accepted" : result.error;
    }),
  );
  const figures: WorkerFigures = {
    idleMiB: mebibytes(idle),
    peakMiB: mebibytes(process.resourceUsage().maxRSS * 1024),
    outcomes: outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {}),
    seconds: (performance.now() - started) / 1000,
  };
  console.log(JSON.stringify(figures));
}

await main();
