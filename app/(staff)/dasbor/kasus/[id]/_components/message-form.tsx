"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";

import { Field, FieldError, errorIdOf } from "@/components/form-controls";
import { inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { postCaseMessageAction } from "@/lib/cases/actions";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { MESSAGE_KIND_ICONS } from "./message-kind-icons";
import { useCaseForm } from "./use-case-form";

export type ReplyTemplate = { key: string; title: string; body: string };

type MessageFormProps = {
  caseId: string;
  version: number;
  /** Templates in the reporter's language. */
  templates: ReplyTemplate[];
  templateLanguage: string;
};

/*
 * The parts that depend on the chosen kind (the confirmation, the signature, the button's words
 * and colour) follow the checked radio through CSS (:has), so they work without JavaScript too.
 */
const WHEN_PUBLIC = "hidden group-has-[#message-kind-public:checked]/message:flex";
const WHEN_INTERNAL = "hidden group-has-[#message-kind-internal:checked]/message:flex";
const WHEN_NONE = "flex group-has-[input[name=kind]:checked]/message:hidden";

function KindIcon({ kind, className }: { kind: keyof typeof MESSAGE_KIND_ICONS; className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-5 shrink-0 fill-current ${className}`}>
      <path fillRule="evenodd" clipRule="evenodd" d={MESSAGE_KIND_ICONS[kind]} />
    </svg>
  );
}

/**
 * A public reply or an internal note. Nothing is chosen when the form opens or after a message
 * is sent: the actor picks the kind every time, a reply must be confirmed (the server checks
 * both), and the two look different here as in the conversation: words, colour and icon.
 * Templates fill the text (with JavaScript) and choose a reply, which still needs confirming.
 */
export function MessageForm({ caseId, version, templates, templateLanguage }: MessageFormProps) {
  const t = useTranslations("CaseActions");
  const form = useCaseForm(postCaseMessageAction);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const publicRef = useRef<HTMLInputElement>(null);
  const kind = form.valueOf("kind");
  const kindErrors = form.errorsOf("kind");
  const confirmErrors = form.errorsOf("isPublicConfirmed");

  function applyTemplate(template: ReplyTemplate) {
    if (bodyRef.current) {
      bodyRef.current.value = template.body;
      bodyRef.current.focus();
    }
    if (publicRef.current) publicRef.current.checked = true;
  }

  return (
    <form action={form.formAction} noValidate className="group/message space-y-4">
      <CaseRefInputs caseId={caseId} version={version} />
      <ActionFeedback state={form.state} form="message" />
      <fieldset className={kindErrors ? "space-y-2 border-l-4 border-red-700 pl-3" : "space-y-2"} aria-describedby={kindErrors ? errorIdOf("message-kind") : undefined}>
        <legend className="font-semibold text-slate-900">{t("message.kind")}</legend>
        <FieldError id={errorIdOf("message-kind")} messages={kindErrors} />
        <div className="grid gap-2 sm:grid-cols-2">
          <div className="flex items-start gap-3 rounded-lg border-2 border-sky-300 bg-sky-50 px-3 py-2 has-[:checked]:border-sky-700 has-[:checked]:ring-2 has-[:checked]:ring-sky-700">
            <input ref={publicRef} type="radio" id="message-kind-public" name="kind" value="PUBLIC_REPLY" defaultChecked={kind === "PUBLIC_REPLY"} aria-describedby="message-kind-public-hint" className="mt-1 size-5 shrink-0 accent-sky-800" />
            <label htmlFor="message-kind-public" className="cursor-pointer">
              <span className="flex items-center gap-1.5 font-semibold text-sky-950">
                <KindIcon kind="PUBLIC_REPLY" className="text-sky-900" />
                {t("message.publicReply")}
              </span>
              <span id="message-kind-public-hint" className="block text-sm text-sky-950">
                {t("message.publicReplyHint")}
              </span>
            </label>
          </div>
          <div className="flex items-start gap-3 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-3 py-2 has-[:checked]:border-solid has-[:checked]:border-amber-700 has-[:checked]:ring-2 has-[:checked]:ring-amber-700">
            <input type="radio" id="message-kind-internal" name="kind" value="INTERNAL_NOTE" defaultChecked={kind === "INTERNAL_NOTE"} aria-describedby="message-kind-internal-hint" className="mt-1 size-5 shrink-0 accent-amber-800" />
            <label htmlFor="message-kind-internal" className="cursor-pointer">
              <span className="flex items-center gap-1.5 font-semibold text-amber-950">
                <KindIcon kind="INTERNAL_NOTE" className="text-amber-900" />
                {t("message.internalNote")}
              </span>
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
        {(control) => (
          <textarea
            {...control}
            ref={bodyRef}
            name="body"
            rows={5}
            defaultValue={form.valueOf("body")}
            className={`${inputClassName} group-has-[#message-kind-internal:checked]/message:border-dashed group-has-[#message-kind-internal:checked]/message:border-amber-700 group-has-[#message-kind-internal:checked]/message:bg-amber-50 group-has-[#message-kind-public:checked]/message:border-sky-700 group-has-[#message-kind-public:checked]/message:bg-sky-50`}
          />
        )}
      </Field>

      <div className={`${WHEN_PUBLIC} items-start gap-3`}>
        <input type="checkbox" id="message-isSigned" name="isSigned" defaultChecked={form.valueOf("isSigned") === "on"} aria-describedby="message-isSigned-hint" className="mt-1 size-5 shrink-0 accent-brand-800" />
        <label htmlFor="message-isSigned">
          <span className="block">{t("message.isSigned")}</span>
          <span id="message-isSigned-hint" className="block text-sm text-slate-700">
            {t("message.isSignedHint")}
          </span>
        </label>
      </div>
      <div className={`${WHEN_PUBLIC} flex-col gap-1 rounded-lg border-2 border-sky-700 bg-sky-50 px-3 py-2 ${confirmErrors ? "border-l-8 border-l-red-700" : ""}`}>
        <FieldError id={errorIdOf("message-isPublicConfirmed")} messages={confirmErrors} />
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            id="message-isPublicConfirmed"
            name="isPublicConfirmed"
            aria-invalid={confirmErrors ? true : undefined}
            aria-describedby={confirmErrors ? errorIdOf("message-isPublicConfirmed") : undefined}
            className="mt-1 size-5 shrink-0 accent-sky-800"
          />
          <label htmlFor="message-isPublicConfirmed" className="font-semibold text-sky-950">
            {t("message.confirmPublic")}
          </label>
        </div>
      </div>

      <p className={`${WHEN_NONE} text-sm text-slate-700`}>{t("message.chooseFirst")}</p>
      <button
        type="submit"
        disabled={form.isPending}
        className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border-2 border-slate-500 bg-slate-100 px-5 py-2.5 font-semibold text-slate-900 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 group-has-[#message-kind-public:checked]/message:border-sky-800 group-has-[#message-kind-public:checked]/message:bg-sky-800 group-has-[#message-kind-public:checked]/message:text-white group-has-[#message-kind-internal:checked]/message:border-dashed group-has-[#message-kind-internal:checked]/message:border-amber-800 group-has-[#message-kind-internal:checked]/message:bg-amber-100 group-has-[#message-kind-internal:checked]/message:text-amber-950"
      >
        {form.isPending ? (
          t("saving")
        ) : (
          <>
            <span className={WHEN_NONE}>{t("message.submitChoose")}</span>
            <span className={`${WHEN_PUBLIC} items-center gap-2`}>
              <KindIcon kind="PUBLIC_REPLY" className="" />
              {t("message.submitPublic")}
            </span>
            <span className={`${WHEN_INTERNAL} items-center gap-2`}>
              <KindIcon kind="INTERNAL_NOTE" className="" />
              {t("message.submitInternal")}
            </span>
          </>
        )}
      </button>
    </form>
  );
}
