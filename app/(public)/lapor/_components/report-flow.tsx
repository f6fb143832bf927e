"use client";

import { useTranslations } from "next-intl";

import { PageIntro } from "@/components/page-intro";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { submitReport, type SubmitReportState } from "@/lib/reports/actions";
import type { CategoryOption, OfficeOption, ServiceOption } from "@/lib/reports/lookups";

import { ReportForm } from "./report-form";

const idle: SubmitReportState = { status: "idle" };

type ReportFlowProps = {
  offices: OfficeOption[];
  services: ServiceOption[];
  categories: CategoryOption[];
  idempotencyKey: string;
  /** The incident dates the form accepts, as "YYYY-MM-DD" in Jakarta. */
  dateLimits: { earliest: string; latest: string };
  /** Values to start from (a pungli report continued from a visitor survey). */
  prefill?: Record<string, string>;
};

/**
 * The report form. Once filed, the action redirects to the receipt page (/lapor/tanda-terima),
 * which reads the receipt from the receipt cookie: the key never appears in a URL.
 */
export function ReportFlow({ offices, services, categories, idempotencyKey, dateLimits, prefill }: ReportFlowProps) {
  const t = useTranslations("ReportPage");
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(submitReport, idle);

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")} />
      <ReportForm
        offices={offices}
        services={services}
        categories={categories}
        idempotencyKey={idempotencyKey}
        dateLimits={dateLimits}
        prefill={prefill}
        state={state}
        unreachable={unreachable}
        formAction={formAction}
        submit={submit}
        isPending={isPending}
      />
    </div>
  );
}
