/** The bench's command line (scripts/bench.ts). */

const DEFAULT_CASES = 20_000;

/**
 * `keepDatabase`: create the bench database under this name and leave it after the run;
 * `reuseDatabase`: skip the data phase and measure an existing database of that name (made by an
 * earlier `--keep-db` run with the same --cases), leaving it in place too. Names must start with
 * "lapor_" so that no other database can be chosen by a typo.
 */
export type BenchArguments = { caseCount: number; modules: string[]; keepDatabase?: string; reuseDatabase?: string };

const DATABASE_NAME = /^lapor_[a-z0-9_]{1,50}$/;

/** Reads --cases, --only and --skip; throws with a message on anything it does not know. */
export function parseBenchArguments(args: readonly string[], moduleNames: readonly string[]): BenchArguments {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const list = (name: string) => {
    const names = value(name)?.split(",").map((entry) => entry.trim()).filter(Boolean);
    const unknown = names?.filter((entry) => !moduleNames.includes(entry)) ?? [];
    if (unknown.length > 0) throw new Error(`--${name}: unknown module ${unknown.join(", ")} (modules: ${moduleNames.join(", ")})`);
    return names;
  };
  const caseCount = Number(value("cases") ?? DEFAULT_CASES);
  if (!Number.isInteger(caseCount) || caseCount < 1) throw new Error(`--cases must be a positive integer, got "${value("cases")}"`);
  const only = list("only");
  const skip = list("skip") ?? [];
  const keepDatabase = value("keep-db");
  const reuseDatabase = value("reuse-db");
  for (const [name, database] of [["keep-db", keepDatabase], ["reuse-db", reuseDatabase]] as const) {
    if (database !== undefined && !DATABASE_NAME.test(database)) throw new Error(`--${name} must name a database "lapor_[a-z0-9_]+", got "${database}"`);
  }
  if (keepDatabase && reuseDatabase) throw new Error("--keep-db and --reuse-db exclude each other");
  return {
    caseCount,
    modules: moduleNames.filter((name) => (only ? only.includes(name) : true) && !skip.includes(name)),
    ...(keepDatabase ? { keepDatabase } : {}),
    ...(reuseDatabase ? { reuseDatabase } : {}),
  };
}

