import { getTranslations } from "next-intl/server";

import { getCurrentStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";

import { DashboardNavLink } from "./dashboard-nav-link";

// Sections that are not built yet are listed, marked as coming, but not linked.
const upcomingSections = ["admin"] as const;

export async function DashboardNav() {
  const [t, cases, common, actor] = await Promise.all([getTranslations("DashboardNav"), getTranslations("CaseNav"), getTranslations("Common"), getCurrentStaff()]);
  const canIntake = actor != null && hasCasePermission(actor, "intake") && actor.officeId != null;
  const canViewStatistics = actor != null && hasCasePermission(actor, "viewStatistics");

  return (
    <nav aria-label={t("label")} className="mb-8 border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-1">
        <li>
          <DashboardNavLink href="/dasbor" section="queue">
            {cases("queue")}
          </DashboardNavLink>
        </li>
        {canIntake ? (
          <li>
            <DashboardNavLink href="/dasbor/kasus/baru" section="intake">
              {cases("intake")}
            </DashboardNavLink>
          </li>
        ) : null}
        {canViewStatistics ? (
          <li>
            <DashboardNavLink href="/dasbor/statistik" section="statistics">
              {t("statistics")}
            </DashboardNavLink>
          </li>
        ) : null}
        {upcomingSections.map((section) => (
          <li key={section} className="flex flex-wrap items-center gap-2 px-3 py-2 text-slate-600">
            {t(section)}
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{common("comingSoon")}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
