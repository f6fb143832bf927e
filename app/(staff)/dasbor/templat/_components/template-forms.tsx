"use client";

import { useTranslations } from "next-intl";

import { ActionButtonForm, RecordInputs, ReferenceFormMessage, ReferenceTextField, SubmitButton, useReferenceForm, type ReferenceForm } from "@/components/reference-form";
import { createReplyTemplateAction, deactivateReplyTemplateAction, reactivateReplyTemplateAction, updateReplyTemplateAction } from "@/lib/reply-templates/actions";
import { TEMPLATE_TEXT_LIMITS } from "@/lib/reply-templates/schemas";

type TemplateTexts = { titleId: string; bodyId: string; titleEn: string; bodyEn: string };

/** Each language in its own fieldset: a title and the reply's text. */
function TextFields({ form, idPrefix, template }: { form: ReferenceForm; idPrefix: string; template: TemplateTexts | null }) {
  const t = useTranslations("AdminTemplates.fields");
  return (
    <>
      {(["Id", "En"] as const).map((language) => (
        <fieldset key={language} className="space-y-5 rounded-lg border border-slate-300 p-4">
          <legend className="px-1 font-semibold text-slate-900">{t(`language${language}`)}</legend>
          <ReferenceTextField
            form={form}
            idPrefix={idPrefix}
            name={`title${language}`}
            label={t("title")}
            defaultValue={template?.[`title${language}`]}
            maxLength={TEMPLATE_TEXT_LIMITS.title}
            isRequired
          />
          <ReferenceTextField
            form={form}
            idPrefix={idPrefix}
            name={`body${language}`}
            label={t("body")}
            defaultValue={template?.[`body${language}`]}
            maxLength={TEMPLATE_TEXT_LIMITS.body}
            rows={6}
            isRequired
          />
        </fieldset>
      ))}
    </>
  );
}

export function TemplateCreateForm({ officeId }: { officeId: number | null }) {
  const t = useTranslations("AdminTemplates");
  const form = useReferenceForm(createReplyTemplateAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ officeId: officeId ?? "national" }} />
      <ReferenceFormMessage form={form} />
      <TextFields form={form} idPrefix="new-template" template={null} />
      <SubmitButton form={form}>{t("create")}</SubmitButton>
    </form>
  );
}

export function TemplateEditForm({ template }: { template: TemplateTexts & { id: number; version: number } }) {
  const t = useTranslations("AdminTemplates");
  const form = useReferenceForm(updateReplyTemplateAction);
  return (
    <form action={form.formAction} noValidate className="space-y-5">
      <RecordInputs values={{ templateId: template.id, version: template.version }} />
      <ReferenceFormMessage form={form} />
      <TextFields form={form} idPrefix="template" template={template} />
      <SubmitButton form={form}>{t("save")}</SubmitButton>
    </form>
  );
}

export function TemplateStatusForm({ template }: { template: { id: number; version: number; isActive: boolean } }) {
  const t = useTranslations("AdminTemplates.status");
  const values = { templateId: template.id, version: template.version };
  return template.isActive ? (
    <ActionButtonForm action={deactivateReplyTemplateAction} values={values} label={t("deactivate")} description={t("deactivateDescription")} isSecondary />
  ) : (
    <ActionButtonForm action={reactivateReplyTemplateAction} values={values} label={t("reactivate")} description={t("reactivateDescription")} />
  );
}
