import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { loadOrNotFound, parseRecordId } from "@/lib/admin/reference-page";
import { requireStaff } from "@/lib/auth/session";
import { getTemplateForEdit } from "@/lib/reply-templates/templates";

import { TemplateEditForm, TemplateStatusForm } from "../_components/template-forms";

type PageProps = { params: Promise<{ id: string }> };

async function loadTemplate(params: PageProps["params"]) {
  const actor = await requireStaff();
  const templateId = parseRecordId((await params).id);
  return loadOrNotFound(() => getTemplateForEdit(actor, templateId));
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const template = await loadTemplate(params);
  return { title: template.titleId };
}

/** One template the actor may edit (anyone else gets a 404): both languages, and (de)activation. */
export default async function TemplatePage({ params }: PageProps) {
  const [template, t] = await Promise.all([loadTemplate(params), getTranslations("AdminTemplates")]);
  const ref = { id: template.id, version: template.version };
  const backHref = template.officeId === null ? "/dasbor/templat" : `/dasbor/templat?office=${template.officeId}`;

  return (
    <ClientMessages namespaces={["AdminTemplates", "AdminErrors", "AdminReferenceErrors.fields", "AdminReferenceErrors.rules", "Forms"]}>
      <div className="space-y-6">
        <Link href={backHref} className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToList")}
        </Link>
        <PageIntro title={template.titleId} lead={template.officeName ? t("ofOffice", { office: template.officeName }) : t("ofNation")}>
          {template.isActive ? null : <StatusNotice>{t("inactiveNotice")}</StatusNotice>}
        </PageIntro>
        <div className="grid max-w-3xl gap-6">
          <SectionCard title={t("editSection")}>
            <TemplateEditForm template={{ ...ref, titleId: template.titleId, bodyId: template.bodyId, titleEn: template.titleEn, bodyEn: template.bodyEn }} />
          </SectionCard>
          <SectionCard title={template.isActive ? t("status.deactivateTitle") : t("status.reactivateTitle")}>
            <TemplateStatusForm template={{ ...ref, isActive: template.isActive }} />
          </SectionCard>
        </div>
      </div>
    </ClientMessages>
  );
}
