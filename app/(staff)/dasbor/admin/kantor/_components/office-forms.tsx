"use client";

import { useTranslations } from "next-intl";

import { ActionButtonForm, RecordInputs, ReferenceFormMessage, ReferenceSelectField, ReferenceTextField, SubmitButton, useReferenceForm } from "@/components/reference-form";
import { closeOfficeAction, createOfficeAction, reopenOfficeAction, updateOfficeAction } from "@/lib/offices/actions";
import { OFFICE_CLASSES, PROVINCES } from "@/lib/offices/provinces";
import { OFFICE_TEXT_LIMITS } from "@/lib/offices/schemas";

type OfficeDetails = { name: string; officeClass: string | null; address: string | null; phone: string | null; openingHours: string | null };

/** Name, class, address, phone and opening hours: what both the add and the edit form hold. */
function OfficeDetailFields({ form, idPrefix, office }: { form: ReturnType<typeof useReferenceForm>; idPrefix: string; office: OfficeDetails | null }) {
  const t = useTranslations("AdminOffices.fields");
  return (
    <>
      <ReferenceTextField form={form} idPrefix={idPrefix} name="name" label={t("name")} hint={t("nameHint")} defaultValue={office?.name} maxLength={OFFICE_TEXT_LIMITS.name} isRequired />
      <ReferenceSelectField
        form={form}
        idPrefix={idPrefix}
        name="officeClass"
        label={t("officeClass")}
        defaultValue={office?.officeClass}
        emptyLabel={t("officeClassUnknown")}
        options={OFFICE_CLASSES.map((officeClass) => ({ value: officeClass, label: officeClass }))}
      />
      <ReferenceTextField form={form} idPrefix={idPrefix} name="address" label={t("address")} labelNote={t("optional")} defaultValue={office?.address} maxLength={OFFICE_TEXT_LIMITS.address} rows={3} />
      <ReferenceTextField form={form} idPrefix={idPrefix} name="phone" type="tel" label={t("phone")} labelNote={t("optional")} defaultValue={office?.phone} maxLength={OFFICE_TEXT_LIMITS.phone} />
      <ReferenceTextField
        form={form}
        idPrefix={idPrefix}
        name="openingHours"
        label={t("openingHours")}
        labelNote={t("optional")}
        hint={t("openingHoursHint")}
        defaultValue={office?.openingHours}
        maxLength={OFFICE_TEXT_LIMITS.openingHours}
      />
    </>
  );
}

export function OfficeEditForm({ office }: { office: OfficeDetails & { id: number; version: number } }) {
  const t = useTranslations("AdminOffices");
  const form = useReferenceForm(updateOfficeAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ officeId: office.id, version: office.version }} />
      <ReferenceFormMessage form={form} />
      <OfficeDetailFields form={form} idPrefix="office" office={office} />
      <SubmitButton form={form}>{t("save")}</SubmitButton>
    </form>
  );
}

export function OfficeCreateForm({ regionalOffices }: { regionalOffices: { id: number; name: string }[] }) {
  const t = useTranslations("AdminOffices");
  const fields = useTranslations("AdminOffices.fields");
  const form = useReferenceForm(createOfficeAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <ReferenceFormMessage form={form} />
      <ReferenceTextField form={form} idPrefix="new-office" name="code" label={fields("code")} hint={fields("codeHint")} maxLength={OFFICE_TEXT_LIMITS.code} isRequired />
      <ReferenceSelectField
        form={form}
        idPrefix="new-office"
        name="regionalOfficeId"
        label={fields("regionalOffice")}
        emptyLabel={fields("choose")}
        options={regionalOffices.map((region) => ({ value: String(region.id), label: region.name }))}
      />
      <ReferenceSelectField
        form={form}
        idPrefix="new-office"
        name="province"
        label={fields("province")}
        emptyLabel={fields("choose")}
        options={PROVINCES.map((province) => ({ value: province, label: province }))}
      />
      <ReferenceTextField form={form} idPrefix="new-office" name="city" label={fields("city")} maxLength={OFFICE_TEXT_LIMITS.city} isRequired />
      <OfficeDetailFields form={form} idPrefix="new-office" office={null} />
      <p className="text-slate-700">{t("createFixedNote")}</p>
      <SubmitButton form={form}>{t("create")}</SubmitButton>
    </form>
  );
}

export function OfficeStatusForm({ office }: { office: { id: number; version: number; isActive: boolean } }) {
  const t = useTranslations("AdminOffices.status");
  const values = { officeId: office.id, version: office.version };
  return office.isActive ? (
    <ActionButtonForm action={closeOfficeAction} values={values} label={t("close")} description={t("closeDescription")} isSecondary />
  ) : (
    <ActionButtonForm action={reopenOfficeAction} values={values} label={t("reopen")} description={t("reopenDescription")} />
  );
}
