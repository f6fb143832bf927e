import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { requireAdmin } from "@/lib/admin/guard";
import { listRegionalOfficesForAdmin } from "@/lib/offices/offices";

import { OfficeCreateForm } from "../_components/office-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOffices");
  return { title: t("createTitle") };
}

export default async function NewOfficePage() {
  const actor = await requireAdmin();
  const [t, regions] = await Promise.all([getTranslations("AdminOffices"), listRegionalOfficesForAdmin(actor)]);
  return (
    <ClientMessages namespaces={["AdminOffices", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor/admin/kantor" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={t("createTitle")} lead={t("createLead")} />
        <div className="max-w-2xl">
          <SectionCard title={t("createSection")}>
            <OfficeCreateForm regionalOffices={regions} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
