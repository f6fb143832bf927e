import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { requireAdmin } from "@/lib/admin/guard";
import { loadOrNotFound, parseRecordId, readStatusNotice } from "@/lib/admin/reference-page";
import { getServiceForAdmin } from "@/lib/services/services";

import { FeeAddForm, FeeDeleteForm, ServiceEditForm } from "../_components/service-forms";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string | string[] }> };

const NOTICES = ["created", "saved", "feeAdded", "feeDeleted"] as const;

async function loadService(params: PageProps["params"]) {
  const actor = await requireAdmin();
  const serviceId = parseRecordId((await params).id);
  return loadOrNotFound(() => getServiceForAdmin(actor, serviceId));
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [service, locale] = await Promise.all([loadService(params), getLocale()]);
  return { title: locale === "en" ? service.nameEn : service.nameId };
}

/** One service: its names, its fee history (newest first) and a form for a fee change. */
export default async function ServicePage({ params, searchParams }: PageProps) {
  const [service, t, format, locale, { status }] = await Promise.all([loadService(params), getTranslations("AdminServices"), getFormatter(), getLocale(), searchParams]);
  const notice = readStatusNotice(status, NOTICES);
  const versionRef = { id: service.id, version: service.version };
  const rupiah = (amount: number) => format.number(amount, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
  const day = (key: string) => format.dateTime(new Date(`${key}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  return (
    <ClientMessages namespaces={["AdminServices", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor/admin/layanan" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={locale === "en" ? service.nameEn : service.nameId}>
          {notice ? <StatusNotice>{t(`notices.${notice}`)}</StatusNotice> : null}
        </PageIntro>
        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("fields.code")}</dt>
          <dd className="font-mono break-all">{service.code}</dd>
          <dt className="font-semibold">{t("caseCountLabel")}</dt>
          <dd>{t("caseCount", { count: service.caseCount })}</dd>
        </dl>

        <div className="grid max-w-3xl gap-6">
          <section aria-labelledby="fee-history-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="fee-history-title" className="text-xl font-semibold text-brand-900">
              {t("history.title")}
            </h2>
            <p className="mt-1 text-slate-700">{t("history.lead")}</p>
            <ol className="mt-3 divide-y divide-slate-200">
              {service.fees.map((fee) => (
                <li key={fee.id} data-fee-state={fee.state} className="space-y-2 py-3">
                  <p>
                    <span className="font-semibold">{rupiah(fee.feeRupiah)}</span> · {t("history.from", { date: day(fee.effectiveFrom) })}{" "}
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold text-slate-800">{t(`history.states.${fee.state}`)}</span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {[fee.legalBasis, fee.createdByName ? t("history.enteredBy", { name: fee.createdByName }) : t("history.seeded")].filter(Boolean).join(" · ")}
                  </p>
                  {fee.isDeletable ? <FeeDeleteForm service={versionRef} fee={{ id: fee.id, label: `${rupiah(fee.feeRupiah)} (${day(fee.effectiveFrom)})` }} /> : null}
                </li>
              ))}
            </ol>
          </section>
          <SectionCard title={t("addFeeSection")}>
            <p>{t("addFeeLead")}</p>
            <FeeAddForm service={versionRef} />
          </SectionCard>
          <SectionCard title={t("editSection")}>
            <ServiceEditForm service={{ ...versionRef, nameId: service.nameId, nameEn: service.nameEn, feeUnit: service.feeUnit }} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
