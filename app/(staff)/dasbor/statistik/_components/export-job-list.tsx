"use client";

import { useEffect, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";

import { isLocale } from "@/i18n/locales";
import type { ExportJobSummary } from "@/lib/exports/jobs";

import { formatExportName } from "./statistics-format";

const POLL_INTERVAL_MS = 2000;

const isActive = (job: ExportJobSummary) => job.status === "QUEUED" || job.status === "RUNNING";

/**
 * The user's recent exports. While one is waiting or running, the list asks /api/ekspor for
 * fresh progress every two seconds; without JavaScript, the refresh link reloads the page.
 */
export function ExportJobList({ initialJobs, refreshHref }: { initialJobs: ExportJobSummary[]; refreshHref: string }) {
  const t = useTranslations("Exports");
  const format = useFormatter();
  const requestedLocale = useLocale();
  const locale = isLocale(requestedLocale) ? requestedLocale : "id";
  const [jobs, setJobs] = useState(initialJobs);
  const [renderedInitialJobs, setRenderedInitialJobs] = useState(initialJobs);
  // A new request re-renders the page (the action revalidates it): start again from its list.
  if (renderedInitialJobs !== initialJobs) {
    setRenderedInitialJobs(initialJobs);
    setJobs(initialJobs);
  }
  const hasActive = jobs.some(isActive);

  useEffect(() => {
    if (!hasActive) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/ekspor", { cache: "no-store", headers: { accept: "application/json" } });
        if (!response.ok) return;
        const body = (await response.json()) as { jobs: ExportJobSummary[] };
        if (!cancelled) setJobs(body.jobs);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [hasActive]);

  return (
    <div className="border-t border-slate-200 pt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold text-brand-900">{t("panel.recent")}</h3>
        <a href={refreshHref} className="font-semibold text-brand-800 underline underline-offset-2">
          {t("panel.refresh")}
        </a>
      </div>
      {jobs.length === 0 ? <p className="mt-2">{t("panel.none")}</p> : null}
      <ul className="mt-2 space-y-3" aria-live="polite">
        {jobs.map((job) => {
          const name = formatExportName(job, locale);
          return (
            <li key={job.id} className="rounded-lg border border-slate-200 p-3" data-export-job={job.id} data-status={job.status}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold text-slate-900">
                  {name}
                  {job.includeFreeText ? <span className="font-normal text-slate-700"> · {t("panel.withFreeText")}</span> : null}
                </p>
                <p className="text-sm font-semibold">{t(`panel.status.${job.status}`)}</p>
              </div>
              <p className="text-sm text-slate-600">{t("panel.requestedAt", { date: format.dateTime(new Date(job.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
              {isActive(job) ? <ExportProgress job={job} label={t("panel.progressLabel", { name })} /> : null}
              {job.status === "FAILED" ? <p className="mt-1 text-sm text-red-800">{t(`jobErrors.${isKnownFailure(job.error) ? job.error : "failed"}`)}</p> : null}
              {job.status === "SUCCEEDED" ? (
                <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
                  <a href={`/api/ekspor/${job.id}`} download={job.fileName ?? undefined} aria-label={t("panel.downloadLabel", { name: job.fileName ?? name })} className="font-semibold text-brand-800 underline underline-offset-2">
                    {t("panel.download")} {job.fileName}
                  </a>
                  <span className="text-sm text-slate-600">{t("panel.expiresAt", { date: format.dateTime(new Date(job.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</span>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const FAILURES = ["invalidParams", "accessRevoked", "timedOut", "failed", "tooManyRowsForXlsx", "scopeChanged"] as const;
function isKnownFailure(code: string | null): code is (typeof FAILURES)[number] {
  return (FAILURES as readonly (string | null)[]).includes(code);
}

function ExportProgress({ job, label }: { job: ExportJobSummary; label: string }) {
  const t = useTranslations("Exports.panel");
  const format = useFormatter();
  const total = job.total ?? 0;
  const known = job.status === "RUNNING" && total > 0;
  const percent = known ? Math.min(100, Math.round((job.progress / total) * 100)) : 0;
  return (
    <div className="mt-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? job.progress : undefined}
        aria-valuetext={known ? t("progressRows", { done: format.number(job.progress), total: format.number(total) }) : t("progressWaiting")}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full bg-accent-700 ${known ? "" : "w-1/4 animate-pulse"}`} style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <p className="mt-1 text-sm text-slate-700">{known ? t("progressRows", { done: format.number(job.progress), total: format.number(total) }) : t("progressWaiting")}</p>
    </div>
  );
}
