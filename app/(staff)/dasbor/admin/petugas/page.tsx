import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import { NEW_STAFF_PATH } from "@/lib/staff/paths";
import { parseStaffListFilters } from "@/lib/staff/schemas";
import { findStaffList, getScopeOptions } from "@/lib/staff/staff-directory";

import { StaffFilterForm } from "./_components/staff-filter-form";
import { StaffList } from "./_components/staff-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminStaff");
  return { title: t("metaTitle") };
}

type StaffListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffListPage({ searchParams }: StaffListPageProps) {
  const actor = await requireAdmin();
  const filters = parseStaffListFilters(await searchParams);
  const [t, page, options] = await Promise.all([getTranslations("AdminStaff"), findStaffList(actor, filters), getScopeOptions(actor)]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageIntro title={t("title")} lead={t("lead")} />
        <Link href={NEW_STAFF_PATH} className="inline-flex min-h-11 items-center rounded-lg bg-accent-700 px-4 py-2 font-semibold text-white hover:bg-accent-800">
          {t("newAccount")}
        </Link>
      </div>
      <StaffFilterForm filters={filters} offices={options.offices} />
      <StaffList page={page} filters={filters} />
    </div>
  );
}
