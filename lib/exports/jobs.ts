import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { caseScopeKey } from "@/lib/cases/access";
import { hasCasePermission } from "@/lib/cases/permissions";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { checkRateLimit } from "@/lib/rate-limit/limits";

import { exportParamsSchema, type ExportFormat, type ExportParams } from "./params";

/**
 * Export jobs from the requester's side: asking for one, listing one's own, finding a finished
 * file to download. The worker that produces the files is ./worker.ts, run as the "export-file"
 * job that each request enqueues in its own transaction (lib/jobs).
 *
 * - Only staff with `viewStatistics` (supervisors, admins) may export, over their own scope; the
 *   worker checks it again when it runs, with the requester's account as it is then.
 * - Every request is written to the audit trail (EXPORT_CREATED, no case) with its format, its
 *   filters and whether it includes free text, in the same transaction as the job; every
 *   download is written too (EXPORT_DOWNLOADED, by the download route).
 * - Limits: RATE_LIMIT_EXPORTS_PER_HOUR requests per user per hour, and at most
 *   EXPORT_MAX_ACTIVE_PER_USER of a user's jobs waiting or running at once.
 * - A job and its file are kept EXPORT_RETENTION_HOURS after the request, then swept.
 * - A finished file is served only while it still matches what its requester may see: the same
 *   scope it was written for, and no case of it since marked as one they are involved in.
 *   Otherwise the list shows it as `scopeChanged` and the download route answers 404.
 */

export const EXPORT_JOB_KIND = "statistics-export";
/** Shown in the requester's list. */
const RECENT_JOBS = 10;
const ACTIVE_STATUSES: JobStatus[] = ["QUEUED", "RUNNING"];

export type ExportRequestResult =
  | { status: "queued"; jobId: string }
  | { status: "refused"; error: "forbidden" }
  | { status: "refused"; error: "rateLimited"; retryAfterSeconds: number }
  | { status: "refused"; error: "tooManyActive"; count: number };

export async function requestExportJob(actor: StaffActor, params: ExportParams, options: { now?: Date } = {}): Promise<ExportRequestResult> {
  if (!hasCasePermission(actor, "viewStatistics")) return { status: "refused", error: "forbidden" };
  const now = options.now ?? new Date();
  const limit = await checkRateLimit("exportRequest", actor.id, { now });
  if (!limit.allowed) return { status: "refused", error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const maxActive = getEnvironment().EXPORT_MAX_ACTIVE_PER_USER;
  const stored = exportParamsSchema.parse(params);

  return db.$transaction(async (tx) => {
    // One request per user at a time, so two quick clicks cannot both pass the count below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`export-request:${actor.id}`}))`;
    const active = await tx.exportJob.count({ where: { requestedById: actor.id, status: { in: ACTIVE_STATUSES } } });
    if (active >= maxActive) return { status: "refused", error: "tooManyActive", count: active } as const;
    const job = await tx.exportJob.create({
      data: { kind: EXPORT_JOB_KIND, params: stored as Prisma.InputJsonObject, requestedById: actor.id, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.EXPORT_CREATED,
      isPublic: false,
      after: { jobId: job.id, format: stored.format, locale: stored.locale, includeFreeText: stored.includeFreeText, filters: stored.filters as Prisma.InputJsonObject },
      createdAt: now,
    });
    // In the same transaction: a request that commits always gets its worker run, one rolled back never.
    await enqueueJob(tx, "export-file", { exportJobId: job.id });
    return { status: "queued", jobId: job.id } as const;
  });
}

export type ExportJobSummary = {
  id: string;
  format: ExportFormat;
  includeFreeText: boolean;
  period: { from: string; to: string };
  status: JobStatus;
  progress: number;
  total: number | null;
  fileName: string | null;
  /**
   * A code from ./worker.ts (invalidParams, accessRevoked, timedOut, failed, tooManyRowsForXlsx),
   * or scopeChanged for a finished file its requester may no longer download; never details.
   */
  error: string | null;
  createdAt: string;
  expiresAt: string;
};

export function exportExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + getEnvironment().EXPORT_RETENTION_HOURS * 60 * 60 * 1000);
}

