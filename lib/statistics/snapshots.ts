import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseScopeKey } from "@/lib/cases/access";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { hasCasePermission } from "@/lib/cases/permissions";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { claimPeriodicRun } from "@/lib/rate-limit/limits";
import type { Prisma } from "@/lib/generated/prisma/client";

import { resolvePeriod, type PeriodPreset } from "./period";
import { getStatistics } from "./queries";
import { statisticsSnapshotKey } from "./snapshot-key";
import type { StatisticsFilters, StatisticsReport } from "./types";

/**
 * The statistics of /dasbor/statistik, served from stored reports (StatisticsSnapshot): a cache
 * in front of getStatistics, which sums the statistics cubes (./queries-rollups.ts) and answers any
 * view live in well under a second, so no view depends on being stored or pre-warmed. One row
 * per view (scope, filters, resolved period, STATS_MIN_CASES), keyed by a hash of it
 * (./snapshot-key.ts).
 *
 * - A row younger than STATS_SNAPSHOT_MINUTES is served as it is; the report's `generatedAt`
 *   says when its figures were computed.
 * - An older row is recomputed by the instance that claims the view (a counter row, see
 *   refreshView), and stored. Meanwhile the others serve the older row, or compute live without
 *   storing when there is none yet.
 * - prewarmStatisticsSnapshots (the "statistics-prewarm" job, lib/jobs/registry.ts) keeps the views supervisors
 *   open most fresh and deletes rows older than two days.
 *
 * The exports keep calling getStatistics: they are background jobs and print their own time.
 */

type Snapshot = { payload: Prisma.JsonValue; computedAt: Date };
type View = { key: string; scopeKey: string; minimumCases: number };
type Refreshed = { report: StatisticsReport; source: "stored" | "computed" };

const RETENTION_MS = 2 * 24 * 60 * 60 * 1000;
export const PREWARM_PRESETS = ["this-month", "last-month", "quarter", "year"] as const satisfies readonly PeriodPreset[];

export async function getStatisticsSnapshot(actor: StaffActor, filters: StatisticsFilters, options: { now?: Date } = {}): Promise<StatisticsReport> {
  if (!hasCasePermission(actor, "viewStatistics")) throw new CaseActionForbiddenError("viewStatistics");
  const now = options.now ?? new Date();
  const { STATS_MIN_CASES: minimumCases, STATS_SNAPSHOT_MINUTES: minutes } = getEnvironment();
  // A view is shared by everyone with the same scope, but staff marked involved in a case do not
  // see that case (lib/cases/access.ts): their figures are not their scope's, so they are
  // computed live and never stored. Few supervisors are ever marked involved, so this stays rare.
  if (await isInvolvedInAnyCase(actor)) return getStatistics(actor, filters, { now, minimumCases });

  const view = describeView(actor, filters, minimumCases);
  const stored = await readSnapshot(db, view.key);
  if (stored && isYoungerThan(stored, now, minutes * 60_000)) return toReport(stored);
  const refreshed = await refreshView(actor, filters, view, now, minutes * 60_000);
  if (refreshed) return refreshed.report;
  // Another instance is computing this view right now.
  return stored ? toReport(stored) : getStatistics(actor, filters, { now, minimumCases });
}

function describeView(actor: StaffActor, filters: StatisticsFilters, minimumCases: number): View {
  const scopeKey = caseScopeKey(actor);
  return { key: statisticsSnapshotKey({ scopeKey, filters, minimumCases }), scopeKey, minimumCases };
}

async function isInvolvedInAnyCase(actor: StaffActor): Promise<boolean> {
  return (await db.caseInvolvement.findFirst({ where: { staffUserId: actor.id }, select: { caseId: true } })) !== null;
}

async function readSnapshot(client: Pick<Prisma.TransactionClient, "statisticsSnapshot">, key: string): Promise<Snapshot | null> {
  return client.statisticsSnapshot.findUnique({ where: { key }, select: { payload: true, computedAt: true } });
}

