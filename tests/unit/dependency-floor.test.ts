import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

import { checkDependencyFloor } from "@/scripts/check-dependency-floor";
import { compareVersions, findFloorViolations, listLockfileCopies, requiredVersion, validateFloor, type DependencyFloor } from "@/scripts/lib/dependency-floor";

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

describe("compareVersions", () => {
  it.each([
    ["1.0.0", "2.0.0"],
    ["2.0.0", "2.1.0"],
    ["2.1.0", "2.1.1"],
    ["1.0.0-alpha", "1.0.0"],
    ["1.0.0-alpha", "1.0.0-alpha.1"],
    ["1.0.0-alpha.1", "1.0.0-alpha.beta"],
    ["1.0.0-alpha.beta", "1.0.0-beta"],
    ["1.0.0-beta.2", "1.0.0-beta.11"],
    ["1.0.0-beta.11", "1.0.0-rc.1"],
    ["5.0.0-beta.30", "5.0.0-beta.32"],
    ["5.0.0-beta.32", "5.0.0"],
    ["16.0.10", "16.4.6"],
    ["0.32.6", "0.35.5"],
  ])("ranks %s below %s (semver 2.0.0 precedence)", (lower, higher) => {
    expect(compareVersions(lower, higher)).toBeLessThan(0);
    expect(compareVersions(higher, lower)).toBeGreaterThan(0);
  });

  it("ignores build metadata and a leading v", () => {
    expect(compareVersions("v1.2.3+build.7", "1.2.3")).toBe(0);
  });

  it("refuses what is not a version", () => {
    expect(() => compareVersions("latest", "1.0.0")).toThrow(/Not a semantic version/);
  });
});

describe("requiredVersion", () => {
  const nextRsc = ["15.0.5", "15.4.8", "15.5.7", "16.0.7"];

  it("asks for the fix of the installed version's own minor line", () => {
    expect(requiredVersion("15.4.2", nextRsc)).toBe("15.4.8");
  });

  it("asks a minor line without its own fix for the highest fix of its major line", () => {
    expect(requiredVersion("15.3.0", nextRsc)).toBe("15.5.7");
    expect(requiredVersion("16.4.6", nextRsc)).toBe("16.0.7");
  });

  it("asks a major line without any fix for the highest fix of all", () => {
    expect(requiredVersion("14.2.0", nextRsc)).toBe("16.0.7");
  });

  it("treats 0.x minors as majors, and prereleases by their line", () => {
    expect(requiredVersion("0.24.2", ["0.25.0"])).toBe("0.25.0");
    expect(requiredVersion("5.0.0-beta.25", ["4.24.12", "5.0.0-beta.30"])).toBe("5.0.0-beta.30");
  });
});

describe("findFloorViolations", () => {
  const floor: DependencyFloor = {
    recordedOn: "2026-12-07",
    advisories: [{ package: "next-auth", ids: ["GHSA-5jpx-9hw9-2fx4"], summary: "misdelivery", fixedIn: ["4.24.12", "5.0.0-beta.30"] }],
  };

  it("finds every copy below its line's fix, nested copies included, and passes the others", () => {
    const violations = findFloorViolations(floor, [
      { name: "next-auth", location: "node_modules/next-auth", version: "5.0.0-beta.25" },
      { name: "next-auth", location: "node_modules/x/node_modules/next-auth", version: "4.24.11" },
      { name: "next-auth", location: "node_modules/y/node_modules/next-auth", version: "4.24.12" },
      { name: "next-auth", location: "node_modules/z/node_modules/next-auth", version: "5.0.0-beta.32" },
    ]);
    expect(violations.map((violation) => [violation.copy.location, violation.required])).toEqual([
      ["node_modules/next-auth", "5.0.0-beta.30"],
      ["node_modules/x/node_modules/next-auth", "4.24.12"],
    ]);
  });

  it("counts a copy whose version does not parse as below the floor", () => {
    expect(findFloorViolations(floor, [{ name: "next-auth", location: "node_modules/next-auth", version: "beta" }])).toHaveLength(1);
  });
});

