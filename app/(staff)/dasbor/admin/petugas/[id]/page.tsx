import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { AdminNotFoundError } from "@/lib/admin/errors";
import { requireAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { STAFF_LIST_PATH } from "@/lib/staff/paths";
import { getScopeOptions, getStaffDetail, type StaffDetail } from "@/lib/staff/staff-directory";

import { RoleScopeForm } from "../_components/role-scope-form";
import { StaffButtonForm } from "../_components/staff-button-form";
import { StaffScopeLabel } from "../_components/staff-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminStaff.detail");
  return { title: t("metaTitle") };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadDetail(actor: StaffActor, staffId: string): Promise<StaffDetail> {
  if (!UUID_PATTERN.test(staffId)) notFound();
  try {
    return await getStaffDetail(actor, staffId);
  } catch (error) {
    if (error instanceof AdminNotFoundError) notFound();
    throw error;
  }
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[12rem_1fr] sm:gap-3">
      <dt className="font-semibold text-slate-900">{term}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}

/** One account: what it is now, and every change an admin can make to it, each its own small form. */
export default async function StaffDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdmin();
  const { id } = await params;
  const [staff, options, t, roles, list, format] = await Promise.all([
    loadDetail(actor, id),
    getScopeOptions(actor),
    getTranslations("AdminStaff.detail"),
    getTranslations("AdminStaff.roles"),
    getTranslations("AdminStaff.list"),
    getFormatter(),
  ]);
  const isSelf = staff.id === actor.id;
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <ClientMessages namespaces={["AdminStaff.form", "AdminStaff.link", "AdminStaff.errors", "AdminStaff.notices", "AdminStaff.roles", "AdminErrors", "Forms"]}>
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href={STAFF_LIST_PATH} className="font-semibold text-brand-800 underline underline-offset-2">
            {t("back")}
          </Link>
        </p>
        <PageIntro title={staff.name} lead={staff.email}>
          {isSelf ? <StatusNotice>{t("self")}</StatusNotice> : null}
        </PageIntro>

        <section aria-label={t("facts.label")} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <dl className="space-y-3">
            <Fact term={t("facts.role")}>{roles(staff.role)}</Fact>
            <Fact term={t("facts.scope")}>
              <StaffScopeLabel row={staff} />
            </Fact>
            <Fact term={t("facts.status")}>{staff.isActive ? list("active") : list("inactive")}</Fact>
            <Fact term={t("facts.lastSignIn")}>{staff.lastSignInAt ? dateTime(staff.lastSignInAt) : t("facts.never")}</Fact>
            <Fact term={t("facts.totp")}>{staff.totpEnabledAt ? t("facts.totpOn", { date: dateTime(staff.totpEnabledAt) }) : t("facts.totpOff")}</Fact>
            <Fact term={t("facts.password")}>{staff.hasPassword ? t("facts.passwordSet") : t("facts.passwordNotSet")}</Fact>
            <Fact term={t("facts.latestLink")}>
              {staff.latestLink ? t(`facts.linkStates.${staff.latestLink.state}`, { date: dateTime(staff.latestLink.expiresAt) }) : t("facts.noLink")}
            </Fact>
            <Fact term={t("facts.created")}>{dateTime(staff.createdAt)}</Fact>
          </dl>
        </section>

        {isSelf ? null : (
          <SectionCard title={t("roleScope.title")}>
            <p>{t("roleScope.lead")}</p>
            <RoleScopeForm
              staffId={staff.id}
              version={staff.version}
              options={options}
              current={{ role: staff.role, scopeLevel: staff.scopeLevel, officeId: staff.officeId?.toString() ?? "", regionalOfficeId: staff.regionalOfficeId?.toString() ?? "" }}
            />
          </SectionCard>
        )}

        <SectionCard title={t("password.title")}>
          <p>{t("password.lead")}</p>
          {staff.isActive ? (
            <>
              <StatusNotice>{t("password.mailNotice")}</StatusNotice>
              <StaffButtonForm form="issueLink" staffId={staff.id} version={staff.version} label={t("password.submit")} />
            </>
          ) : (
            <p>{t("password.inactive")}</p>
          )}
        </SectionCard>

        <SectionCard title={t("totp.title")}>
          <p>{t("totp.lead")}</p>
          {staff.hasTotp ? null : <p>{t("totp.none")}</p>}
          <StaffButtonForm form="resetTotp" staffId={staff.id} version={staff.version} label={t("totp.submit")} isDanger showButton={staff.hasTotp} />
        </SectionCard>

        <SectionCard title={t("lock.title")}>
          <p>{t("lock.lead")}</p>
          <p>
            {t("lock.count", { count: staff.signInFailures.count })} {staff.signInFailures.isLocked ? <strong>{t("lock.locked")}</strong> : null}
          </p>
          <StaffButtonForm form="clearLock" staffId={staff.id} version={staff.version} label={t("lock.submit")} />
        </SectionCard>

        {isSelf ? null : (
          <SectionCard title={t("status.title")}>
            <p>{staff.isActive ? t("status.activeLead") : t("status.inactiveLead")}</p>
            {/* One form in one place, so the answer to the last click survives the page's re-render. */}
            <StaffButtonForm
              form={staff.isActive ? "deactivate" : "reactivate"}
              staffId={staff.id}
              version={staff.version}
              label={staff.isActive ? t("status.deactivate") : t("status.reactivate")}
              isDanger={staff.isActive}
            />
          </SectionCard>
        )}
      </div>
    </ClientMessages>
  );
}
