import "server-only";

import { getEnvironment } from "@/lib/env";

import { cronEveryMinutes } from "./cron";
import type { JobDefinition } from "./types";

/**
 * The one list of background jobs (README, "Background jobs"). Each entry is a pg-boss queue:
 * - `name`: the queue's name (letters, digits, "-" and "_").
 * - `handler(data, job)`: does the work; a throw fails the run, which pg-boss retries up to
 *   `retryLimit` times, `retryDelaySeconds` apart (doubling with `retryBackoff`), then keeps as
 *   failed (visible in pgboss.job / pgboss.archive with its error).
 * - `schedule`: a cron expression (or a function returning one, read at worker start) in
 *   Asia/Jakarta time. pg-boss sends one job per tick whatever the number of instances.
 * - `policy`: "stately" (at most one waiting and one running: what periodic sweeps want),
 *   "singleton" (at most one running), "short" (at most one waiting) or "standard".
 * - `expireInSeconds`: a run that takes longer (its worker died or hangs) is failed and retried
 *   on whichever instance fetches it next.
 * Handlers import their module lazily: enqueueing from a request must not load every job's code.
 * A handler must be safe to run twice for the same job (a worker that dies after doing the work
 * but before recording it done gets its job retried elsewhere).
 */

/** Identity for typing: keeps each entry's name and data type. */
function defineJob<const Name extends string, Data extends object>(definition: JobDefinition<Data> & { name: Name }) {
  return definition;
}

