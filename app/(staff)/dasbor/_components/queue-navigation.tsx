import { getTranslations } from "next-intl/server";
import Link from "next/link";

import type { QueuePage } from "@/lib/cases/queue";
import { QUEUE_VIEWS, toQueueSearch, type QueueFilters, type QueueView } from "@/lib/cases/queue-filters";
import { CASE_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";

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

/** Cases per status under the other filters; each count links to that status. */
export async function QueueStatusTabs({ filters, counts }: { filters: QueueFilters; counts: QueuePage["statusCounts"] }) {
  const [t, labels] = await Promise.all([getTranslations("CaseQueue.statusTabs"), getTranslations("CaseLabels.status")]);
  const openCount = OPEN_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const allCount = CASE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const tabs = [
    { value: "open" as const, label: t("open"), count: openCount },
    ...CASE_STATUSES.map((status) => ({ value: status, label: labels(status), count: counts[status] })),
    { value: "all" as const, label: t("all"), count: allCount },
  ];
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <li key={tab.value}>
            <Link href={linkTo(filters, { status: tab.value })} aria-current={filters.status === tab.value ? "page" : undefined} className={tabClassName}>
              {tab.label}
              <span className="rounded-full bg-white/90 px-2 text-xs font-bold text-slate-900 ring-1 ring-slate-300">{tab.count}</span>
            </Link>
          </li>
        ))}
      </ul>
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
