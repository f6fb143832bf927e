"use client";

import { useTranslations } from "next-intl";

import { ActionButtonForm, RecordInputs, ReferenceFormMessage, ReferenceSelectField, ReferenceTextField, SubmitButton, useReferenceForm, type ReferenceForm } from "@/components/reference-form";
import { createCategoryAction, reinstateCategoryAction, retireCategoryAction, updateCategoryAction } from "@/lib/categories/actions";
import { CATEGORY_TEXT_LIMITS, PROBLEM_CODES } from "@/lib/categories/schemas";

type CategoryNames = { nameId: string; nameEn: string };

function NameFields({ form, idPrefix, category }: { form: ReferenceForm; idPrefix: string; category: CategoryNames | null }) {
  const t = useTranslations("AdminCategories.fields");
  return (
    <>
      <ReferenceTextField form={form} idPrefix={idPrefix} name="nameId" label={t("nameId")} defaultValue={category?.nameId} maxLength={CATEGORY_TEXT_LIMITS.name} isRequired />
      <ReferenceTextField form={form} idPrefix={idPrefix} name="nameEn" label={t("nameEn")} defaultValue={category?.nameEn} maxLength={CATEGORY_TEXT_LIMITS.name} isRequired />
    </>
  );
}

export function CategoryEditForm({ category }: { category: CategoryNames & { id: number; version: number } }) {
  const t = useTranslations("AdminCategories");
  const form = useReferenceForm(updateCategoryAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ categoryId: category.id, version: category.version }} />
      <ReferenceFormMessage form={form} />
      <NameFields form={form} idPrefix="category" category={category} />
      <SubmitButton form={form}>{t("save")}</SubmitButton>
    </form>
  );
}

export function CategoryCreateForm() {
  const t = useTranslations("AdminCategories");
  const fields = useTranslations("AdminCategories.fields");
  const form = useReferenceForm(createCategoryAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <ReferenceFormMessage form={form} />
      <ReferenceTextField form={form} idPrefix="new-category" name="code" label={fields("code")} hint={fields("codeHint")} maxLength={CATEGORY_TEXT_LIMITS.code} isRequired />
      <NameFields form={form} idPrefix="new-category" category={null} />
      <ReferenceSelectField
        form={form}
        idPrefix="new-category"
        name="problemCode"
        label={fields("problemCode")}
        hint={fields("problemCodeHint")}
        emptyLabel={fields("choose")}
        options={PROBLEM_CODES.map((code) => ({ value: code, label: t(`problemCodes.${code}`) }))}
      />
      <SubmitButton form={form}>{t("create")}</SubmitButton>
    </form>
  );
}

export function CategoryStatusForm({ category }: { category: { id: number; version: number; isActive: boolean } }) {
  const t = useTranslations("AdminCategories.status");
  const values = { categoryId: category.id, version: category.version };
  return category.isActive ? (
    <ActionButtonForm action={retireCategoryAction} values={values} label={t("retire")} description={t("retireDescription")} isSecondary />
  ) : (
    <ActionButtonForm action={reinstateCategoryAction} values={values} label={t("reinstate")} description={t("reinstateDescription")} />
  );
}
