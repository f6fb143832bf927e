import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { loadOrNotFound } from "@/lib/admin/reference-page";
import { requireStaff } from "@/lib/auth/session";
import { getTemplateTarget } from "@/lib/reply-templates/templates";

import { TemplateCreateForm } from "../_components/template-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminTemplates");
  return { title: t("createTitle") };
}

type PageProps = { searchParams: Promise<{ office?: string | string[] }> };

/** A new template: national without ?office=, else for that office (if the actor may edit its templates). */
export default async function NewTemplatePage({ searchParams }: PageProps) {
  const actor = await requireStaff();
  const { office } = await searchParams;
  const officeParam = Array.isArray(office) ? office[0] : office;
  const officeId = officeParam && /^\d{1,9}$/.test(officeParam) ? Number(officeParam) : null;
  const [t, target] = await Promise.all([getTranslations("AdminTemplates"), loadOrNotFound(() => getTemplateTarget(actor, officeId))]);
  const backHref = target.officeId === null ? "/dasbor/templat" : `/dasbor/templat?office=${target.officeId}`;

  return (
    <ClientMessages namespaces={["AdminTemplates", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href={backHref} className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={t("createTitle")} lead={target.officeName ? t("createLeadOffice", { office: target.officeName }) : t("createLeadNational")} />
        <div className="max-w-3xl">
          <SectionCard title={t("createSection")}>
            <TemplateCreateForm officeId={target.officeId} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
