import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import { listCategoriesForAdmin } from "@/lib/categories/categories";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCategories");
  return { title: t("metaTitle") };
}

/** Every complaint category, the ones in use first, retired ones after them. */
export default async function CategoriesPage() {
  const actor = await requireAdmin();
  const [t, categories, locale] = await Promise.all([getTranslations("AdminCategories"), listCategoriesForAdmin(actor), getLocale()]);
  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <p>
        <Link href="/dasbor/admin/kategori/baru" className={buttonClassName}>
          {t("add")}
        </Link>
      </p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {categories.map((category) => (
          <li key={category.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-semibold">
                <Link href={`/dasbor/admin/kategori/${category.id}`} className="text-brand-800 underline underline-offset-2">
                  {locale === "en" ? category.nameEn : category.nameId}
                </Link>
                {category.isActive ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">{t("retiredBadge")}</span>}
              </p>
              <p className="text-sm text-slate-700">
                {t(`problemCodes.${category.problemCode as "01" | "02" | "03"}`)} · {t("caseCount", { count: category.caseCount })}
              </p>
            </div>
            <p className="font-mono text-sm break-all text-slate-700">{category.code}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
