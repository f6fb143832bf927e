/**
 * The dependency floor's rules (security/dependency-floor.json), pure so they are unit tested:
 * a semantic version comparator (with prerelease tags, e.g. 5.0.0-beta.32) and which installed
 * copies of a package are below the fix of their release line.
 *
 * Own code rather than the `semver` package: it is only a transitive dependency here, and the
 * comparison needed is a few lines of the semver 2.0.0 precedence rules.
 */

export type Advisory = {
  package: string;
  ids: string[];
  summary: string;
  /** The first fixed version of each release line. */
  fixedIn: string[];
};

export type DependencyFloor = { recordedOn: string; advisories: Advisory[] };

/** One installed copy of a package: where it sits (a package-lock key or a path) and its version. */
export type InstalledCopy = { name: string; location: string; version: string };

export type FloorViolation = { copy: InstalledCopy; advisory: Advisory; required: string };

type ParsedVersion = { major: number; minor: number; patch: number; prerelease: (string | number)[] };

const VERSION_PATTERN = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): ParsedVersion | null {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return null;
  const prerelease = match[4] ? match[4].split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease };
}

function parseOrThrow(text: string): ParsedVersion {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`Not a semantic version: "${text}"`);
  return parsed;
}

/** Semver 2.0.0 precedence: negative if a < b, 0 if equal (build metadata ignored), positive if a > b. */
export function compareVersions(a: string, b: string): number {
  const left = parseOrThrow(a);
  const right = parseOrThrow(b);
  for (const key of ["major", "minor", "patch"] as const) {
    if (left[key] !== right[key]) return left[key] - right[key];
  }
  // A release ranks above its own prereleases.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) return right.prerelease.length - left.prerelease.length;
  for (let index = 0; index < Math.max(left.prerelease.length, right.prerelease.length); index += 1) {
    const x = left.prerelease[index];
    const y = right.prerelease[index];
    // A shorter set of identifiers ranks lower when all before are equal.
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    // Numeric identifiers rank below alphanumeric ones.
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The release line a version belongs to: "major" and "major.minor", where 0.x counts the minor as the major. */
function linesOf(version: ParsedVersion): { major: string; minor: string } {
  return version.major === 0
    ? { major: `0.${version.minor}`, minor: `0.${version.minor}.${version.patch}` }
    : { major: `${version.major}`, minor: `${version.major}.${version.minor}` };
}

function highest(versions: string[]): string {
  return versions.reduce((top, version) => (compareVersions(version, top) > 0 ? version : top));
}

/**
 * The version `installed` must reach for `fixedIn`: the fix of its major.minor line, else the
 * highest fix of its major line, else the highest fix of all (a line never fixed is not safe
 * below it).
 */
export function requiredVersion(installed: string, fixedIn: string[]): string {
  const lines = linesOf(parseOrThrow(installed));
  const sameMinor = fixedIn.filter((fix) => linesOf(parseOrThrow(fix)).minor === lines.minor);
  if (sameMinor.length > 0) return highest(sameMinor);
  const sameMajor = fixedIn.filter((fix) => linesOf(parseOrThrow(fix)).major === lines.major);
  return highest(sameMajor.length > 0 ? sameMajor : fixedIn);
}

/** Every installed copy below the fix of one of its package's advisories. A copy whose version does not parse is a violation too. */
export function findFloorViolations(floor: DependencyFloor, installed: InstalledCopy[]): FloorViolation[] {
  const violations: FloorViolation[] = [];
  for (const advisory of floor.advisories) {
    for (const copy of installed.filter((candidate) => candidate.name === advisory.package)) {
      if (!parseVersion(copy.version)) {
        violations.push({ copy, advisory, required: highest(advisory.fixedIn) });
        continue;
      }
      const required = requiredVersion(copy.version, advisory.fixedIn);
      if (compareVersions(copy.version, required) < 0) violations.push({ copy, advisory, required });
    }
  }
  return violations;
}

/** Checks the floor file's own shape, so a typo cannot silently disable an entry. */
export function validateFloor(value: unknown): DependencyFloor {
  const floor = value as Partial<DependencyFloor> | null;
  if (!floor || typeof floor.recordedOn !== "string" || !Array.isArray(floor.advisories) || floor.advisories.length === 0) {
    throw new Error("The dependency floor needs recordedOn and a non-empty advisories list");
  }
  for (const [index, advisory] of floor.advisories.entries()) {
    const where = `advisories[${index}] (${advisory?.package ?? "no package"})`;
    if (typeof advisory?.package !== "string" || advisory.package === "") throw new Error(`${where}: package missing`);
    if (!Array.isArray(advisory.ids) || advisory.ids.length === 0 || !advisory.ids.every((id) => /^(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})$/.test(id))) {
      throw new Error(`${where}: ids must be CVE or GHSA identifiers`);
    }
    if (!Array.isArray(advisory.fixedIn) || advisory.fixedIn.length === 0 || !advisory.fixedIn.every((version) => parseVersion(version))) {
      throw new Error(`${where}: fixedIn must list semantic versions`);
    }
  }
  return floor as DependencyFloor;
}

/** Every copy of every package the lockfile installs ("node_modules/a/node_modules/b" is a nested copy of b). */
export function listLockfileCopies(lockfile: { packages?: Record<string, { version?: string; link?: boolean }> }): InstalledCopy[] {
  const copies: InstalledCopy[] = [];
  for (const [location, entry] of Object.entries(lockfile.packages ?? {})) {
    const index = location.lastIndexOf("node_modules/");
    if (index === -1 || entry.link || !entry.version) continue;
    copies.push({ name: location.slice(index + "node_modules/".length), location, version: entry.version });
  }
  return copies;
}
