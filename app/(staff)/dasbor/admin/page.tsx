import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";

import { HolidayNotice } from "../_components/holiday-notice";
import { ADMIN_SECTIONS } from "./_components/admin-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminShell");
  return { title: t("metaTitle") };
}

/** The administration's overview: one card per section. */
export default async function AdminPage() {
  const actor = await requireAdmin();
  const t = await getTranslations("AdminShell");
  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <HolidayNotice actor={actor} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={section.href} className="text-brand-800 underline underline-offset-2">
                {t(section.key)}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{t(`sections.${section.key}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