function isYoungerThan(snapshot: Snapshot, now: Date, ageMs: number): boolean {
  return now.getTime() - snapshot.computedAt.getTime() < ageMs;
}

function toReport(snapshot: Snapshot): StatisticsReport {
  return snapshot.payload as unknown as StatisticsReport;
}

/**
 * How long one instance's claim to recompute a view lasts: others serve the older row (or compute
 * without storing) meanwhile, and a claimer that died frees the view when the window ends.
 */
const REFRESH_CLAIM_SECONDS = 60;

/**
 * Recomputes and stores a view unless its row is younger than `recomputeIfOlderThanMs` once the
 * claim is held (another instance may have just stored it). Null when another instance holds
 * the claim. The claim is a counter row (claimPeriodicRun), not a transaction held open while
 * computing: getStatistics runs several queries side by side on other pooled connections, which
 * a transaction-scoped lock would keep waiting on a single-connection database (the embedded
 * PGlite) or behind a transaction-pooling PgBouncer.
 */
async function refreshView(actor: StaffActor, filters: StatisticsFilters, view: View, now: Date, recomputeIfOlderThanMs: number): Promise<Refreshed | null> {
  if (!(await claimPeriodicRun(`statistics-view:${view.key}`, REFRESH_CLAIM_SECONDS, now))) return null;
  const current = await readSnapshot(db, view.key);
  if (current && isYoungerThan(current, now, recomputeIfOlderThanMs)) return { report: toReport(current), source: "stored" };

  const report = await getStatistics(actor, filters, { now, minimumCases: view.minimumCases });
  const payload = report as unknown as Prisma.InputJsonObject;
  await db.statisticsSnapshot.upsert({
    where: { key: view.key },
    create: { key: view.key, scopeKey: view.scopeKey, payload, computedAt: now },
    update: { payload, computedAt: now },
  });
  return { report, source: "computed" };
}

/**
 * The actor the pre-warm computes a scope's figures as: a supervisor of that scope level, built
 * here and never read from the staff table, so the figures do not depend on who holds the post.
 * The involvement exclusion cannot change them: it applies to one staff user at a time, and the
 * nil id matches no staff user.
 */
function scopeSupervisor(regionalOfficeId: number | null): StaffActor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    name: "Statistics pre-warm",
    email: "statistics-prewarm@invalid",
    role: "SUPERVISOR",
    scopeLevel: regionalOfficeId === null ? "NATIONAL" : "REGIONAL",
    officeId: null,
    regionalOfficeId,
  };
}

export type PrewarmResult = { status: "busy" } | { status: "done"; views: number; computed: number; deleted: number };

/**
 * Recomputes the national scope and every regional office's scope for PREWARM_PRESETS with no
 * other filter, then deletes rows older than two days. One instance per interval (claimPeriodicRun);
 * a view whose row is younger than half the interval is left alone, so a second instance that
 * runs right after the first does not compute everything again.
 */
export async function prewarmStatisticsSnapshots(now: Date = new Date()): Promise<PrewarmResult> {
  const { STATS_MIN_CASES: minimumCases, STATS_SNAPSHOT_MINUTES: minutes } = getEnvironment();
  if (!(await claimPeriodicRun("statistics-prewarm", minutes * 60, now))) return { status: "busy" } as const;

  const regions = await db.regionalOffice.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const actors = [scopeSupervisor(null), ...regions.map((region) => scopeSupervisor(region.id))];
  let views = 0;
  let computed = 0;
  for (const actor of actors) {
    for (const preset of PREWARM_PRESETS) {
      const filters: StatisticsFilters = { period: resolvePeriod({ preset }, now)! };
      const refreshed = await refreshView(actor, filters, describeView(actor, filters, minimumCases), now, (minutes * 60_000) / 2);
      views += 1;
      if (refreshed?.source === "computed") computed += 1;
    }
  }
  const { count: deleted } = await db.statisticsSnapshot.deleteMany({ where: { computedAt: { lt: new Date(now.getTime() - RETENTION_MS) } } });
  return { status: "done", views, computed, deleted } as const;
}
