import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { requireAdmin } from "@/lib/admin/guard";
import { STAFF_LIST_PATH } from "@/lib/staff/paths";
import { getScopeOptions } from "@/lib/staff/staff-directory";

import { CreateStaffForm } from "../_components/create-staff-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminStaff.create");
  return { title: t("metaTitle") };
}

export default async function NewStaffPage() {
  const actor = await requireAdmin();
  const [t, options] = await Promise.all([getTranslations("AdminStaff.create"), getScopeOptions(actor)]);

  return (
    <ClientMessages namespaces={["AdminStaff.form", "AdminStaff.link", "AdminStaff.errors", "AdminStaff.notices", "AdminStaff.roles", "AdminErrors", "Forms"]}>
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href={STAFF_LIST_PATH} className="font-semibold text-brand-800 underline underline-offset-2">
            {t("back")}
          </Link>
        </p>
        <PageIntro title={t("title")} lead={t("lead")}>
          <StatusNotice>{t("mailNotice")}</StatusNotice>
        </PageIntro>
        <CreateStaffForm options={options} />
      </div>
    </ClientMessages>
  );
}
