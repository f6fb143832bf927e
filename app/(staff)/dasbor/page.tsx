import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";

const upcomingSections = ["caseQueue", "statistics", "admin"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DashboardPage");
  return { title: t("metaTitle") };
}

export default async function DashboardPage() {
  const [t, nav, common] = await Promise.all([
    getTranslations("DashboardPage"),
    getTranslations("DashboardNav"),
    getTranslations("Common"),
  ]);

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")}>
        <StatusNotice>{t("status")}</StatusNotice>
      </PageIntro>
      <ul className="grid gap-4 md:grid-cols-3">
        {upcomingSections.map((section) => (
          <li key={section} className="rounded-xl border border-dashed border-slate-300 bg-white p-5">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-semibold text-brand-900">{nav(section)}</h2>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                {common("comingSoon")}
              </span>
            </div>
            <p className="mt-2 text-slate-700">{t(`sections.${section}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
