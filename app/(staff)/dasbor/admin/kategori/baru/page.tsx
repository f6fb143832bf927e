import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { requireAdmin } from "@/lib/admin/guard";

import { CategoryCreateForm } from "../_components/category-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCategories");
  return { title: t("createTitle") };
}

export default async function NewCategoryPage() {
  await requireAdmin();
  const t = await getTranslations("AdminCategories");
  return (
    <ClientMessages namespaces={["AdminCategories", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor/admin/kategori" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={t("createTitle")} lead={t("createLead")} />
        <div className="max-w-2xl">
          <SectionCard title={t("createSection")}>
            <CategoryCreateForm />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
