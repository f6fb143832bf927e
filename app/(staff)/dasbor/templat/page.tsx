import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { loadOrNotFound, readStatusNotice } from "@/lib/admin/reference-page";
import { requireStaff } from "@/lib/auth/session";
import { canManageTemplates } from "@/lib/reply-templates/access";
import { getTemplateOverview } from "@/lib/reply-templates/templates";

import { TemplateList } from "./_components/template-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminTemplates");
  return { title: t("metaTitle") };
}

type PageProps = { searchParams: Promise<{ office?: string | string[]; status?: string | string[] }> };

const NOTICES = ["created", "saved", "deactivated", "reactivated"] as const;

/**
 * Reply templates: the national ones (edited by admins) and one office's (edited by admins and
 * that office's supervisor). An admin picks the office in a GET form; a supervisor sees their own.
 */
export default async function TemplatesPage({ searchParams }: PageProps) {
  const actor = await requireStaff();
  if (!canManageTemplates(actor)) notFound();
  const { office, status } = await searchParams;
  const officeParam = Array.isArray(office) ? office[0] : office;
  const requestedOfficeId = officeParam && /^\d{1,9}$/.test(officeParam) ? Number(officeParam) : null;
  const [t, overview] = await Promise.all([getTranslations("AdminTemplates"), loadOrNotFound(() => getTemplateOverview(actor, requestedOfficeId))]);
  const notice = readStatusNotice(status, NOTICES);
  const isAdmin = actor.role === "ADMIN";

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={isAdmin ? t("leadAdmin") : t("leadSupervisor")}>
        {notice ? <StatusNotice>{t(`notices.${notice}`)}</StatusNotice> : null}
      </PageIntro>

      <div className="grid max-w-3xl gap-6">
        <SectionCard title={t("nationalTitle")}>
          <p>{isAdmin ? t("nationalLeadAdmin") : t("nationalLeadSupervisor")}</p>
          <TemplateList templates={overview.national} emptyText={t("empty")} />
          {isAdmin ? (
            <p>
              <Link href="/dasbor/templat/baru" className={buttonClassName}>
                {t("addNational")}
              </Link>
            </p>
          ) : null}
        </SectionCard>

        {isAdmin ? (
          <form method="get" action="/dasbor/templat" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1">
              <label htmlFor="templates-office" className="block font-semibold text-slate-900">
                {t("officePicker")}
              </label>
              <select id="templates-office" name="office" defaultValue={overview.office?.id ?? ""} className={`${inputClassName} mt-1 py-2`}>
                <option value="">{t("officePickerNone")}</option>
                {overview.officeChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.isActive ? choice.name : t("closedOffice", { name: choice.name })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={secondaryButtonClassName}>
              {t("officePickerSubmit")}
            </button>
          </form>
        ) : null}

        {overview.office ? (
          <SectionCard title={t("officeTitle", { office: overview.office.name })}>
            <p>{t("officeLead")}</p>
            <TemplateList templates={overview.office.templates} emptyText={t("empty")} />
            <p>
              <Link href={`/dasbor/templat/baru?office=${overview.office.id}`} className={buttonClassName}>
                {t("addForOffice")}
              </Link>
            </p>
          </SectionCard>
        ) : null}
      </div>
    </div>
  );
}
