import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { listCategoriesForForm, listOfficesForForm, listServicesForForm } from "@/lib/reports/lookups";
import { oldestIncidentDateKey } from "@/lib/reports/schemas";

import { ClientMessages } from "@/components/client-messages";

import { ReceiptReminder } from "./_components/receipt-reminder";
import { ReportFlow } from "./_components/report-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ReportPage");
  return { title: t("metaTitle") };
}

export default async function ReportPage() {
  const locale = await getLocale();
  const [offices, services, categories] = await Promise.all([
    listOfficesForForm(),
    listServicesForForm(locale),
    listCategoriesForForm(locale),
  ]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <ReceiptReminder />
      <ClientMessages namespaces={["ReportPage", "ReportForm", "ReportErrors", "EvidencePicker", "FileChooser", "Forms"]}>
        <ReportFlow
          offices={offices}
          services={services}
          categories={categories}
          // One id per rendered form: a retried or doubled submission of it files one case.
          idempotencyKey={randomUUID()}
          dateLimits={{ earliest: oldestIncidentDateKey(now), latest: toJakartaDateKey(now) }}
        />
      </ClientMessages>
    </div>
  );
}
