import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { FUZZ_MINIMUM_TOTAL_RUNS, FUZZ_RUNS } from "../fixtures/fuzz";

/**
 * The fuzz suites' budget is real: every property named in FUZZ_RUNS is run by a test (its name
 * appears in exactly one test file as the first argument of checkProperty or fuzzSchemas), and
 * together they generate at least the required number of inputs per run.
 */

const TESTS_ROOT = path.resolve(import.meta.dirname, "..");

function listTestFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const fullPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return listTestFiles(fullPath);
    return entry.name.endsWith(".test.ts") ? [fullPath] : [];
  });
}

describe("the fuzz budget", () => {
  it(`adds up to at least ${FUZZ_MINIMUM_TOTAL_RUNS} generated inputs per run`, () => {
    const total = Object.values(FUZZ_RUNS).reduce((sum, runs) => sum + runs, 0);
    console.log(`Fuzz budget: ${total} generated inputs over ${Object.keys(FUZZ_RUNS).length} properties`);
    expect(total).toBeGreaterThanOrEqual(FUZZ_MINIMUM_TOTAL_RUNS);
  });

  it("counts only properties that a test runs, each in one place", () => {
    const sources = listTestFiles(TESTS_ROOT).map((file) => fs.readFileSync(file, "utf8"));
    for (const name of Object.keys(FUZZ_RUNS)) {
      const uses = sources.filter((source) => source.includes(`"${name}",`)).length;
      expect(uses, name).toBe(1);
    }
  });
});