describe("validateFloor", () => {
  it("refuses an entry without advisory identifiers or with a version that does not parse", () => {
    expect(() => validateFloor({ recordedOn: "x", advisories: [{ package: "a", ids: [], summary: "", fixedIn: ["1.0.0"] }] })).toThrow(/ids/);
    expect(() => validateFloor({ recordedOn: "x", advisories: [{ package: "a", ids: ["CVE-2025-29927"], summary: "", fixedIn: ["1.0"] }] })).toThrow(/fixedIn/);
  });

  it("accepts the project's own floor", () => {
    const floor = validateFloor(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "security/dependency-floor.json"), "utf8")));
    const packages = new Set(floor.advisories.map((advisory) => advisory.package));
    for (const name of ["next", "react", "react-dom", "next-auth", "sharp", "zod", "pg", "file-type"]) expect(packages).toContain(name);
  });
});

describe("listLockfileCopies", () => {
  it("reads the package name of top-level and nested copies, skipping the root and links", () => {
    const copies = listLockfileCopies({
      packages: {
        "": { version: "0.1.0" },
        "node_modules/@auth/core": { version: "0.41.3" },
        "node_modules/vitest/node_modules/vite": { version: "8.3.8" },
        "node_modules/local": { link: true },
      },
    });
    expect(copies).toEqual([
      { name: "@auth/core", location: "node_modules/@auth/core", version: "0.41.3" },
      { name: "vite", location: "node_modules/vitest/node_modules/vite", version: "8.3.8" },
    ]);
  });
});

// Each run starts node with tsx: slow on a busy machine, so the limit is generous (nothing is timed).
describe("scripts/check-dependency-floor.ts", { timeout: 120_000 }, () => {
  const fixtureRoot = fs.mkdtempSync(path.join(os.tmpdir(), "dependency-floor-"));
  afterAll(() => fs.rmSync(fixtureRoot, { recursive: true, force: true }));

  /** A project whose lockfile says one thing and whose installed package.json files may say another. */
  function writeFixture(name: string, installed: Record<string, { lock: string; installed?: string }>): string {
    const root = path.join(fixtureRoot, name);
    const packages: Record<string, { version: string }> = { "": { version: "1.0.0" } };
    for (const [location, versions] of Object.entries(installed)) {
      packages[location] = { version: versions.lock };
      if (versions.installed) {
        fs.mkdirSync(path.join(root, location), { recursive: true });
        fs.writeFileSync(path.join(root, location, "package.json"), JSON.stringify({ version: versions.installed }));
      }
    }
    fs.mkdirSync(path.join(root, "security"), { recursive: true });
    fs.writeFileSync(path.join(root, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages }));
    fs.copyFileSync(path.join(PROJECT_ROOT, "security/dependency-floor.json"), path.join(root, "security/dependency-floor.json"));
    return root;
  }

  async function runScript(root: string): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/check-dependency-floor.ts", "--root", root], { cwd: PROJECT_ROOT });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, output: failure.stdout + failure.stderr };
    }
  }

  it("fails, naming each package below its floor and the advisories, when an installed version is too old", async () => {
    const root = writeFixture("below", {
      "node_modules/next": { lock: "15.2.2", installed: "15.2.2" },
      "node_modules/next-auth": { lock: "5.0.0-beta.25", installed: "5.0.0-beta.25" },
      "node_modules/react": { lock: "19.3.1", installed: "19.3.1" },
    });
    const result = await runScript(root);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/next 15\.2\.2 \(node_modules\/next\) is below 15\.2\.3, which fixed CVE-2025-29927/);
    expect(result.output).toMatch(/next-auth 5\.0\.0-beta\.25 \(node_modules\/next-auth\) is below 5\.0\.0-beta\.30, which fixed GHSA-5jpx-9hw9-2fx4/);
    expect(result.output).not.toMatch(/^\s*react 19/m);
  });

  it("believes the installed package.json over a stale lockfile", () => {
    const root = writeFixture("stale-lock", { "node_modules/next-auth": { lock: "5.0.0-beta.32", installed: "5.0.0-beta.25" } });
    expect(checkDependencyFloor({ root, floorFile: path.join(root, "security/dependency-floor.json") }).violations).toHaveLength(2);
  });

  it("passes when every installed copy is at or above its floor", async () => {
    const root = writeFixture("patched", {
      "node_modules/next": { lock: "16.4.6", installed: "16.4.6" },
      "node_modules/next-auth": { lock: "5.0.0-beta.32" },
      "node_modules/vitest/node_modules/vite": { lock: "8.3.8" },
    });
    const result = await runScript(root);
    expect(result.output).toContain("Every installed copy is at or above the fix of its known advisories.");
    expect(result.code).toBe(0);
  });
});