export const JOB_DEFINITIONS = [
  defineJob({
    name: "export-file",
    description: "writes the file of one export request (lib/exports/worker.ts)",
    handler: async (data: { exportJobId: string }) => (await import("@/lib/exports/worker")).runExportJob(data.exportJobId),
    policy: "standard",
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: true,
    // pg-boss 10 has no heartbeat: a run whose worker died is retried once it expires. The
    // ExportJob's own lease (renewed while the file is written) keeps a retry of a run that is
    // merely slow from writing too: it fails and is retried later, when the file is long done.
    expireInSeconds: 5 * 60,
    pollingIntervalSeconds: 2,
  }),
  defineJob({
    name: "export-housekeeping",
    description: "fails exports unfinished after an hour, deletes expired exports and their files",
    handler: async () => (await import("@/lib/exports/housekeeping")).sweepExports(),
    schedule: "*/15 * * * *",
  }),
  defineJob({
    name: "reports-housekeeping",
    description: "deletes staged evidence never filed, orphaned evidence, expired rate-limit buckets, idempotency keys, tracking and staff sessions",
    handler: async () => (await import("@/lib/reports/housekeeping")).runReportsHousekeeping(),
    schedule: "*/15 * * * *",
  }),
  defineJob({
    name: "escalation-sweep",
    description: "marks open overdue cases escalated (lib/cases/escalation.ts)",
    handler: async () => (await import("./tasks")).runEscalationSweep(),
    schedule: "*/5 * * * *",
  }),
  defineJob({
    name: "statistics-compaction",
    description: "drains the statistics change tables into the cubes (lib/statistics/rollups.ts)",
    handler: async () => (await import("@/lib/statistics/rollups")).compactStatisticsRollups(),
    schedule: "* * * * *",
  }),
  defineJob({
    name: "statistics-prewarm",
    description: "recomputes the statistics views supervisors open most (lib/statistics/snapshots.ts)",
    handler: async () => (await import("./tasks")).runStatisticsPrewarm(),
    // Twice per interval: the pre-warm claims its own run once per STATS_SNAPSHOT_MINUTES
    // (claimPeriodicRun), so a tick that comes a second early only finds it claimed.
    schedule: () => cronEveryMinutes(Math.max(1, Math.floor(getEnvironment().STATS_SNAPSHOT_MINUTES / 2))),
    expireInSeconds: 30 * 60,
  }),
  defineJob({
    name: "transparency-refresh",
    description: "recomputes the public figures of /transparansi when they are older than PUBLIC_STATS_REFRESH_MINUTES",
    handler: async () => (await import("./tasks")).runTransparencyRefresh(),
    schedule: () => cronEveryMinutes(Math.max(1, Math.floor(getEnvironment().PUBLIC_STATS_REFRESH_MINUTES / 2))),
  }),
  defineJob({
    name: "audit-seal",
    description: "seals the audit events appended since the last seal (lib/audit/seal.ts)",
    handler: async () => (await import("./tasks")).runAuditSeal(),
    schedule: "* * * * *",
  }),
  defineJob({
    name: "audit-checkpoint",
    description: "re-keys the legacy audit chain once, then signs today's checkpoint (lib/audit/checkpoints.ts)",
    handler: async () => (await import("./tasks")).runAuditCheckpoint(),
    schedule: "7 * * * *",
    expireInSeconds: 60 * 60,
  }),
  defineJob({
    name: "contact-retention",
    description: "encrypts stored contacts under the current key, erases contacts of cases closed longer than CONTACT_RETENTION_DAYS",
    handler: async () => (await import("./tasks")).runContactRetention(),
    schedule: "23 * * * *",
    expireInSeconds: 60 * 60,
  }),
  defineJob({
    name: "notification-mail",
    description: "sends the mail of one notification, checking the recipient's access again (lib/notifications/deliver.ts)",
    handler: async (data: { notificationId: string }) => (await import("@/lib/notifications/deliver")).deliverNotificationMail(data.notificationId, { now: (await import("@/lib/clock")).now() }),
    policy: "standard",
    // A refusing or unreachable mail server: retried 30 s, 1, 2, 4 ... 64 minutes later (about
    // two hours in all), then left failed and listed for admins on /dasbor/admin/surat.
    retryLimit: 8,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
    pollingIntervalSeconds: 2,
  }),
  defineJob({
    name: "notification-new-case-batches",
    description: "mails each officer the new cases of their office, at most once per NOTIFY_BATCH_MINUTES (lib/notifications/batch.ts)",
    handler: async () => (await import("@/lib/notifications/batch")).sendOfficerNewCaseBatches({ now: (await import("@/lib/clock")).now() }),
    schedule: "* * * * *",
  }),
  defineJob({
    name: "notification-deadline-reminders",
    description: "reminds officers of deadlines due within one working day, once per deadline (lib/notifications/scheduled.ts)",
    handler: async () => (await import("@/lib/notifications/scheduled")).planDeadlineReminders({ now: (await import("@/lib/clock")).now() }),
    schedule: "11 * * * *",
  }),
  defineJob({
    name: "notification-weekly-digest",
    description: "mails each supervisor the weekly digest of their scope, Monday 07:00 (lib/notifications/scheduled.ts)",
    handler: async () => (await import("@/lib/notifications/scheduled")).sendWeeklyDigests({ now: (await import("@/lib/clock")).now() }),
    schedule: "0 7 * * 1",
    expireInSeconds: 60 * 60,
  }),
  defineJob({
    name: "auto-close",
    description: "closes cases left waiting for the reporter longer than AUTO_CLOSE_WORKING_DAYS working days (lib/rules/auto-close.ts)",
    handler: async () => (await import("@/lib/rules/auto-close")).runAutoClose(),
    schedule: "17 * * * *",
    expireInSeconds: 30 * 60,
  }),
  defineJob({
    name: "retaliation-check",
    description: "asks the retaliation question 30 and 90 days after a case closed (lib/rules/retaliation-check.ts)",
    handler: async () => (await import("@/lib/rules/retaliation-check")).runRetaliationChecks(),
    schedule: "37 * * * *",
    expireInSeconds: 30 * 60,
  }),
] as const;

export type JobName = (typeof JOB_DEFINITIONS)[number]["name"];

type HandlerOf<Name extends JobName> = Extract<(typeof JOB_DEFINITIONS)[number], { name: Name }>["handler"];

/** The data a job of `Name` takes: its handler's first parameter, `{}` for a handler without one. */
export type JobData<Name extends JobName> = Parameters<HandlerOf<Name>> extends [] ? Record<string, never> : Parameters<HandlerOf<Name>>[0];

export function findJobDefinition(name: string): JobDefinition<object> | undefined {
  return (JOB_DEFINITIONS as readonly JobDefinition<never>[]).find((definition) => definition.name === name) as JobDefinition<object> | undefined;
}

export function getJobDefinition(name: string): JobDefinition<object> {
  const definition = findJobDefinition(name);
  if (!definition) throw new Error(`No job named "${name}" in lib/jobs/registry.ts`);
  return definition;
}
