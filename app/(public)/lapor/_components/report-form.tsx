"use client";

import { useTranslations } from "next-intl";
import { useState, type FocusEvent, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { EvidencePicker } from "@/components/evidence-picker";
import { useEvidenceUploads } from "@/components/evidence-uploads";
import { buttonClassName } from "@/components/form-styles";
import { SectionCard } from "@/components/section-card";
import { useErrorMessage } from "@/components/use-error-message";
import { useIsHydrated } from "@/components/use-is-hydrated";
import type { SubmitReportState } from "@/lib/reports/actions";
import type { CategoryOption, OfficeOption, ServiceOption } from "@/lib/reports/lookups";
import { REPORT_LIMITS, type FieldErrors, type ReportField } from "@/lib/reports/limits";

import { IdentitySection } from "./identity-section";
import { IncidentFields } from "./incident-fields";
import { KindChoice } from "./kind-choice";
import { PungliDetails } from "./pungli-details";
import { controlIdOf, REPORT_FIELD_ORDER } from "./report-fields";

export type FieldBinding = { errors: string[]; onBlur: (event: FocusEvent<HTMLElement>) => void };
export type BindField = (field: ReportField) => FieldBinding;

/** Errors found in the browser, valid only as long as the server's state they were found on. */
type BrowserCheck = {
  basedOn: SubmitReportState;
  fieldErrors: FieldErrors<ReportField>;
  /** Set by a refused submit (focus goes to the summary), kept by later field checks. */
  summaryKey: object | null;
};

type ReportFormProps = {
  offices: OfficeOption[];
  services: ServiceOption[];
  categories: CategoryOption[];
  idempotencyKey: string;
  dateLimits: { earliest: string; latest: string };
  prefill?: Record<string, string>;
  state: Exclude<SubmitReportState, { status: "filed" }>;
  unreachable: object | null;
  formAction: (formData: FormData) => void;
  submit: (formData: FormData) => void;
  isPending: boolean;
};

const MEBIBYTE = 1024 * 1024;

/**
 * The form's full rules (zod, shared with the server) load when the reporter first checks a field
 * or sends, not with the page: they are most of the form's JavaScript and no one needs them to
 * read it. Without them (a failed load) the form still posts and the server checks everything.
 */
const loadReportRules = () => import("@/lib/reports/schemas");

/** Early feedback is a convenience: when the rules cannot load, the server's answer still comes. */
function skipEarlyCheck() {}

export function ReportForm(props: ReportFormProps) {
  const { state, unreachable, isPending } = props;
  const t = useTranslations("ReportForm");
  const errorMessage = useErrorMessage();
  const isHydrated = useIsHydrated();
  const values = state.status === "invalid" ? state.values : (props.prefill ?? {});
  const uploads = useEvidenceUploads(state.status === "invalid" ? state.stagedEvidence : []);

  const [kind, setKind] = useState(values.kind ?? "");
  const [serviceCode, setServiceCode] = useState(values.serviceCode ?? "");
  const [categoryCode, setCategoryCode] = useState(values.categoryCode ?? "");
  const [incidentDate, setIncidentDate] = useState(values.incidentDate ?? "");
  const [reporterMode, setReporterMode] = useState(values.reporterMode || "ANONYMOUS");
  const [storedCheck, setCheck] = useState<BrowserCheck | null>(null);

  const check = storedCheck?.basedOn === state ? storedCheck : null;
  const fieldErrors: FieldErrors<ReportField> = check?.fieldErrors ?? (state.status === "invalid" ? state.fieldErrors : {});
  const formErrors: string[] = [
    ...(check?.summaryKey || state.status !== "invalid" ? [] : state.formErrors),
    ...(unreachable && !check?.summaryKey ? ["submitFailed"] : []),
  ];
  const summaryKey = check?.summaryKey ?? unreachable ?? (state.status === "invalid" ? state : null);

  const errorsOf = (field: ReportField) => (fieldErrors[field] ?? []).map((code) => errorMessage(code, field));

  /**
   * Checks one field when the reporter leaves it: only a field already filled in or already
   * marked wrong, so tabbing through empty fields raises nothing. Waits a frame, so a value the
   * blur itself set (the office list picks an exact match) is in the form.
   */
  function checkField(field: ReportField, event: FocusEvent<HTMLElement>) {
    const form = event.currentTarget.closest("form");
    if (!form) return;
    loadReportRules().then(({ parseReportForm }) => requestAnimationFrame(() => {
      const formData = new FormData(form);
      const typed = formData.get(field);
      const isEmpty = typeof typed !== "string" || typed.trim() === "";
      const result = parseReportForm(formData);
      const codes = result.success ? undefined : result.fieldErrors[field];
      // Built on the latest check: a submit may have happened between the blur and this frame.
      setCheck((current) => {
        const latest = current?.basedOn === state ? current : null;
        const errors = latest?.fieldErrors ?? (state.status === "invalid" ? state.fieldErrors : {});
        if (isEmpty && !errors[field]?.length) return current;
        return { basedOn: state, fieldErrors: { ...errors, [field]: codes }, summaryKey: latest?.summaryKey ?? null };
      });
    }), skipEarlyCheck);
  }

  const bind: BindField = (field) => ({ errors: errorsOf(field), onBlur: (event) => checkField(field, event) });

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
    const hasFailedUploads = uploads.items.some((item) => item.state === "failed");
    loadReportRules().then(
      ({ parseReportForm }) => {
        const result = parseReportForm(formData);
        const errors: FieldErrors<ReportField> = result.success ? {} : { ...result.fieldErrors };
        delete errors.idempotencyKey;
        if (hasFailedUploads) errors.evidence = ["removeFailedFiles"];
        if (Object.values(errors).some((codes) => codes && codes.length > 0)) {
          setCheck({ basedOn: state, fieldErrors: errors, summaryKey: {} });
          return;
        }
        setCheck(null);
        props.submit(formData);
      },
      () => props.submit(formData),
    );
  }

  const summaryItems: ErrorSummaryItem[] = [
    ...formErrors.map((code) => ({ message: errorMessage(code) })),
    ...REPORT_FIELD_ORDER.flatMap((field) => errorsOf(field).map((message) => ({ message, controlId: controlIdOf(field) }))),
  ];

  const isPungliShown = !isHydrated || kind === "PUNGLI";
  const sectionNumber = (section: "evidence" | "identity" | "send") =>
    ({ evidence: 4, identity: 5, send: 6 })[section] - (isPungliShown ? 0 : 1);

  return (
    <form
      action={props.formAction}
      onSubmit={handleSubmit}
      noValidate
      className="space-y-6"
    >
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey || props.idempotencyKey} />
      {summaryItems.length > 0 ? <ErrorSummary title={t("errorSummaryTitle")} items={summaryItems} focusKey={summaryKey} /> : null}
      <p className="text-slate-700">{t("optionalNote")}</p>

      <SectionCard title={t("sections.what", { number: 1 })}>
        <KindChoice
          value={kind}
          onChange={(next) => {
            setKind(next);
            if (next === "PUNGLI" && categoryCode === "") setCategoryCode("PUNGLI");
          }}
          binding={bind("kind")}
        />
      </SectionCard>

      <SectionCard title={t("sections.where", { number: 2 })}>
        <IncidentFields
          offices={props.offices}
          services={props.services}
          categories={props.categories}
          values={values}
          dateLimits={props.dateLimits}
          serviceCode={serviceCode}
          onServiceChange={setServiceCode}
          categoryCode={categoryCode}
          onCategoryChange={setCategoryCode}
          onIncidentDateChange={setIncidentDate}
          bind={bind}
          isHydrated={isHydrated}
        />
      </SectionCard>

      <div hidden={!isPungliShown}>
        <SectionCard title={t("sections.pungli", { number: 3 })}>
          <PungliDetails
            services={props.services}
            serviceCode={serviceCode}
            incidentDate={incidentDate}
            values={values}
            bind={bind}
            isHydrated={isHydrated}
          />
        </SectionCard>
      </div>

      <SectionCard title={t("sections.evidence", { number: sectionNumber("evidence") })}>
        <EvidencePicker
          inputId={controlIdOf("evidence")}
          label={t("evidence.label")}
          hint={
            <>
              <p>{t("evidence.hint", { maxFiles: REPORT_LIMITS.files, maxMegabytes: REPORT_LIMITS.fileBytes / MEBIBYTE })}</p>
              <p>{t("evidence.privacy")}</p>
            </>
          }
          errors={errorsOf("evidence")}
          isHydrated={isHydrated}
          stagedFromServer={state.status === "invalid" ? state.stagedEvidence : []}
          uploads={uploads}
        />
      </SectionCard>

      <SectionCard title={t("sections.identity", { number: sectionNumber("identity") })}>
        <IdentitySection
          reporterMode={reporterMode}
          onReporterModeChange={setReporterMode}
          values={values}
          bind={bind}
          isHydrated={isHydrated}
        />
      </SectionCard>

      <SectionCard title={t("sections.send", { number: sectionNumber("send") })}>
        <p>{t("send.intro")}</p>
        <button type="submit" disabled={isPending || uploads.isUploading} className={`${buttonClassName} w-full text-lg sm:w-auto`}>
          {isPending ? t("send.pending") : uploads.isUploading ? t("send.waitingForUploads") : t("send.button")}
        </button>
        <p aria-live="polite" className="text-slate-700">
          {isPending ? t("send.pendingHint") : ""}
        </p>
      </SectionCard>
    </form>
  );
}
