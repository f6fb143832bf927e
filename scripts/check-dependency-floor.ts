/**
 * `npm test` suite "deps": fails when an installed package is below the version that fixed one
 * of its known advisories (security/dependency-floor.json). npm audit cannot reach the advisory
 * database from these machines, so this floor, kept by hand, is the guard.
 *
 * Reads what is really installed: every copy the lockfile places (nested copies included), with
 * the version from that copy's own node_modules/.../package.json when it is there (it wins over
 * the lockfile, which could be stale).
 *
 *   node --import tsx scripts/check-dependency-floor.ts [--root <project dir>] [--floor <file>]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { findFloorViolations, listLockfileCopies, validateFloor, type InstalledCopy } from "./lib/dependency-floor";
import { PROJECT_ROOT } from "./lib/processes";

function readJson(filePath: string): unknown {
  return JSON.parse(fs.readFileSync(filePath, "utf8"));
}

/** The lockfile's copies, each with the version its installed package.json states (when installed). */
function readInstalledCopies(root: string): InstalledCopy[] {
  const lockfile = readJson(path.join(root, "package-lock.json")) as Parameters<typeof listLockfileCopies>[0];
  return listLockfileCopies(lockfile).map((copy) => {
    const manifestPath = path.join(root, copy.location, "package.json");
    if (!fs.existsSync(manifestPath)) return copy;
    const installed = (readJson(manifestPath) as { version?: string }).version;
    return installed ? { ...copy, version: installed } : copy;
  });
}

export function checkDependencyFloor(options: { root: string; floorFile: string }): { violations: string[]; checked: string[] } {
  const floor = validateFloor(readJson(options.floorFile));
  const copies = readInstalledCopies(options.root);
  const violations = findFloorViolations(floor, copies).map(
    ({ copy, advisory, required }) =>
      `${copy.name} ${copy.version} (${copy.location}) is below ${required}, which fixed ${advisory.ids.join(", ")}: ${advisory.summary}`,
  );
  const packages = [...new Set(floor.advisories.map((advisory) => advisory.package))];
  const checked = packages.map((name) => {
    const versions = copies.filter((copy) => copy.name === name).map((copy) => copy.version);
    return `${name}: ${versions.length > 0 ? [...new Set(versions)].join(", ") : "not installed"}`;
  });
  return { violations, checked };
}

function main(): number {
  const { values } = parseArgs({ options: { root: { type: "string" }, floor: { type: "string" } } });
  const root = path.resolve(values.root ?? PROJECT_ROOT);
  const floorFile = path.resolve(values.floor ?? path.join(root, "security", "dependency-floor.json"));
  const { violations, checked } = checkDependencyFloor({ root, floorFile });
  console.log(`Dependency floor (${path.relative(process.cwd(), floorFile) || floorFile}), installed versions:`);
  for (const line of checked) console.log(`  ${line}`);
  if (violations.length === 0) {
    console.log("Every installed copy is at or above the fix of its known advisories.");
    return 0;
  }
  console.error(`\n${violations.length} installed package cop${violations.length === 1 ? "y is" : "ies are"} below the dependency floor:`);
  for (const violation of violations) console.error(`  ${violation}`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main();
