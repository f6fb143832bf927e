"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { EvidencePicker } from "@/components/evidence-picker";
import { useEvidenceUploads } from "@/components/evidence-uploads";
import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { useErrorMessage } from "@/components/use-error-message";
import { useIsHydrated } from "@/components/use-is-hydrated";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { submitIntakeReport, type IntakeFormState } from "@/lib/cases/intake-actions";
import type { CategoryOption, OfficeOption, ServiceOption } from "@/lib/reports/lookups";
import { REPORT_LIMITS, type ReportField } from "@/lib/reports/limits";

import { IdentitySection } from "@/app/(public)/lapor/_components/identity-section";
import { IncidentFields } from "@/app/(public)/lapor/_components/incident-fields";
import { KindChoice } from "@/app/(public)/lapor/_components/kind-choice";
import { PungliDetails } from "@/app/(public)/lapor/_components/pungli-details";
import type { BindField } from "@/app/(public)/lapor/_components/report-form";
import { ReportReceipt } from "@/app/(public)/lapor/_components/report-receipt";
import { controlIdOf, REPORT_FIELD_ORDER } from "@/app/(public)/lapor/_components/report-fields";

const INTAKE_CHANNELS = ["WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"] as const;
const MEBIBYTE = 1024 * 1024;

type IntakeFlowProps = {
  office: OfficeOption;
  services: ServiceOption[];
  categories: CategoryOption[];
  idempotencyKey: string;
  dateLimits: { earliest: string; latest: string };
};

/**
 * The complaint desk's form: the online form's own sections (the same fields, rules and
 * messages, worded for the officer), the office fixed to the officer's, the channel the report
 * came by, and evidence brought along (a letter, a paper receipt, photographed or scanned),
 * uploaded as online. On success the same receipt as online, to print and hand over.
 */
