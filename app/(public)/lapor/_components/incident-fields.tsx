"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { Field } from "@/components/form-controls";
import { inputClassName } from "@/components/form-styles";
import type { CategoryOption, OfficeOption, ServiceOption } from "@/lib/reports/lookups";
import { REPORT_LIMITS } from "@/lib/reports/limits";

import { OfficePicker } from "./office-picker";
import type { BindField } from "./report-form";

/** Who, what, when, where, how: what a description needs to be acted on. */
const DESCRIPTION_GUIDANCE = ["who", "what", "when", "where", "how"] as const;

type IncidentFieldsProps = {
  offices: OfficeOption[];
  services: ServiceOption[];
  categories: CategoryOption[];
  values: Record<string, string>;
  dateLimits: { earliest: string; latest: string };
  serviceCode: string;
  onServiceChange: (code: string) => void;
  categoryCode: string;
  onCategoryChange: (code: string) => void;
  /** The fee shown follows the incident date (see PungliDetails). */
  onIncidentDateChange: (dateKey: string) => void;
  bind: BindField;
  isHydrated: boolean;
};

/** Section 2: the office, the service and kind of problem, when and where, and the story. */
export function IncidentFields(props: IncidentFieldsProps) {
  const { values, bind, isHydrated } = props;
  const t = useTranslations("ReportForm");
  const format = useFormatter();
  const [officeCode, setOfficeCode] = useState(values.officeCode ?? "");
  const [description, setDescription] = useState(values.description ?? "");
  const office = bind("officeCode");
  const service = bind("serviceCode");
  const category = bind("categoryCode");
  const incidentDate = bind("incidentDate");
  const incidentPlace = bind("incidentPlace");
  const descriptionBinding = bind("description");
  const formatFee = (rupiah: number) => format.number(rupiah, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

  return (
    <div className="space-y-6">
      <Field
        id="officeCode"
        label={t("office.label")}
        hint={isHydrated ? t("office.hintSearch") : t("office.hintSelect")}
        errors={office.errors}
      >
        {(control) => (
          <OfficePicker
            control={control}
            offices={props.offices}
            value={officeCode}
            onChange={setOfficeCode}
            onBlur={office.onBlur}
            isHydrated={isHydrated}
          />
        )}
      </Field>

      <Field id="serviceCode" label={t("service.label")} labelNote={t("optional")} hint={t("service.hint")} errors={service.errors}>
        {(control) => (
          <select
            {...control}
            name="serviceCode"
            value={props.serviceCode}
            onChange={(event) => props.onServiceChange(event.target.value)}
            onBlur={service.onBlur}
            className={inputClassName}
          >
            <option value="">{t("service.none")}</option>
            {props.services.map((option) => (
              <option key={option.code} value={option.code}>
                {t("service.option", { name: option.name, fee: formatFee(option.feeRupiah) })}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="categoryCode" label={t("category.label")} errors={category.errors}>
        {(control) => (
          <select
            {...control}
            name="categoryCode"
            value={props.categoryCode}
            onChange={(event) => props.onCategoryChange(event.target.value)}
            onBlur={category.onBlur}
            className={inputClassName}
          >
            <option value="">{t("category.choose")}</option>
            {props.categories.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="incidentDate" label={t("incidentDate.label")} hint={t("incidentDate.hint")} errors={incidentDate.errors}>
        {(control) => (
          <input
            {...control}
            type="date"
            name="incidentDate"
            defaultValue={values.incidentDate ?? ""}
            min={props.dateLimits.earliest}
            max={props.dateLimits.latest}
            onChange={(event) => props.onIncidentDateChange(event.target.value)}
            onBlur={incidentDate.onBlur}
            className={`${inputClassName} sm:max-w-xs`}
          />
        )}
      </Field>

      <Field
        id="incidentPlace"
        label={t("incidentPlace.label")}
        labelNote={t("optional")}
        hint={t("incidentPlace.hint")}
        errors={incidentPlace.errors}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            name="incidentPlace"
            defaultValue={values.incidentPlace ?? ""}
            onBlur={incidentPlace.onBlur}
            className={inputClassName}
          />
        )}
      </Field>

      <Field
        id="description"
        label={t("description.label")}
        hint={
          <>
            <p>{t("description.hintIntro")}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {DESCRIPTION_GUIDANCE.map((item) => (
                <li key={item}>{t(`description.guidance.${item}`)}</li>
              ))}
            </ul>
            <p className="mt-1">
              {t("description.limits", { min: REPORT_LIMITS.descriptionMin, max: REPORT_LIMITS.descriptionMax })}
            </p>
          </>
        }
        errors={descriptionBinding.errors}
        extraDescriptions={isHydrated ? ["description-counter"] : []}
      >
        {(control) => (
          <>
            <textarea
              {...control}
              name="description"
              rows={8}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              onBlur={descriptionBinding.onBlur}
              className={inputClassName}
            />
            {isHydrated ? <DescriptionCounter length={description.trim().length} /> : null}
          </>
        )}
      </Field>
    </div>
  );
}

function DescriptionCounter({ length }: { length: number }) {
  const t = useTranslations("ReportForm.description");
  const isTooLong = length > REPORT_LIMITS.descriptionMax;
  const isTooShort = length < REPORT_LIMITS.descriptionMin;

  return (
    <p id="description-counter" className={`text-sm ${isTooLong ? "font-semibold text-red-700" : "text-slate-700"}`}>
      {t("counter", { count: length, max: REPORT_LIMITS.descriptionMax })}
      {isTooShort ? ` ${t("counterTooShort", { remaining: REPORT_LIMITS.descriptionMin - length })}` : ""}
      {isTooLong ? ` ${t("counterTooLong", { excess: length - REPORT_LIMITS.descriptionMax })}` : ""}
    </p>
  );
}
