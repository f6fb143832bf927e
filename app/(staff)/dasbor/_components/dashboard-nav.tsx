import { getTranslations } from "next-intl/server";

import { isAdmin } from "@/lib/admin/guard";
import { getCurrentStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { canSeeAccusedGroups } from "@/lib/accused/access";
import { canManageTemplates } from "@/lib/reply-templates/access";
import { hasAnySurveyRole } from "@/lib/surveys/access";
import { canManageVolumes } from "@/lib/volumes/access";

import { DashboardNavLink } from "./dashboard-nav-link";

export async function DashboardNav() {
  const [t, cases, templates, actor] = await Promise.all([getTranslations("DashboardNav"), getTranslations("CaseNav"), getTranslations("AdminTemplates"), getCurrentStaff()]);
  const canIntake = actor != null && hasCasePermission(actor, "intake") && actor.officeId != null;
  const canViewStatistics = actor != null && hasCasePermission(actor, "viewStatistics");

  return (
    <nav aria-label={t("label")} className="mb-8 border-b border-slate-200 pb-3 print:hidden">
      <ul className="flex flex-wrap gap-1">
        {actor?.role === "SURVEYOR" ? null : (
          <li>
            <DashboardNavLink href="/dasbor" section="queue">
              {cases("queue")}
            </DashboardNavLink>
          </li>
        )}
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
        {actor != null && hasAnySurveyRole(actor) ? (
          <li>
            <DashboardNavLink href="/dasbor/survei" section="surveys">
              {t("surveys")}
            </DashboardNavLink>
          </li>
        ) : null}
        {actor != null && canSeeAccusedGroups(actor) ? (
          <li>
            <DashboardNavLink href="/dasbor/sinyal" section="signals">
              {t("signals")}
            </DashboardNavLink>
          </li>
        ) : null}
        {actor != null && canManageVolumes(actor) ? (
          <li>
            <DashboardNavLink href="/dasbor/volume" section="volumes">
              {t("volumes")}
            </DashboardNavLink>
          </li>
        ) : null}
        {actor != null && canManageTemplates(actor) ? (
          <li>
            <DashboardNavLink href="/dasbor/templat" section="templates">
              {templates("navLabel")}
            </DashboardNavLink>
          </li>
        ) : null}
        {actor != null && isAdmin(actor) ? (
          <li>
            <DashboardNavLink href="/dasbor/admin" section="admin">
              {t("admin")}
            </DashboardNavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
