import "server-only";

import { PassThrough, type Writable } from "node:stream";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

import type { StaffActor } from "@/lib/auth/session";
import { caseScopeKey } from "@/lib/cases/access";
import { hasCasePermission } from "@/lib/cases/permissions";
import { db } from "@/lib/db";
import { describeError } from "@/lib/logging";
import { buildRetaliationSummarySection } from "@/lib/rules/retaliation-export";

import { countExportCases, streamExportCaseRows, type ExportCaseRow } from "./case-rows";
import { buildExportColumns } from "./columns";
import { describeExport, exportFileName } from "./describe";
import { getExportStorage, newExportKey } from "./export-storage";
import { formatJakartaTimestamp } from "./figures";
import { EXPORT_JOB_KIND } from "./jobs";
import { exportParamsSchema } from "./params";
import { loadExportTranslators } from "./texts";
import { writeCaseCsv } from "./write-csv";

/**
 * The export worker: writes the file of one export request. Each request enqueues an
 * "export-file" job in its own transaction (lib/jobs/registry.ts); pg-boss hands it to one
 * instance's worker, and to another after a failed or expired run:
 *
 * - The job's ExportJob row is claimed and leased (lockedUntil). A running worker renews the
 *   lease after every batch; a job whose lease ran out (its worker crashed or the instance
 *   stopped) is claimed again by pg-boss's retry and starts over, at most MAX_ATTEMPTS times: a
 *   job that keeps bringing its worker down is then failed instead of taking it down again.
 * - Each claim stamps startedAt, and every later write of the job matches it (a fencing token): a
 *   worker that lost its lease finds its writes refused, stops and deletes its file.
 * - One job at a time per instance, and memory flat whatever the size: the CSV is one COPY
 *   streamed to the file as fast as the file takes it (./write-csv.ts), the XLSX reads keyset
 *   batches and gives the event loop back between them.
 * - A job unfinished JOB_TIME_LIMIT_MS after its request is failed by the sweep (./housekeeping.ts)
 *   instead of being retried forever.
 * - The finished job records the scope it was written for (scopeKey); ./jobs.ts serves the file
 *   only while the requester still has that scope.
 * - Failure codes are stored for the requester (invalidParams, accessRevoked, failed, timedOut);
 *   details go to the log only.
 */

export const LEASE_MS = 2 * 60 * 1000;
export const JOB_TIME_LIMIT_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS = 3;

export type ExportFailureCode = "invalidParams" | "accessRevoked" | "failed" | "timedOut" | "tooManyRowsForXlsx";

/**
 * The most rows an XLSX export may hold. exceljs's streaming writer has no backpressure: when
 * rows come faster than it compresses them it buffers the sheet's XML in memory (about 1.2 MB per
 * 1,000 rows measured here), so an unbounded XLSX could grow an instance's memory with the row
 * count. Larger exports are CSV, which streams with flat memory.
 */
export const XLSX_MAX_ROWS = 50_000;

/**
 * The XLSX and PDF writers and the statistics their summary needs, loaded on the first such job:
 * a CSV export (the large ones) runs without them (exceljs, pdfkit and the statistics queries
 * are about 45 MB of a process's memory), so a worker process that only writes CSV stays small.
 */
async function loadSummaryWriters() {
  const [{ getStatistics }, { buildSummarySections }, { writeReportPdf }, { writeCaseXlsx }, { getIntegrityFigures }, { buildIntegritySections }] = await Promise.all([
    import("@/lib/statistics/queries"),
    import("./summary"),
    import("./report-pdf"),
    import("./write-xlsx"),
    import("@/lib/figures/queries"),
    import("./integrity-sections"),
  ]);
  return { getStatistics, buildSummarySections, writeReportPdf, writeCaseXlsx, getIntegrityFigures, buildIntegritySections };
}

type ClaimedJob = { id: string; params: unknown; requestedById: string; createdAt: Date; claimedAt: Date };

