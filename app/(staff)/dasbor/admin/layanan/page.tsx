import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import { listServicesForAdmin } from "@/lib/services/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminServices");
  return { title: t("metaTitle") };
}

/** Every service with the official fee in force today and the next change, if one is entered. */
export default async function ServicesPage() {
  const actor = await requireAdmin();
  const [t, services, format, locale] = await Promise.all([getTranslations("AdminServices"), listServicesForAdmin(actor), getFormatter(), getLocale()]);
  const rupiah = (amount: number) => format.number(amount, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
  const day = (key: string) => format.dateTime(new Date(`${key}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <p>
        <Link href="/dasbor/admin/layanan/baru" className={buttonClassName}>
          {t("add")}
        </Link>
      </p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {services.map((service) => (
          <li key={service.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
            <div className="min-w-0">
              <p className="font-semibold">
                <Link href={`/dasbor/admin/layanan/${service.id}`} className="text-brand-800 underline underline-offset-2">
                  {locale === "en" ? service.nameEn : service.nameId}
                </Link>
                {service.isActive ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">{t("inactiveBadge")}</span>}
              </p>
              <p className="font-mono text-sm break-all text-slate-700">{service.code}</p>
            </div>
            <div className="shrink-0 sm:text-right">
              <p className="font-semibold">{service.feeInForceRupiah === null ? t("noFee") : t("feeToday", { fee: rupiah(service.feeInForceRupiah) })}</p>
              {service.upcoming ? <p className="text-sm text-slate-700">{t("upcoming", { fee: rupiah(service.upcoming.feeRupiah), date: day(service.upcoming.effectiveFrom) })}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
