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

  it("keeps the database under --keep-db, or measures a kept one under --reuse-db, never both", () => {
    expect(parseBenchArguments(["--cases=1000000", "--keep-db=lapor_bench_1m"], MODULES)).toEqual({ caseCount: 1_000_000, modules: MODULES, keepDatabase: "lapor_bench_1m" });
    expect(parseBenchArguments(["--reuse-db=lapor_bench_1m", "--only=queue"], MODULES)).toEqual({ caseCount: 20_000, modules: ["queue"], reuseDatabase: "lapor_bench_1m" });
    expect(() => parseBenchArguments(["--keep-db=a", "--reuse-db=lapor_b"], MODULES)).toThrow('--keep-db must name a database "lapor_[a-z0-9_]+"');
    expect(() => parseBenchArguments(["--reuse-db=postgres"], MODULES)).toThrow("--reuse-db must name");
    expect(() => parseBenchArguments(["--keep-db=lapor_a", "--reuse-db=lapor_b"], MODULES)).toThrow("exclude each other");
  });
});