export function IntakeFlow({ office, services, categories, idempotencyKey, dateLimits }: IntakeFlowProps) {
  const t = useTranslations("CaseIntake");
  const labels = useTranslations("CaseLabels.channel");
  const caseErrors = useTranslations("CaseErrors");
  const errorMessage = useErrorMessage();
  const isHydrated = useIsHydrated();
  // With JavaScript the form is sent without React's automatic form reset, so nothing typed or chosen is lost on an error.
  const { state, formAction, submit, isPending, unreachable } = useProgressiveAction(submitIntakeReport, { status: "idle" } as IntakeFormState);
  const values = state.status === "invalid" || state.status === "refused" ? state.values : {};
  const stagedFromServer = state.status === "invalid" || state.status === "refused" ? state.stagedEvidence : [];
  const uploads = useEvidenceUploads(stagedFromServer);
  const [kind, setKind] = useState(values.kind ?? "");
  const [serviceCode, setServiceCode] = useState(values.serviceCode ?? "");
  const [categoryCode, setCategoryCode] = useState(values.categoryCode ?? "");
  const [incidentDate, setIncidentDate] = useState(values.incidentDate ?? "");
  const [reporterMode, setReporterMode] = useState(values.reporterMode || "ANONYMOUS");

  if (state.status === "filed") {
    return (
      <div className="space-y-6">
        <ReportReceipt
          receipt={state.receipt}
          categoryName={categories.find((category) => category.code === state.receipt.categoryCode)?.name ?? state.receipt.categoryCode}
          address={state.address}
          variant="desk"
        />
        <div className="flex flex-col gap-3 sm:flex-row print:hidden">
          <Link href={`/dasbor/kasus/${state.caseId}`} className={buttonClassName}>
            {t("open")}
          </Link>
          {/* A full load on purpose: a fresh form with a new submission id, not this one's state. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/dasbor/kasus/baru" className={secondaryButtonClassName}>
            {t("another")}
          </a>
        </div>
      </div>
    );
  }

  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errorsOf = (field: ReportField) => (fieldErrors[field] ?? []).map((code) => errorMessage(code, field));
  const channelErrors = (fieldErrors.channel ?? []).map((code) => errorMessage(code));
  const bind: BindField = (field) => ({ errors: errorsOf(field), onBlur: () => undefined });
  const summaryItems: ErrorSummaryItem[] = [
    ...(state.status === "invalid" ? state.formErrors.map((code) => ({ message: errorMessage(code) })) : []),
    ...(state.status === "refused" ? [{ message: caseErrors(state.message) }] : []),
    ...(unreachable ? [{ message: caseErrors("unexpected") }] : []),
    ...channelErrors.map((message) => ({ message, controlId: "intake-channel" })),
    ...REPORT_FIELD_ORDER.filter((field) => field !== "officeCode").flatMap((field) =>
      errorsOf(field).map((message) => ({ message, controlId: controlIdOf(field) })),
    ),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending || uploads.isUploading) return;
    // Files chosen before the page finished loading are still in the input: upload them first.
    const fileInput = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]');
    if (fileInput?.files?.length) {
      uploads.addFiles(Array.from(fileInput.files));
      fileInput.value = "";
      return;
    }
    const formData = new FormData(event.currentTarget);
    // The files were uploaded already; the form sends their tokens.
    formData.delete("evidence");
    submit(formData);
  }

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead", { office: office.name })} />
      <form action={formAction} onSubmit={handleSubmit} noValidate className="space-y-6">
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey || idempotencyKey} />
        {summaryItems.length > 0 ? <ErrorSummary title={caseErrors("summary")} items={summaryItems} focusKey={unreachable ?? state} /> : null}

        <SectionCard title={t("sections.channel")}>
          <Field id="intake-channel" label={t("channel")} hint={t("channelHint")} errors={channelErrors}>
            {(control) => (
              <select {...control} name="channel" defaultValue={values.channel ?? "WALK_IN"} className={inputClassName}>
                {INTAKE_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {labels(channel)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </SectionCard>

        <SectionCard title={t("sections.what")}>
          <KindChoice
            value={kind}
            onChange={(next) => {
              setKind(next);
              if (next === "PUNGLI" && categoryCode === "") setCategoryCode("PUNGLI");
            }}
            binding={bind("kind")}
          />
        </SectionCard>

        <SectionCard title={t("sections.where")}>
          <IncidentFields
            offices={[office]}
            services={services}
            categories={categories}
            values={{ ...values, officeCode: office.code }}
            dateLimits={dateLimits}
            serviceCode={serviceCode}
            onServiceChange={setServiceCode}
            categoryCode={categoryCode}
            onCategoryChange={setCategoryCode}
            onIncidentDateChange={setIncidentDate}
            bind={bind}
            isHydrated={isHydrated}
          />
        </SectionCard>

        <div hidden={isHydrated && kind !== "PUNGLI"}>
          <SectionCard title={t("sections.pungli")}>
            <PungliDetails services={services} serviceCode={serviceCode} incidentDate={incidentDate} values={values} bind={bind} isHydrated={isHydrated} />
          </SectionCard>
        </div>

        <SectionCard title={t("sections.evidence")}>
          <EvidencePicker
            inputId={controlIdOf("evidence")}
            label={t("evidence.label")}
            hint={<p>{t("evidence.hint", { maxFiles: REPORT_LIMITS.files, maxMegabytes: REPORT_LIMITS.fileBytes / MEBIBYTE })}</p>}
            errors={errorsOf("evidence")}
            isHydrated={isHydrated}
            stagedFromServer={stagedFromServer}
            uploads={uploads}
          />
        </SectionCard>

        <SectionCard title={t("sections.identity")}>
          <IdentitySection reporterMode={reporterMode} onReporterModeChange={setReporterMode} values={values} bind={bind} isHydrated={isHydrated} />
        </SectionCard>

        <SectionCard title={t("sections.send")}>
          <p>{t("handover")}</p>
          <button type="submit" disabled={isPending || uploads.isUploading} className={buttonClassName}>
            {isPending ? t("saving") : uploads.isUploading ? t("waitingForUploads") : t("submit")}
          </button>
        </SectionCard>
      </form>
    </div>
  );
}
