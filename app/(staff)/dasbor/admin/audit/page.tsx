import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import type { AuditAction } from "@/lib/audit/actions";
import { findAuditEvents, listAuditActions, parseAuditFilters, type AuditFilters, type AuditTrailEntry } from "@/lib/audit/trail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminAudit");
  return { title: t("metaTitle") };
}

const labelClassName = "block text-sm font-semibold text-slate-900";

function searchOf(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** A before/after value as short "key: value" lines; nested values as compact JSON. */
function ChangeValues({ label, value }: { label: string; value: AuditTrailEntry["after"] }) {
  if (value === null || value === undefined) return null;
  const entries = typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [["", value] as const];
  if (entries.length === 0) return null;
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</p>
      <dl className="text-sm break-words text-slate-800">
        {entries.map(([key, item]) => (
          <div key={key} className="flex flex-wrap gap-x-1">
            {key ? <dt className="font-medium">{key}:</dt> : null}
            <dd>{typeof item === "string" ? item : JSON.stringify(item)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The audit trail, newest first: administration, account and case events, filterable, paged by keyset. */
export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const filters = parseAuditFilters(await searchParams);
  const [t, format, page] = await Promise.all([getTranslations("AdminAudit"), getFormatter(), findAuditEvents(actor, filters)]);
  const actions = listAuditActions();
  // Every known action has a label in both languages (the message types check it); an event
  // written by an older version under a name no longer in use shows its code.
  const actionLabel = (action: string) => ((actions as readonly string[]).includes(action) ? t(`actions.${action as AuditAction}`) : action);
  const actorLabel = (entry: AuditTrailEntry) =>
    entry.actorName ? `${entry.actorName} (${entry.actorEmail})` : entry.actorKind === "REPORTER" ? t("reporter") : t("system");

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <form method="get" action="/dasbor/admin/audit" role="search" aria-label={t("filters")} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4">
        <div>
          <label htmlFor="audit-action" className={labelClassName}>
            {t("action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={`${inputClassName} mt-1 py-2`}>
            <option value="">{t("anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className={labelClassName}>
            {t("actor")}
          </label>
          <input id="audit-actor" name="actor" type="search" maxLength={100} defaultValue={filters.actor ?? ""} className={`${inputClassName} mt-1 py-2`} />
        </div>
        <div>
          <label htmlFor="audit-subject" className={labelClassName}>
            {t("subject")}
          </label>
          <select id="audit-subject" name="subject" defaultValue={filters.subject ?? ""} className={`${inputClassName} mt-1 py-2`}>
            <option value="">{t("subjectAll")}</option>
            <option value="other">{t("subjectOther")}</option>
            <option value="case">{t("subjectCase")}</option>
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className={`${buttonClassName} w-full`}>
            {t("apply")}
          </button>
        </div>
      </form>

      {page.entries.length === 0 ? (
        <p role="status" className="rounded-xl border border-dashed border-slate-400 bg-white p-6">
          {t("empty")}
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={t("listLabel")}>
          {page.entries.map((entry) => (
            <li key={entry.id} className="grid gap-2 p-4 sm:grid-cols-[14rem_1fr]">
              <div>
                <p className="font-semibold text-brand-900">{actionLabel(entry.action)}</p>
                <p className="font-mono text-xs text-slate-600">{entry.action}</p>
                <p className="text-sm text-slate-700">
                  <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                </p>
                <p className="text-sm text-slate-700">
                  #{entry.id} · {actorLabel(entry)}
                </p>
                {entry.caseId ? (
                  <p className="text-sm">
                    <Link href={`/dasbor/kasus/${entry.caseId}`} className="font-semibold text-brand-800 underline underline-offset-2">
                      {t("case", { code: entry.trackingCode ?? "—" })}
                    </Link>
                  </p>
                ) : null}
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <ChangeValues label={t("before")} value={entry.before} />
                <ChangeValues label={t("after")} value={entry.after} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {page.nextBefore ? (
        <p>
          <Link href={`/dasbor/admin/audit${searchOf({ ...filters, before: page.nextBefore })}`} className="font-semibold text-brand-800 underline underline-offset-2">
            {t("older")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
