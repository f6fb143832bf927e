/** The bench's command line (scripts/bench.ts). */

const DEFAULT_CASES = 20_000;

export type BenchArguments = { caseCount: number; modules: string[] };

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
  return { caseCount, modules: moduleNames.filter((name) => (only ? only.includes(name) : true) && !skip.includes(name)) };
}

