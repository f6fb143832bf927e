import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { PageIntro } from "@/components/page-intro";
import { requireStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { findQueueCases, getQueueFilterOptions } from "@/lib/cases/queue";
import { parseQueueFilters, toQueueSearch } from "@/lib/cases/queue-filters";

import { HolidayNotice } from "./_components/holiday-notice";
import { PendingInvolvementReports } from "./_components/pending-involvement-reports";
import { QueueFilterForm } from "./_components/queue-filter-form";
import { QueueList } from "./_components/queue-list";
import { QueuePagination, QueueStatusTabs, QueueViews } from "./_components/queue-navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CaseQueue");
  return { title: t("metaTitle") };
}

/**
 * The case queue. Escalation is not run here (it would slow every load): the sweep runs on a
 * timer in each server instance (instrumentation.ts) and from scripts/escalate.ts.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  // A surveyor works no cases: their dashboard is the interview entry.
  if (actor.role === "SURVEYOR") redirect("/dasbor/survei/wawancara");
  const search = await searchParams;
  const filters = parseQueueFilters(search);
  const [t, page, options] = await Promise.all([getTranslations("CaseQueue"), findQueueCases(actor, filters), getQueueFilterOptions(actor, filters)]);
  const canIntake = hasCasePermission(actor, "intake") && actor.officeId != null;
  const isOverseer = actor.role !== "OFFICER";
  const showOffice = options.offices.length > 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageIntro title={t("title")} lead={t("lead")} />
        {canIntake ? (
          <Link href="/dasbor/kasus/baru" className="inline-flex min-h-11 items-center rounded-lg bg-accent-700 px-4 py-2 font-semibold text-white hover:bg-accent-800">
            {t("newIntake")}
          </Link>
        ) : null}
      </div>

      {isOverseer && page.escalatedOpenCount > 0 && filters.view !== "escalated" ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-300 border-l-4 border-l-red-700 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{t("escalatedNotice", { count: page.escalatedOpenCount })}</p>
          <Link href={`/dasbor${toQueueSearch({ view: "escalated", status: "open" })}`} className="font-semibold text-red-900 underline underline-offset-2">
            {t("escalatedLink")}
          </Link>
        </div>
      ) : null}

      {search.notice === "involvement-declared" ? (
        <p role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 font-semibold text-emerald-900">
          {t("involvementDeclared")}
        </p>
      ) : null}

      {hasCasePermission(actor, "manageInvolvement") ? <PendingInvolvementReports actor={actor} /> : null}
      <HolidayNotice actor={actor} />

      {page.yearsWithoutHolidays.length > 0 ? (
        <p role="note" className="rounded-xl border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-4 text-amber-950">
          {t("holidayWarning", { years: page.yearsWithoutHolidays.join(", ") })}
        </p>
      ) : null}

      <QueueViews filters={filters} showMine={!isOverseer} />
      <QueueFilterForm filters={filters} options={options} />
      <QueueStatusTabs filters={filters} counts={page.statusCounts} />
      <QueueList cases={page.cases} showOffice={showOffice} />
      <QueuePagination filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
