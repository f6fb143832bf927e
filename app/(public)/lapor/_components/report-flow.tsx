"use client";

import { useTranslations } from "next-intl";

import { PageIntro } from "@/components/page-intro";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { submitReport, type SubmitReportState } from "@/lib/reports/actions";
import type { CategoryOption, OfficeOption, ServiceOption } from "@/lib/reports/lookups";

import { ReportForm } from "./report-form";
import { ReportReceipt } from "./report-receipt";

const idle: SubmitReportState = { status: "idle" };

type ReportFlowProps = {
  offices: OfficeOption[];
  services: ServiceOption[];
  categories: CategoryOption[];
  idempotencyKey: string;
  /** The incident dates the form accepts, as "YYYY-MM-DD" in Jakarta. */
  dateLimits: { earliest: string; latest: string };
};

/**
 * The report form and, once filed, the receipt in its place: same page, no redirect, so the
 * secret key never appears in a URL or in the browser history.
 */
export function ReportFlow({ offices, services, categories, idempotencyKey, dateLimits }: ReportFlowProps) {
  const t = useTranslations("ReportPage");
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(submitReport, idle);

  if (state.status === "filed") return <ReportReceipt receipt={state.receipt} categories={categories} />;

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")} />
      <ReportForm
        offices={offices}
        services={services}
        categories={categories}
        idempotencyKey={idempotencyKey}
        dateLimits={dateLimits}
        state={state}
        unreachable={unreachable}
        formAction={formAction}
        submit={submit}
        isPending={isPending}
      />
    </div>
  );
}
