/**
 * `npm run bench:statistics`: the statistics part of the bench (scripts/bench/statistics.ts)
 * against an existing database, e.g. a copy of a large one:
 *   DATABASE_URL=postgresql://.../lapor_scale_copy npm run bench:statistics -- --runs=10 --baseline-runs=2 [--views-only]
 * (--views-only: the views alone, without the rebuild, compaction and pre-warm timings).
 * It rebuilds the rollups and stores snapshots there: never point it at a database in use.
 */
import { disconnectDatabases } from "@/lib/db";

import { runStatisticsBenchmark } from "./bench/statistics";

const option = (name: string) => process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
try {
  await runStatisticsBenchmark({
    runs: Number(option("runs") ?? 10),
    baselineRuns: Number(option("baseline-runs") ?? 2),
    viewsOnly: process.argv.includes("--views-only"),
  });
} finally {
  await disconnectDatabases();
}
