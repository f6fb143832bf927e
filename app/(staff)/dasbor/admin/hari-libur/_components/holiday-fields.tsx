"use client";

import { useTranslations } from "next-intl";

import { ChoiceGroup, Field, inputClassName } from "@/components/form-controls";
import type { HolidayField } from "@/lib/holidays/action-state";
import type { HolidayKind } from "@/lib/generated/prisma/enums";

/** Date, names in both languages, kind (when there is a choice) and source: the add and edit forms share them. */
export function HolidayFields(props: {
  formId: string;
  values: Record<string, string | undefined>;
  kinds: readonly HolidayKind[];
  year: number;
  errorsOf: (field: HolidayField) => string[] | undefined;
}) {
  const t = useTranslations("AdminHolidays");
  const { formId, values, kinds, year, errorsOf } = props;
  return (
    <>
      <Field id={`${formId}-date`} label={t("form.date")} errors={errorsOf("date")}>
        {(control) => <input {...control} type="date" name="date" required min={`${year}-01-01`} max={`${year}-12-31`} defaultValue={values.date ?? ""} className={`${inputClassName} max-w-xs`} />}
      </Field>
      <Field id={`${formId}-name-id`} label={t("form.nameId")} errors={errorsOf("nameId")}>
        {(control) => <input {...control} type="text" name="nameId" lang="id" required maxLength={200} defaultValue={values.nameId ?? ""} className={inputClassName} />}
      </Field>
      <Field id={`${formId}-name-en`} label={t("form.nameEn")} errors={errorsOf("nameEn")}>
        {(control) => <input {...control} type="text" name="nameEn" lang="en" required maxLength={200} defaultValue={values.nameEn ?? ""} className={inputClassName} />}
      </Field>
      {kinds.length > 1 ? (
        <ChoiceGroup
          idPrefix={`${formId}-kind`}
          name="kind"
          legend={t("form.kind")}
          options={kinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          defaultValue={values.kind ?? kinds[0]}
          errors={errorsOf("kind")}
          isInline
        />
      ) : (
        <input type="hidden" name="kind" value={kinds[0]} />
      )}
      <Field id={`${formId}-source`} label={t("form.source")} labelNote={t("form.optional")} hint={t("form.sourceHint")} errors={errorsOf("source")}>
        {(control) => <input {...control} type="text" name="source" maxLength={1000} defaultValue={values.source ?? ""} className={inputClassName} />}
      </Field>
    </>
  );
}
