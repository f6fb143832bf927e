import { describe, expect, it } from "vitest";

import { parseBenchArguments } from "@/scripts/bench/arguments";

const MODULES = ["queue", "statistics", "export-csv"];

describe("parseBenchArguments", () => {
  it("runs every module at 20,000 cases when told nothing", () => {
    expect(parseBenchArguments([], MODULES)).toEqual({ caseCount: 20_000, modules: MODULES });
  });

  it("runs only the modules named by --only, in the bench's order", () => {
    expect(parseBenchArguments(["--cases=1000000", "--only=export-csv,queue"], MODULES)).toEqual({ caseCount: 1_000_000, modules: ["queue", "export-csv"] });
  });

  it("leaves out the modules named by --skip", () => {
    expect(parseBenchArguments(["--skip=queue"], MODULES).modules).toEqual(["statistics", "export-csv"]);
  });

  it("refuses a module it does not know, naming the known ones", () => {
    expect(() => parseBenchArguments(["--only=queu"], MODULES)).toThrow("unknown module queu (modules: queue, statistics, export-csv)");
  });

  it("refuses a case count that is not a positive integer", () => {
    expect(() => parseBenchArguments(["--cases=0"], MODULES)).toThrow("--cases must be a positive integer");
    expect(() => parseBenchArguments(["--cases=1e3.5"], MODULES)).toThrow("--cases must be a positive integer");
  });
});
