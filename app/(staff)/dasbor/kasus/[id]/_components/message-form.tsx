"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { postCaseMessageAction } from "@/lib/cases/actions";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

export type ReplyTemplate = { key: string; title: string; body: string };

type MessageFormProps = {
  caseId: string;
  version: number;
  /** Templates in the reporter's language. */
  templates: ReplyTemplate[];
  templateLanguage: string;
};

/**
 * A public reply or an internal note. The two are told apart here as in the conversation: by
 * words, colour and an icon. Templates fill the text (with JavaScript) and make it a reply.
 */
export function MessageForm({ caseId, version, templates, templateLanguage }: MessageFormProps) {
  const t = useTranslations("CaseActions");
  const form = useCaseForm(postCaseMessageAction);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const publicRef = useRef<HTMLInputElement>(null);
  const kind = form.valueOf("kind", "PUBLIC_REPLY");

  function applyTemplate(template: ReplyTemplate) {
    if (bodyRef.current) {
      bodyRef.current.value = template.body;
      bodyRef.current.focus();
    }
    if (publicRef.current) publicRef.current.checked = true;
  }

  return (
    <form action={form.formAction} className="space-y-4">
      <CaseRefInputs caseId={caseId} version={version} />
      <ActionFeedback state={form.state} form="message" />
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">{t("message.kind")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <div className="flex items-start gap-3 rounded-lg border-2 border-sky-300 bg-sky-50 px-3 py-2 has-[:checked]:border-sky-700">
            <input ref={publicRef} type="radio" id="message-kind-public" name="kind" value="PUBLIC_REPLY" defaultChecked={kind === "PUBLIC_REPLY"} aria-describedby="message-kind-public-hint" className="mt-1 size-5 shrink-0 accent-sky-800" />
            <label htmlFor="message-kind-public" className="cursor-pointer">
              <span className="block font-semibold text-sky-950">{t("message.publicReply")}</span>
              <span id="message-kind-public-hint" className="block text-sm text-sky-950">
                {t("message.publicReplyHint")}
              </span>
            </label>
          </div>
          <div className="flex items-start gap-3 rounded-lg border-2 border-amber-300 bg-amber-50 px-3 py-2 has-[:checked]:border-amber-700">
            <input type="radio" id="message-kind-internal" name="kind" value="INTERNAL_NOTE" defaultChecked={kind === "INTERNAL_NOTE"} aria-describedby="message-kind-internal-hint" className="mt-1 size-5 shrink-0 accent-amber-800" />
            <label htmlFor="message-kind-internal" className="cursor-pointer">
              <span className="block font-semibold text-amber-950">{t("message.internalNote")}</span>
              <span id="message-kind-internal-hint" className="block text-sm text-amber-950">
                {t("message.internalNoteHint")}
              </span>
            </label>
          </div>
        </div>
      </fieldset>

      {templates.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-semibold text-slate-900">{t("message.templates", { language: templateLanguage })}</p>
          <div className="flex flex-wrap gap-2">
            {templates.map((template) => (
              <button key={template.key} type="button" onClick={() => applyTemplate(template)} className={`${secondaryButtonClassName} min-h-9 px-3 py-1 text-sm`}>
                {t("message.useTemplate", { title: template.title })}
              </button>
            ))}
          </div>
        </div>
      ) : null}

      <Field id="message-body" label={t("message.body")} errors={form.errorsOf("body")}>
        {(control) => <textarea {...control} ref={bodyRef} name="body" rows={5} defaultValue={form.valueOf("body")} className={inputClassName} />}
      </Field>
      <div className="flex items-start gap-3">
        <input type="checkbox" id="message-isSigned" name="isSigned" defaultChecked={form.valueOf("isSigned") === "on"} aria-describedby="message-isSigned-hint" className="mt-1 size-5 shrink-0 accent-brand-800" />
        <label htmlFor="message-isSigned">
          <span className="block">{t("message.isSigned")}</span>
          <span id="message-isSigned-hint" className="block text-sm text-slate-700">
            {t("message.isSignedHint")}
          </span>
        </label>
      </div>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? t("saving") : t("message.submit")}
      </button>
    </form>
  );
}
