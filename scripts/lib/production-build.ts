import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, printStep, projectBin, runOrThrow } from "./processes";

/**
 * `npm start` rebuilds only when the sources changed since the last build: it compares a hash
 * of the files the build reads with the one written to .next after the last successful build.
 */
const STAMP_PATH = path.join(PROJECT_ROOT, ".next", "source-stamp.json");

/** Files that never reach the production build: changing them must not cost a rebuild. */
const NOT_BUILD_INPUTS = [
  /^\.ci\//,
  /^\.github\//,
  /^scripts\//,
  /^tests\//,
  /^prisma\/migrations\//,
  /^prisma\/raw\//,
  /^prisma\/seed/,
  /\.md$/,
  /^(vitest|playwright)[^/]*\.config\.ts$/,
];

/** Directories skipped when the project is not a git work tree. */
const IGNORED_DIRECTORIES = new Set([".git", ".next", ".data", "node_modules", "storage", "coverage", "test-results", "playwright-report"]);

function computeSourceHash(): string {
  const hash = createHash("sha256");
  for (const file of listSourceFiles().filter((file) => !NOT_BUILD_INPUTS.some((pattern) => pattern.test(file)))) {
    hash.update(file).update("\0");
    try {
      hash.update(fs.readFileSync(path.join(PROJECT_ROOT, file)));
    } catch {
      hash.update("(missing)");
    }
    hash.update("\0");
  }
  // Next reads these at build time, and git ignores them.
  for (const file of [".env", ".env.local", ".env.production", ".env.production.local"]) {
    if (fs.existsSync(path.join(PROJECT_ROOT, file))) hash.update(file).update(fs.readFileSync(path.join(PROJECT_ROOT, file)));
  }
  // NEXT_PUBLIC_ variables are inlined into the client bundle at build time.
  for (const name of Object.keys(process.env).filter((key) => key.startsWith("NEXT_PUBLIC_")).sort()) {
    hash.update(`${name}=${process.env[name]}\0`);
  }
  return hash.digest("hex");
}

/** Runs `next build` unless the last build came from the same sources (or `force`). */
export async function ensureProductionBuild(options: { env: NodeJS.ProcessEnv; force?: boolean }): Promise<void> {
  const sourceHash = computeSourceHash();
  if (!options.force && isBuildCurrent(sourceHash)) {
    printStep(`next build skipped: .next was built from these sources (${describeStamp()})`);
    return;
  }
  printStep("next build");
  fs.rmSync(STAMP_PATH, { force: true });
  await runOrThrow(projectBin("next"), ["build"], { env: options.env });
  writeBuildStamp(sourceHash);
}

function describeStamp(): string {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP_PATH, "utf8")) as { builtAt?: string };
    return `built ${stamp.builtAt ?? "at an unknown time"}`;
  } catch {
    return "no stamp";
  }
}

function isBuildCurrent(sourceHash: string): boolean {
  if (!fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP_PATH, "utf8")) as { sourceHash?: string };
    return stamp.sourceHash === sourceHash;
  } catch {
    return false;
  }
}

function writeBuildStamp(sourceHash: string): void {
  fs.writeFileSync(STAMP_PATH, `${JSON.stringify({ sourceHash, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Tracked and untracked-but-not-ignored files, from git when it can tell, else from a walk. */
function listSourceFiles(): string[] {
  try {
    const output = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return [...new Set(output.toString("utf8").split("\0").filter(Boolean))].sort();
  } catch {
    return walk("").sort();
  }
}

function walk(relativeDir: string): string[] {
  const entries = fs.readdirSync(path.join(PROJECT_ROOT, relativeDir), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return IGNORED_DIRECTORIES.has(entry.name) ? [] : walk(relativePath);
    return entry.isFile() ? [relativePath] : [];
  });
}
