import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { requireAdmin } from "@/lib/admin/guard";
import { loadOrNotFound, parseRecordId, readStatusNotice } from "@/lib/admin/reference-page";
import { getCategoryForAdmin } from "@/lib/categories/categories";

import { CategoryEditForm, CategoryStatusForm } from "../_components/category-forms";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string | string[] }> };

const NOTICES = ["created", "saved", "retired", "reinstated"] as const;

async function loadCategory(params: PageProps["params"]) {
  const actor = await requireAdmin();
  const categoryId = parseRecordId((await params).id);
  return loadOrNotFound(() => getCategoryForAdmin(actor, categoryId));
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [category, locale] = await Promise.all([loadCategory(params), getLocale()]);
  return { title: locale === "en" ? category.nameEn : category.nameId };
}

export default async function CategoryPage({ params, searchParams }: PageProps) {
  const [category, t, locale, { status }] = await Promise.all([loadCategory(params), getTranslations("AdminCategories"), getLocale(), searchParams]);
  const notice = readStatusNotice(status, NOTICES);
  const ref = { id: category.id, version: category.version };

  return (
    <ClientMessages namespaces={["AdminCategories", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor/admin/kategori" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={locale === "en" ? category.nameEn : category.nameId}>
          {notice ? <StatusNotice>{t(`notices.${notice}`)}</StatusNotice> : null}
          {category.isActive ? null : <StatusNotice>{t("retiredNotice")}</StatusNotice>}
        </PageIntro>
        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("fields.code")}</dt>
          <dd className="font-mono break-all">{category.code}</dd>
          <dt className="font-semibold">{t("fields.problemCode")}</dt>
          <dd>{t(`problemCodes.${category.problemCode as "01" | "02" | "03"}`)}</dd>
          <dt className="font-semibold">{t("caseCountLabel")}</dt>
          <dd>{t("caseCount", { count: category.caseCount })}</dd>
        </dl>
        <div className="grid max-w-3xl gap-6">
          <SectionCard title={t("editSection")}>
            <CategoryEditForm category={{ ...ref, nameId: category.nameId, nameEn: category.nameEn }} />
          </SectionCard>
          <SectionCard title={category.isActive ? t("status.retireTitle") : t("status.reinstateTitle")}>
            <CategoryStatusForm category={{ ...ref, isActive: category.isActive }} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
