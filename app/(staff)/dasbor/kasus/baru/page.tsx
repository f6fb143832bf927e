import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { requireStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { listCategoriesForForm, listServicesForForm } from "@/lib/reports/lookups";
import { oldestIncidentDateKey } from "@/lib/reports/schemas";

import { IntakeFlow } from "./_components/intake-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CaseIntake");
  return { title: t("metaTitle") };
}

export default async function IntakePage() {
  const actor = await requireStaff();
  const [t, offices, locale] = await Promise.all([getTranslations("CaseIntake"), getTranslations("AdminOffices"), getLocale()]);
  const office =
    hasCasePermission(actor, "intake") && actor.officeId != null
      ? await db.office.findUnique({ where: { id: actor.officeId }, select: { code: true, name: true, city: true, province: true, isActive: true } })
      : null;
  if (!office?.isActive) {
    return (
      <PageIntro title={t("title")}>
        <p className="text-lg text-slate-700">{office ? offices("closedForIntake", { name: office.name }) : t("noOffice")}</p>
      </PageIntro>
    );
  }

  const [services, categories] = await Promise.all([listServicesForForm(locale), listCategoriesForForm(locale)]);
  const now = new Date();
  return (
    <ClientMessages
      namespaces={["CaseIntake", "CaseLabels.channel", "CaseErrors", "ReportForm", "ReportErrors", "Receipt", "ReportedContent", "Forms", "EvidencePicker", "FileChooser"]}
      // The online form's sections, worded for the officer who fills them in.
      rewordings={{ ReportForm: "CaseIntake.reportFormWording" }}
    >
      <IntakeFlow
        office={office}
        services={services}
        categories={categories}
        // One id per rendered form: a doubled submission files one case.
        idempotencyKey={randomUUID()}
        dateLimits={{ earliest: oldestIncidentDateKey(now), latest: toJakartaDateKey(now) }}
      />
    </ClientMessages>
  );
}