class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Export job ${jobId} was taken over by another worker`);
    this.name = "LeaseLostError";
  }
}

class ExportRefusedError extends Error {
  constructor(readonly code: ExportFailureCode) {
    super(code);
    this.name = "ExportRefusedError";
  }
}

export type ExportRunResult = "finished" | "notRunnable" | "failedAfterAttempts";

/** Thrown when the job's lease is held by a worker still alive: pg-boss retries the run later. */
class StillRunningError extends Error {
  constructor(jobId: string) {
    super(`Export job ${jobId} is being written by another worker`);
    this.name = "StillRunningError";
  }
}

/**
 * The "export-file" job's handler (lib/jobs/registry.ts): claims the request's ExportJob and
 * writes its file. pg-boss runs it once per request (it is enqueued in the request's own
 * transaction, lib/exports/jobs.ts) and again only after a failed or expired run; the claim keeps
 * that safe: a job already finished (or swept) is left alone, a job whose lease another worker
 * still renews makes this run fail so that pg-boss retries it later, and a job that brought its
 * worker down MAX_ATTEMPTS times is failed instead of being tried again.
 */
export async function runExportJob(exportJobId: string, now: Date = new Date()): Promise<ExportRunResult> {
  const job = await claimExportJob(exportJobId, now);
  if (job === "finished") return "notRunnable";
  if (job === "exhausted") return "failedAfterAttempts";
  if (job === "leased") throw new StillRunningError(exportJobId);
  await processExportJob(job);
  return "finished";
}

export async function claimExportJob(exportJobId: string, now: Date): Promise<ClaimedJob | "finished" | "leased" | "exhausted"> {
  const leaseEnd = new Date(now.getTime() + LEASE_MS);
  const oldestAllowed = new Date(now.getTime() - JOB_TIME_LIMIT_MS);
  // A job whose lease ran out after its last allowed attempt took its worker down each time.
  const exhausted = await db.$executeRaw`
    UPDATE "ExportJob" SET "status" = 'FAILED', "error" = 'failed', "finishedAt" = ${now}, "lockedUntil" = NULL
    WHERE "id" = ${exportJobId}::uuid AND "kind" = ${EXPORT_JOB_KIND} AND "status" = 'RUNNING' AND "lockedUntil" < ${now} AND "attempts" >= ${MAX_ATTEMPTS}`;
  if (exhausted > 0) return "exhausted";
  const rows = await db.$queryRaw<{ id: string; params: unknown; requestedById: string; createdAt: Date; startedAt: Date }[]>`
    UPDATE "ExportJob" SET "status" = 'RUNNING', "lockedUntil" = ${leaseEnd}, "startedAt" = ${now}, "progress" = 0, "error" = NULL,
      "attempts" = "attempts" + 1
    WHERE "id" = ${exportJobId}::uuid AND "kind" = ${EXPORT_JOB_KIND} AND "createdAt" > ${oldestAllowed} AND "attempts" < ${MAX_ATTEMPTS}
      AND ("status" = 'QUEUED' OR ("status" = 'RUNNING' AND "lockedUntil" < ${now}))
    RETURNING "id", "params", "requestedById", "createdAt", "startedAt"`;
  const row = rows[0];
  if (row) return { id: row.id, params: row.params, requestedById: row.requestedById, createdAt: row.createdAt, claimedAt: row.startedAt };
  const current = await db.exportJob.findUnique({ where: { id: exportJobId }, select: { status: true, lockedUntil: true } });
  return current?.status === "RUNNING" && current.lockedUntil !== null && current.lockedUntil >= now ? "leased" : "finished";
}

export async function processExportJob(job: ClaimedJob): Promise<void> {
  const storage = getExportStorage();
  const storageKey = newExportKey(job.id);
  let wroteFile = false;
  // Batches renew the lease, but counting, the statistics and a whole PDF do not: renew it on a
  // timer too, so a slow step is not mistaken for a dead worker and taken over by another.
  const renewal = setInterval(() => void fenceOf(job).update({}).catch(() => undefined), LEASE_MS / 3);
  renewal.unref();
  try {
    const params = exportParamsSchema.safeParse(job.params);
    if (!params.success) throw new ExportRefusedError("invalidParams");
    const actor = await loadRequester(job.requestedById);
    if (!actor || !hasCasePermission(actor, "viewStatistics")) throw new ExportRefusedError("accessRevoked");

    const fence = fenceOf(job);
    const translators = await loadExportTranslators(params.data.locale);
    const description = await describeExport(actor, params.data, translators);
    const fileName = exportFileName(params.data, description, translators);
    const asOf = job.createdAt;
    const generatedAtLabel = formatJakartaTimestamp(asOf.toISOString(), params.data.locale);

    const total = params.data.format === "pdf" ? 1 : await countExportCases(actor, params.data.filters);
    if (params.data.format === "xlsx" && total > XLSX_MAX_ROWS) throw new ExportRefusedError("tooManyRowsForXlsx");
    await fence.update({ total });

    wroteFile = true;
    if (params.data.format === "pdf") {
      const { getStatistics, buildSummarySections, writeReportPdf, getIntegrityFigures, buildIntegritySections } = await loadSummaryWriters();
      const report = await getStatistics(actor, params.data.filters, { now: asOf });
      const retaliation = await buildRetaliationSummarySection(actor, params.data.filters, params.data.locale);
      const sections = [
        ...buildSummarySections(report, translators, { locale: params.data.locale, includeFreeText: params.data.includeFreeText }),
        ...(await buildIntegritySections(await getIntegrityFigures(actor, params.data.filters), params.data.locale)),
        ...(retaliation ? [retaliation] : []),
      ];
      await writeThrough(storageKey, (output) => writeReportPdf(output, { sections, description, generatedAtLabel, locale: params.data.locale, translators }));
    } else {
      const columns = buildExportColumns(translators, { locale: params.data.locale, includeFreeText: params.data.includeFreeText, now: asOf });
      if (params.data.format === "csv") {
        const separator = params.data.separator;
        await writeThrough(storageKey, (output) =>
          writeCaseCsv(output, { actor, filters: params.data.filters, columns, separator, onProgress: (progress) => fence.update({ progress }) }).then(() => undefined),
        );
      } else {
        const { getStatistics, buildSummarySections, writeCaseXlsx, getIntegrityFigures, buildIntegritySections } = await loadSummaryWriters();
        const batches = reportingProgress(streamExportCaseRows(actor, params.data.filters, { now: asOf, locale: params.data.locale, includeFreeText: params.data.includeFreeText }), fence);
        const report = await getStatistics(actor, params.data.filters, { now: asOf });
        const retaliation = await buildRetaliationSummarySection(actor, params.data.filters, params.data.locale);
        const summary = [
          ...buildSummarySections(report, translators, { locale: params.data.locale, includeFreeText: params.data.includeFreeText }),
          ...(await buildIntegritySections(await getIntegrityFigures(actor, params.data.filters), params.data.locale)),
          ...(retaliation ? [retaliation] : []),
        ];
        await writeThrough(storageKey, (output) => writeCaseXlsx(output, { batches, columns, summary, description, generatedAtLabel, translators }));
      }
    }
    const finished = await fence.finish({ storageKey, fileName, total, scopeKey: caseScopeKey(actor) });
    if (!finished) throw new LeaseLostError(job.id);
  } catch (error) {
    if (wroteFile) await storage.delete(storageKey).catch(() => undefined);
    if (error instanceof LeaseLostError) {
      console.warn(error.message);
      return;
    }
    const code: ExportFailureCode = error instanceof ExportRefusedError ? error.code : "failed";
    if (code === "failed") console.error(`export job ${job.id} failed`, describeError(error));
    await fenceOf(job).fail(code);
  } finally {
    clearInterval(renewal);
  }
}

/** Streams what `write` produces into the storage, failing both sides when either fails. */
async function writeThrough(storageKey: string, write: (output: Writable) => Promise<void>): Promise<void> {
  const pipe = new PassThrough();
  const stored = getExportStorage().putStream(storageKey, pipe);
  try {
    await write(pipe);
  } catch (error) {
    pipe.destroy(error instanceof Error ? error : new Error(String(error)));
    await stored.catch(() => undefined);
    throw error;
  }
  await stored;
}

type Fence = ReturnType<typeof fenceOf>;

/** Writes to a job that hold only while this worker's claim does (see the fencing note above). */
function fenceOf(job: ClaimedJob) {
  const mine = { id: job.id, startedAt: job.claimedAt, status: "RUNNING" as const };
  return {
    async update(data: { total?: number; progress?: number }): Promise<void> {
      const { count } = await db.exportJob.updateMany({ where: mine, data: { ...data, lockedUntil: new Date(Date.now() + LEASE_MS) } });
      if (count === 0) throw new LeaseLostError(job.id);
    },
    async finish(result: { storageKey: string; fileName: string; total: number; scopeKey: string }): Promise<boolean> {
      const { count } = await db.exportJob.updateMany({
        where: mine,
        data: { status: "SUCCEEDED", storageKey: result.storageKey, fileName: result.fileName, scopeKey: result.scopeKey, progress: result.total, finishedAt: new Date(), lockedUntil: null },
      });
      return count === 1;
    },
    async fail(code: ExportFailureCode): Promise<void> {
      await db.exportJob.updateMany({ where: mine, data: { status: "FAILED", error: code, finishedAt: new Date(), lockedUntil: null } });
    },
  };
}

/** Passes the batches on, recording progress and renewing the lease after each, and yielding to other work. */
async function* reportingProgress(batches: AsyncIterable<ExportCaseRow[]>, fence: Fence): AsyncGenerator<ExportCaseRow[]> {
  let done = 0;
  for await (const rows of batches) {
    yield rows;
    done += rows.length;
    await fence.update({ progress: done });
    await yieldToEventLoop();
  }
}

/** The requester's account as it is now: their scope may have changed since they asked. */
async function loadRequester(staffId: string): Promise<StaffActor | null> {
  const user = await db.staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true, isActive: true },
  });
  if (!user?.isActive) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, scopeLevel: user.scopeLevel, officeId: user.officeId, regionalOfficeId: user.regionalOfficeId };
}
