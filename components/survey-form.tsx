"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { ChoiceGroup, Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { RupiahInput } from "@/components/rupiah-input";
import { useIsHydrated } from "@/components/use-is-hydrated";
import { useProgressiveAction } from "@/components/use-progressive-action";
import { submitInterviewSurvey, submitVisitorSurvey, type SurveyFormState } from "@/lib/surveys/actions";
import { SURVEY_ELEMENTS } from "@/lib/surveys/elements";
import { ASKED_BY, RECEIPT_ANSWERS, SURVEY_COMMENT_MAX, SURVEY_FIELD_ORDER, YES_NO, type SurveyField } from "@/lib/surveys/schemas";

export type SurveyServiceOption = { code: string; name: string };

type SurveyFormProps = {
  /** "visitor": the public form (with or without an invitation code); "interview": a supervisor's or surveyor's entry. */
  mode: "visitor" | "interview";
  officeCode: string;
  invitationCode?: string;
  services: readonly SurveyServiceOption[];
};

const idle: SurveyFormState = { status: "idle" };
const LEVELS = ["1", "2", "3", "4"] as const;

/** The control a field's error links to. */
function controlIdOf(field: SurveyField): string {
  if (field === "serviceCode" || field === "askedToPayAmount" || field === "comment") return `survey-${field}`;
  const first = field === "askedToPayBy" ? ASKED_BY[0] : field === "receiptGiven" ? RECEIPT_ANSWERS[0] : field === "askedToPay" || field === "offeredShortcut" ? YES_NO[0] : LEVELS[0];
  return `survey-${field}-${first}`;
}

/**
 * The visitor survey: the service, the nine elements of PermenPAN-RB 14/2017 with the wording of
 * each level, the integrity questions and a comment. One page, radio buttons only, so a phone
 * answers it in under a minute; without JavaScript it posts as a plain form, and an answer that
 * is refused comes back with every choice kept and what is missing listed at the top.
 */
export function SurveyForm({ mode, officeCode, invitationCode, services }: SurveyFormProps) {
  const t = useTranslations("SurveyForm");
  const isHydrated = useIsHydrated();
  const { state, unreachable, formAction, submit, isPending } = useProgressiveAction(mode === "visitor" ? submitVisitorSurvey : submitInterviewSurvey, idle);
  const values: Partial<Record<SurveyField, string>> = state.status === "invalid" ? state.values : {};
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const [askedToPay, setAskedToPay] = useState(values.askedToPay ?? "");
  const showPaymentDetails = !isHydrated || askedToPay === "yes";

  const labelOf = (field: SurveyField): string => {
    const element = SURVEY_ELEMENTS.find((candidate) => candidate.key === field);
    if (element) return t(`elements.${element.key}.question`);
    switch (field) {
      case "serviceCode":
        return t("service");
      case "askedToPay":
      case "askedToPayAmount":
      case "askedToPayBy":
      case "offeredShortcut":
      case "receiptGiven":
      case "comment":
        return t(field);
      default:
        return field;
    }
  };
  const errorsOf = (field: SurveyField): string[] | undefined => {
    const code = fieldErrors[field];
    return code ? [t(`errors.${code}`, { field: labelOf(field) })] : undefined;
  };
  const summary: ErrorSummaryItem[] = [
    ...(state.status === "invalid" && state.formError ? [{ message: t(`errors.${state.formError}`) }] : []),
    ...(unreachable ? [{ message: t("errors.submitFailed") }] : []),
    ...SURVEY_FIELD_ORDER.flatMap((field) => (fieldErrors[field] ? [{ message: errorsOf(field)![0]!, controlId: controlIdOf(field) }] : [])),
  ];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={summary} focusKey={unreachable ?? state} />
      <input type="hidden" name="officeCode" value={officeCode} />
      {invitationCode ? <input type="hidden" name="invitationCode" value={invitationCode} /> : null}

      <Field id="survey-serviceCode" label={t("service")} errors={errorsOf("serviceCode")}>
        {(control) => (
          <select {...control} name="serviceCode" defaultValue={values.serviceCode ?? ""} className={inputClassName}>
            <option value="">{t("choose")}</option>
            {services.map((service) => (
              <option key={service.code} value={service.code}>
                {service.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <section className="space-y-4">
        <h2 className="text-lg font-semibold text-brand-900">{t("elementsTitle")}</h2>
        <p className="text-slate-700">{t("elementsHint")}</p>
        {SURVEY_ELEMENTS.map((element, index) => (
          <ChoiceGroup
            key={element.key}
            idPrefix={`survey-${element.key}`}
            name={element.key}
            legend={`${index + 1}. ${t(`elements.${element.key}.question`)}`}
            options={LEVELS.map((level) => ({ value: level, label: t(`elements.${element.key}.levels.${level}`) }))}
            defaultValue={values[element.key]}
            errors={errorsOf(element.key)}
            isInline
          />
        ))}
      </section>

      <section className="space-y-4">
        <h2 className="text-lg font-semibold text-brand-900">{t("integrityTitle")}</h2>
        <ChoiceGroup
          idPrefix="survey-askedToPay"
          name="askedToPay"
          legend={t("askedToPay")}
          options={YES_NO.map((value) => ({ value, label: t(value) }))}
          value={askedToPay}
          onChange={setAskedToPay}
          errors={errorsOf("askedToPay")}
          isInline
        />
        {showPaymentDetails ? (
          <div className="space-y-4 border-l-4 border-slate-200 pl-4">
            <Field id="survey-askedToPayAmount" label={t("askedToPayAmount")} hint={t("askedToPayAmountHint")} errors={errorsOf("askedToPayAmount")}>
              {(control) => <RupiahInput {...control} name="askedToPayAmount" defaultValue={values.askedToPayAmount ?? ""} maxLength={20} />}
            </Field>
            <ChoiceGroup
              idPrefix="survey-askedToPayBy"
              name="askedToPayBy"
              legend={t("askedToPayBy")}
              options={ASKED_BY.map((value) => ({ value, label: t(`askedBy.${value}`) }))}
              defaultValue={values.askedToPayBy}
              errors={errorsOf("askedToPayBy")}
              isInline
            />
          </div>
        ) : null}
        <ChoiceGroup
          idPrefix="survey-offeredShortcut"
          name="offeredShortcut"
          legend={t("offeredShortcut")}
          options={YES_NO.map((value) => ({ value, label: t(value) }))}
          defaultValue={values.offeredShortcut}
          errors={errorsOf("offeredShortcut")}
          isInline
        />
        <ChoiceGroup
          idPrefix="survey-receiptGiven"
          name="receiptGiven"
          legend={t("receiptGiven")}
          options={RECEIPT_ANSWERS.map((value) => ({ value, label: t(`receipt.${value}`) }))}
          defaultValue={values.receiptGiven}
          errors={errorsOf("receiptGiven")}
          isInline
        />
      </section>

      <Field id="survey-comment" label={t("comment")} hint={t("commentHint")} errors={errorsOf("comment")}>
        {(control) => <textarea {...control} name="comment" rows={3} maxLength={SURVEY_COMMENT_MAX} defaultValue={values.comment ?? ""} className={inputClassName} />}
      </Field>

      <button type="submit" className={buttonClassName} disabled={isPending}>
        {isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
