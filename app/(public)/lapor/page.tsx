import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { listCategoriesForForm, listOfficesForForm, listServicesForForm } from "@/lib/reports/lookups";
import { oldestIncidentDateKey } from "@/lib/reports/schemas";
import { readReportPrefill } from "@/lib/surveys/report-prefill";

import { ClientMessages } from "@/components/client-messages";

import { ReceiptReminder } from "./_components/receipt-reminder";
import { ReportFlow } from "./_components/report-flow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ReportPage");
  return { title: t("metaTitle") };
}

/** `searchParams` may prefill a pungli report from a visitor survey's thank-you page (lib/surveys/report-prefill.ts). */
export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getLocale();
  const prefill = readReportPrefill(await searchParams);
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
          prefill={prefill}
        />
      </ClientMessages>
    </div>
  );
}
