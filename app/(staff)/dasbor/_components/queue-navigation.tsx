import { getTranslations } from "next-intl/server";
import Link from "next/link";

import type { QueuePage } from "@/lib/cases/queue";
import { QUEUE_COUNT_LIMIT, QUEUE_VIEWS, toQueueSearch, type QueueFilters, type QueueView } from "@/lib/cases/queue-filters";
import { CASE_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

const tabClassName =
  "inline-flex min-h-10 items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 aria-[current=page]:bg-brand-800 aria-[current=page]:text-white aria-[current=page]:ring-brand-800";

/** Links that change one part of the view and keep the rest (but start again at the first page). */
function linkTo(filters: QueueFilters, change: Partial<QueueFilters>): string {
  return `/dasbor${toQueueSearch({ ...filters, cursor: undefined, ...change })}`;
}

/** "All / My cases / Unassigned / Escalated". Supervisors handle no cases themselves, so they get no "My cases". */
export async function QueueViews({ filters, showMine }: { filters: QueueFilters; showMine: boolean }) {
  const t = await getTranslations("CaseQueue.views");
  const views = QUEUE_VIEWS.filter((view) => showMine || view !== "mine");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {views.map((view: QueueView) => (
          <li key={view}>
            <Link href={linkTo(filters, { view })} aria-current={filters.view === view ? "page" : undefined} className={tabClassName}>
              {t(view)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Cases per status under the other filters; each tab links to that status. A filtered view that
 * matches more than QUEUE_COUNT_LIMIT cases is not counted (lib/cases/queue-counts.ts): its tabs
 * carry no numbers and a note says so.
 */
export async function QueueStatusTabs({ filters, counts }: { filters: QueueFilters; counts: QueuePage["statusCounts"] }) {
  const [t, labels] = await Promise.all([getTranslations("CaseQueue.statusTabs"), getTranslations("CaseLabels.status")]);
  const sum = (statuses: readonly CaseStatus[]) => (counts ? statuses.reduce((total, status) => total + counts[status], 0) : null);
  const tabs = [
    { value: "open" as const, label: t("open"), count: sum(OPEN_STATUSES) },
    ...CASE_STATUSES.map((status) => ({ value: status, label: labels(status), count: sum([status]) })),
    { value: "all" as const, label: t("all"), count: sum(CASE_STATUSES) },
  ];
  return (
    <nav aria-label={t("label")} aria-describedby={counts ? undefined : "queue-uncounted"}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <li key={tab.value}>
            <Link href={linkTo(filters, { status: tab.value })} aria-current={filters.status === tab.value ? "page" : undefined} className={tabClassName}>
              {tab.label}
              {tab.count === null ? null : <span className="rounded-full bg-white/90 px-2 text-xs font-bold text-slate-900 ring-1 ring-slate-300">{tab.count}</span>}
            </Link>
          </li>
        ))}
      </ul>
      {counts ? null : (
        <p id="queue-uncounted" className="mt-2 text-sm text-slate-700">
          {t("uncounted", { limit: QUEUE_COUNT_LIMIT })}
        </p>
      )}
    </nav>
  );
}

export async function QueuePagination({ filters, nextCursor }: { filters: QueueFilters; nextCursor: string | null }) {
  const t = await getTranslations("CaseQueue.pagination");
  if (!nextCursor && !filters.cursor) return null;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap justify-between gap-3">
      {filters.cursor ? (
        <Link href={linkTo(filters, {})} className="font-semibold text-brand-800 underline underline-offset-2">
          {t("first")}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={`/dasbor${toQueueSearch({ ...filters, cursor: nextCursor })}`} rel="next" className="font-semibold text-brand-800 underline underline-offset-2">
          {t("next")} →
        </Link>
      ) : null}
    </nav>
  );
}
