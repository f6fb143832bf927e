import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { requireAdmin } from "@/lib/admin/guard";
import { loadOrNotFound, parseRecordId, readStatusNotice } from "@/lib/admin/reference-page";
import { getOfficeForAdmin } from "@/lib/offices/offices";

import { OfficeEditForm, OfficeStatusForm } from "../_components/office-forms";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string | string[] }> };

const NOTICES = ["created", "saved", "closed", "reopened"] as const;

async function loadOffice(params: PageProps["params"]) {
  const actor = await requireAdmin();
  const officeId = parseRecordId((await params).id);
  return loadOrNotFound(() => getOfficeForAdmin(actor, officeId));
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const office = await loadOffice(params);
  return { title: office.name };
}

export default async function OfficePage({ params, searchParams }: PageProps) {
  const [office, t, { status }] = await Promise.all([loadOffice(params), getTranslations("AdminOffices"), searchParams]);
  const notice = readStatusNotice(status, NOTICES);

  return (
    <ClientMessages namespaces={["AdminOffices", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor/admin/kantor" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={office.name}>
          {notice ? <StatusNotice>{t(`notices.${notice}`)}</StatusNotice> : null}
          {office.isActive ? null : <StatusNotice>{t("closedNotice")}</StatusNotice>}
        </PageIntro>

        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("fields.code")}</dt>
          <dd className="font-mono break-all">{office.code}</dd>
          <dt className="font-semibold">{t("fields.regionalOffice")}</dt>
          <dd>{office.regionalOffice.name}</dd>
          <dt className="font-semibold">{t("fields.place")}</dt>
          <dd>
            {office.city}, {office.province}
          </dd>
          <dt className="font-semibold">{t("facts.label")}</dt>
          <dd>{t("facts.value", { cases: office._count.cases, staff: office._count.staff })}</dd>
        </dl>

        <div className="grid max-w-3xl gap-6">
          <SectionCard title={t("editSection")}>
            <OfficeEditForm
              office={{ id: office.id, version: office.version, name: office.name, officeClass: office.officeClass, address: office.address, phone: office.phone, openingHours: office.openingHours }}
            />
          </SectionCard>
          <SectionCard title={office.isActive ? t("status.closeTitle") : t("status.reopenTitle")}>
            <OfficeStatusForm office={{ id: office.id, version: office.version, isActive: office.isActive }} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
