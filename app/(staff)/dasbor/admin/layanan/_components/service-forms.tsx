"use client";

import { useTranslations } from "next-intl";

import { ActionButtonForm, RecordInputs, ReferenceFormMessage, ReferenceTextField, SubmitButton, useReferenceForm, type ReferenceForm } from "@/components/reference-form";
import { addServiceFeeAction, createServiceAction, deleteServiceFeeAction, updateServiceAction } from "@/lib/services/actions";
import { SERVICE_TEXT_LIMITS } from "@/lib/services/schemas";

type ServiceNames = { nameId: string; nameEn: string; feeUnit: string | null };

function NameFields({ form, idPrefix, service }: { form: ReferenceForm; idPrefix: string; service: ServiceNames | null }) {
  const t = useTranslations("AdminServices.fields");
  return (
    <>
      <ReferenceTextField form={form} idPrefix={idPrefix} name="nameId" label={t("nameId")} defaultValue={service?.nameId} maxLength={SERVICE_TEXT_LIMITS.name} isRequired />
      <ReferenceTextField form={form} idPrefix={idPrefix} name="nameEn" label={t("nameEn")} defaultValue={service?.nameEn} maxLength={SERVICE_TEXT_LIMITS.name} isRequired />
      <ReferenceTextField
        form={form}
        idPrefix={idPrefix}
        name="feeUnit"
        label={t("feeUnit")}
        labelNote={t("optional")}
        hint={t("feeUnitHint")}
        defaultValue={service?.feeUnit}
        maxLength={SERVICE_TEXT_LIMITS.feeUnit}
      />
    </>
  );
}

/** The amount, the day it takes effect and its legal basis: a new fee, or a new service's first. */
function FeeFields({ form, idPrefix }: { form: ReferenceForm; idPrefix: string }) {
  const t = useTranslations("AdminServices.fields");
  return (
    <>
      <ReferenceTextField form={form} idPrefix={idPrefix} name="feeRupiah" label={t("feeRupiah")} hint={t("feeRupiahHint")} maxLength={20} isRequired isRupiah />
      <ReferenceTextField form={form} idPrefix={idPrefix} name="effectiveFrom" type="date" label={t("effectiveFrom")} hint={t("effectiveFromHint")} maxLength={10} isRequired />
      <ReferenceTextField
        form={form}
        idPrefix={idPrefix}
        name="legalBasis"
        label={t("legalBasis")}
        labelNote={t("optional")}
        hint={t("legalBasisHint")}
        maxLength={SERVICE_TEXT_LIMITS.legalBasis}
      />
    </>
  );
}

export function ServiceEditForm({ service }: { service: ServiceNames & { id: number; version: number } }) {
  const t = useTranslations("AdminServices");
  const form = useReferenceForm(updateServiceAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ serviceId: service.id, version: service.version }} />
      <ReferenceFormMessage form={form} />
      <NameFields form={form} idPrefix="service" service={service} />
      <SubmitButton form={form}>{t("save")}</SubmitButton>
    </form>
  );
}

export function ServiceCreateForm() {
  const t = useTranslations("AdminServices");
  const fields = useTranslations("AdminServices.fields");
  const form = useReferenceForm(createServiceAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <ReferenceFormMessage form={form} />
      <ReferenceTextField form={form} idPrefix="new-service" name="code" label={fields("code")} hint={fields("codeHint")} maxLength={SERVICE_TEXT_LIMITS.code} isRequired />
      <NameFields form={form} idPrefix="new-service" service={null} />
      <fieldset className="space-y-5 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold text-slate-900">{t("firstFee")}</legend>
        <FeeFields form={form} idPrefix="new-service" />
      </fieldset>
      <SubmitButton form={form}>{t("create")}</SubmitButton>
    </form>
  );
}

export function FeeAddForm({ service }: { service: { id: number; version: number } }) {
  const t = useTranslations("AdminServices");
  const form = useReferenceForm(addServiceFeeAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ serviceId: service.id, version: service.version }} />
      <ReferenceFormMessage form={form} />
      <FeeFields form={form} idPrefix="fee" />
      <SubmitButton form={form}>{t("addFee")}</SubmitButton>
    </form>
  );
}

export function FeeDeleteForm({ service, fee }: { service: { id: number; version: number }; fee: { id: number; label: string } }) {
  const t = useTranslations("AdminServices.history");
  return <ActionButtonForm action={deleteServiceFeeAction} values={{ serviceId: service.id, version: service.version, feeId: fee.id }} label={t("delete", { fee: fee.label })} isSecondary />;
}