/** The actor's own recent exports, newest first; empty for anyone without `viewStatistics`. */
export async function listRecentExportJobs(actor: StaffActor, options: { now?: Date } = {}): Promise<ExportJobSummary[]> {
  if (!hasCasePermission(actor, "viewStatistics")) return [];
  const now = options.now ?? new Date();
  const [jobs, lastInvolvedAt] = await Promise.all([
    db.exportJob.findMany({
      where: { requestedById: actor.id, kind: EXPORT_JOB_KIND, createdAt: { gt: new Date(now.getTime() - getEnvironment().EXPORT_RETENTION_HOURS * 60 * 60 * 1000) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_JOBS,
      select: { id: true, params: true, status: true, progress: true, total: true, fileName: true, error: true, createdAt: true, startedAt: true, scopeKey: true },
    }),
    latestInvolvementOf(actor),
  ]);
  return jobs.flatMap((job) => {
    const params = exportParamsSchema.safeParse(job.params);
    if (!params.success) return [];
    if (job.status === "SUCCEEDED" && !stillMatchesRequester(actor, job, lastInvolvedAt)) {
      return [{ ...summaryOf(job, params.data), fileName: null, status: "FAILED" as const, error: "scopeChanged" }];
    }
    return [summaryOf(job, params.data)];
  });
}

type ListedJob = { id: string; status: JobStatus; progress: number; total: number | null; fileName: string | null; error: string | null; createdAt: Date };

function summaryOf(job: ListedJob, params: ExportParams): ExportJobSummary {
  return {
    id: job.id,
    format: params.format,
    includeFreeText: params.includeFreeText,
    period: { from: params.filters.period.from, to: params.filters.period.to },
    status: job.status,
    progress: job.progress,
    total: job.total,
    fileName: job.status === "SUCCEEDED" ? job.fileName : null,
    error: job.status === "FAILED" ? job.error : null,
    createdAt: job.createdAt.toISOString(),
    expiresAt: exportExpiresAt(job.createdAt).toISOString(),
  };
}

/** When `actor` was last marked as involved in a case (such cases are hidden from them), or null. */
async function latestInvolvementOf(actor: StaffActor): Promise<Date | null> {
  const latest = await db.caseInvolvement.findFirst({ where: { staffUserId: actor.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return latest?.createdAt ?? null;
}

/**
 * Whether a finished file still holds only what `actor` may see now: it was written for their
 * current scope, and they were not marked as involved in a case after the worker began reading
 * (a case it may have included). Files from before scopes were recorded (scopeKey null) do not.
 */
function stillMatchesRequester(actor: StaffActor, job: { scopeKey: string | null; startedAt: Date | null }, lastInvolvedAt: Date | null): boolean {
  if (job.scopeKey === null || job.scopeKey !== caseScopeKey(actor)) return false;
  if (lastInvolvedAt && (!job.startedAt || lastInvolvedAt >= job.startedAt)) return false;
  return true;
}


export type ExportDownload = { jobId: string; storageKey: string; fileName: string; format: ExportFormat };

/**
 * The file of a finished export, for its requester only, while they still have
 * `viewStatistics` and the scope it was written for, and until it expires; null in every other
 * case (the route answers 404).
 */
export async function findExportDownload(actor: StaffActor, jobId: string, options: { now?: Date } = {}): Promise<ExportDownload | null> {
  if (!hasCasePermission(actor, "viewStatistics")) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(jobId)) return null;
  const now = options.now ?? new Date();
  const job = await db.exportJob.findFirst({
    where: { id: jobId, requestedById: actor.id, kind: EXPORT_JOB_KIND, status: "SUCCEEDED" },
    select: { storageKey: true, fileName: true, params: true, createdAt: true, startedAt: true, scopeKey: true },
  });
  if (!job?.storageKey || !job.fileName || exportExpiresAt(job.createdAt) <= now) return null;
  if (!stillMatchesRequester(actor, job, await latestInvolvementOf(actor))) return null;
  const params = exportParamsSchema.safeParse(job.params);
  if (!params.success) return null;
  return { jobId, storageKey: job.storageKey, fileName: job.fileName, format: params.data.format };
}

/** Writes EXPORT_DOWNLOADED (no case) to the audit trail when the file of `download` is served. */
export async function recordExportDownloaded(actor: StaffActor, download: ExportDownload): Promise<void> {
  await db.$transaction((tx) =>
    recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.EXPORT_DOWNLOADED,
      isPublic: false,
      after: { jobId: download.jobId, format: download.format, fileName: download.fileName },
    }),
  );
}
