import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import type { StaffActor } from "@/lib/auth/session";
import { findPendingInvolvementReports } from "@/lib/cases/involvement";

const SHOWN = 10;

/**
 * For supervisors and admins: the reports of involvement waiting for them, oldest first, each
 * linking to its case page, where it is decided. Nothing when there are none.
 */
export async function PendingInvolvementReports({ actor }: { actor: StaffActor }) {
  const [{ reports, total }, t, format] = await Promise.all([
    findPendingInvolvementReports(actor, { take: SHOWN }),
    getTranslations("CaseQueue.pendingInvolvementReports"),
    getFormatter(),
  ]);
  if (total === 0) return null;

  return (
    <section aria-labelledby="pending-involvement-title" className="rounded-xl border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-4 text-amber-950">
      <h2 id="pending-involvement-title" className="text-lg font-semibold">
        {t("title")} <span className="font-normal">({t("count", { count: total })})</span>
      </h2>
      <p className="text-sm">{t("lead")}</p>
      <ul aria-labelledby="pending-involvement-title" className="mt-2 space-y-2">
        {reports.map((report) => (
          <li key={report.id} className="break-words">
            <Link href={`/dasbor/kasus/${report.caseId}#keterlibatan`} className="font-mono font-semibold text-brand-800 underline underline-offset-2">
              {report.trackingCode}
            </Link>{" "}
            <span className="text-sm">
              · {report.officeName} · {t("entry", { name: report.staffName, reporter: report.reportedByName, date: format.dateTime(report.createdAt, { dateStyle: "medium" }) })}
            </span>
          </li>
        ))}
      </ul>
      {total > reports.length ? <p className="mt-2 text-sm">{t("more", { shown: reports.length, total })}</p> : null}
    </section>
  );
}
