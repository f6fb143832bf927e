"use client";

import { useTranslations } from "next-intl";

import { ChoiceGroup } from "@/components/form-controls";

import type { FieldBinding } from "./report-form";

/** Section 1: a complaint about a service, or a pungli (illegal levy or broker) report. */
export function KindChoice({ value, onChange, binding }: { value: string; onChange: (kind: string) => void; binding: FieldBinding }) {
  const t = useTranslations("ReportForm.kind");

  return (
    <ChoiceGroup
      idPrefix="kind"
      name="kind"
      legend={t("legend")}
      options={[
        { value: "COMPLAINT", label: t("complaint.label"), hint: t("complaint.hint") },
        { value: "PUNGLI", label: t("pungli.label"), hint: t("pungli.hint") },
      ]}
      value={value}
      onChange={onChange}
      onBlur={binding.onBlur}
      errors={binding.errors}
    />
  );
}
