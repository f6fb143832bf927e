import { getFormatter, getTranslations } from "next-intl/server";

import type { CaseDetail } from "@/lib/cases/case-detail";

import { DecideInvolvementForm, UnmarkInvolvementForm } from "./involvement-forms";

/**
 * Who is involved in the case, and the reports of involvement the actor may see: the pending ones
 * for those who decide them (never one about themselves), the actor's own for a reporter.
 */
export async function InvolvementSection({ detail, className }: { detail: CaseDetail; className: string }) {
  const [t, labels, format] = await Promise.all([getTranslations("CasePage.involvements"), getTranslations("CaseLabels"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const canManage = detail.permissions.manageInvolvement;

  return (
    <section id="keterlibatan" aria-labelledby="case-involvement-title" className={className}>
      <h2 id="case-involvement-title" className="text-xl font-semibold text-brand-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      {detail.involvements.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {detail.involvements.map((involvement) => (
            <li key={involvement.staffUser.id} className="break-words">
              {t("entry", { name: involvement.staffUser.name, reason: involvement.reason, markedBy: involvement.markedBy.name, date: date(involvement.createdAt) })}
              {canManage ? <UnmarkInvolvementForm caseId={detail.id} staffUserId={involvement.staffUser.id} staffName={involvement.staffUser.name} /> : null}
            </li>
          ))}
        </ul>
      )}

      {canManage && detail.pendingInvolvementReports.length > 0 ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-brand-900">{t("pendingTitle")}</h3>
          <p className="text-sm text-slate-700">{t("pendingHint")}</p>
          <ul className="mt-2 space-y-4">
            {detail.pendingInvolvementReports.map((report) => (
              <li key={report.id} className="rounded-lg border border-amber-300 bg-amber-50 p-3 break-words text-slate-900">
                <p className="font-semibold">{t("pendingEntry", { name: report.staffName, reporter: report.reportedByName, date: date(report.createdAt) })}</p>
                <p className="mt-1 text-sm">{t("pendingReason", { reason: report.reason })}</p>
                {report.isStaffInvolved ? <p className="mt-1 text-sm">{t("pendingAlreadyInvolved")}</p> : null}
                <DecideInvolvementForm caseId={detail.id} reportId={report.id} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {detail.ownInvolvementReports.length > 0 ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-brand-900">{t("ownTitle")}</h3>
          <p className="text-sm text-slate-700">{t("ownHint")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {detail.ownInvolvementReports.map((report) => (
              <li key={report.id} className="break-words">
                {t("ownEntry", { name: report.staffName, status: labels(`involvementReportStatus.${report.status}`), date: date(report.createdAt) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
