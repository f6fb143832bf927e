import "server-only";

import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeError } from "@/lib/logging";

import { computePublicStatistics, type TransparencyRules } from "./compute";
import type { PublicStatistics } from "./types";

/**
 * The public figures are served from one PublicStatsSnapshot row (one primary-key read per
 * request), so every instance shows the same numbers and the aggregation runs at most once per
 * refresh interval, whatever the traffic.
 *
 * When the row is older than the interval, the instance that gets a transaction-scoped advisory
 * lock recomputes and replaces it; the others keep serving the previous figures meanwhile. Only
 * the very first request, when there is nothing to serve yet, waits for the lock.
 */

/** Bump when the payload's shape changes: an old row is then simply not found and recomputed. */
export const PUBLIC_SNAPSHOT_KEY = "public-v1";
/** The refresh's advisory lock; any number, the same in every instance ("TRNS"). */
export const REFRESH_LOCK = BigInt(0x5452_4e53);

export type PublicStatisticsResult = {
  statistics: PublicStatistics;
  /** "stored": fresh from the row; "computed": this call recomputed it; "stale": another instance is recomputing. */
  source: "stored" | "computed" | "stale";
};

type Snapshot = { payload: Prisma.JsonValue; computedAt: Date };

export function publicStatisticsRules(): TransparencyRules {
  const environment = getEnvironment();
  return {
    minimumCount: environment.PUBLIC_STATS_MIN_COUNT,
    // Never compute a share over fewer cases than a count that may be published exactly.
    minimumCases: Math.max(environment.STATS_MIN_CASES, environment.PUBLIC_STATS_MIN_COUNT),
    refreshMinutes: environment.PUBLIC_STATS_REFRESH_MINUTES,
  };
}

function isFresh(snapshot: Snapshot | null, now: Date, rules: TransparencyRules): snapshot is Snapshot {
  return snapshot !== null && now.getTime() - snapshot.computedAt.getTime() < rules.refreshMinutes * 60_000;
}

function toStatistics(snapshot: Snapshot): PublicStatistics {
  return snapshot.payload as unknown as PublicStatistics;
}

async function readSnapshot(client: Pick<Prisma.TransactionClient, "publicStatsSnapshot">): Promise<Snapshot | null> {
  return client.publicStatsSnapshot.findUnique({ where: { key: PUBLIC_SNAPSHOT_KEY }, select: { payload: true, computedAt: true } });
}

/**
 * Recomputes under the lock. With `wait` (nothing to serve yet) it waits for the lock and then
 * uses the row another instance may have written meanwhile; without, it gives up at once.
 */
async function refreshSnapshot(now: Date, rules: TransparencyRules, wait: boolean): Promise<PublicStatisticsResult | null> {
  return db.$transaction(
    async (tx) => {
      if (wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      } else {
        const [lock] = await tx.$queryRaw<{ acquired: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS "acquired"`;
        if (!lock?.acquired) return null;
      }
      const current = await readSnapshot(tx);
      if (isFresh(current, now, rules)) return { statistics: toStatistics(current), source: "stored" } as const;

      const statistics = await computePublicStatistics(tx, { now, rules });
      const payload = statistics as unknown as Prisma.InputJsonObject;
      await tx.publicStatsSnapshot.upsert({
        where: { key: PUBLIC_SNAPSHOT_KEY },
        create: { key: PUBLIC_SNAPSHOT_KEY, payload, computedAt: now },
        update: { payload, computedAt: now },
      });
      return { statistics, source: "computed" } as const;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

export async function getPublicStatistics(options: { now?: Date; rules?: TransparencyRules } = {}): Promise<PublicStatisticsResult> {
  const now = options.now ?? new Date();
  const rules = options.rules ?? publicStatisticsRules();
  const stored = await readSnapshot(db);
  if (isFresh(stored, now, rules)) return { statistics: toStatistics(stored), source: "stored" };
  if (!stored) return (await refreshSnapshot(now, rules, true))!;

  try {
    return (await refreshSnapshot(now, rules, false)) ?? { statistics: toStatistics(stored), source: "stale" };
  } catch (error) {
    // Old figures, clearly dated on the page, are better than none while the database struggles.
    console.error("transparency figures: refresh failed, serving the previous snapshot", describeError(error));
    return { statistics: toStatistics(stored), source: "stale" };
  }
}
