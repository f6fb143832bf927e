"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { escalateCaseAction, linkCaseAction, setDeadlineTierAction } from "@/lib/cases/actions";
import { DEADLINE_TIERS, LINK_KINDS } from "@/lib/cases/schemas";
import type { DeadlineTier } from "@/lib/generated/prisma/enums";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

type CaseRef = { caseId: string; version: number };

export function DeadlineTierForm({ caseId, version, tier }: CaseRef & { tier: DeadlineTier }) {
  const t = useTranslations("CaseActions.tier");
  const actions = useTranslations("CaseActions");
  const labels = useTranslations("CaseLabels.tier");
  const form = useCaseForm(setDeadlineTierAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} version={version} />
      <ActionFeedback state={form.state} form="tier" />
      <Field id="tier-tier" label={t("label")} hint={t("hint")} errors={form.errorsOf("tier")}>
        {(control) => (
          <select {...control} name="tier" defaultValue={form.valueOf("tier", tier)} className={inputClassName}>
            {DEADLINE_TIERS.map((option) => (
              <option key={option} value={option}>
                {labels(option)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}

export function LinkCaseForm({ caseId, version }: CaseRef) {
  const t = useTranslations("CaseActions.link");
  const actions = useTranslations("CaseActions");
  const labels = useTranslations("CaseLabels.linkKind");
  const form = useCaseForm(linkCaseAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} version={version} />
      <ActionFeedback state={form.state} form="link" />
      <Field id="link-targetTrackingCode" label={t("code")} errors={form.errorsOf("targetTrackingCode")}>
        {(control) => (
          <input {...control} name="targetTrackingCode" autoComplete="off" spellCheck={false} defaultValue={form.valueOf("targetTrackingCode")} className={`${inputClassName} font-mono uppercase`} />
        )}
      </Field>
      <Field id="link-kind" label={t("kind")} errors={form.errorsOf("kind")}>
        {(control) => (
          <select {...control} name="kind" defaultValue={form.valueOf("kind", "RELATED")} className={inputClassName}>
            {LINK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labels(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}

export function EscalationForm({ caseId }: { caseId: string }) {
  const t = useTranslations("CaseActions.escalation");
  const actions = useTranslations("CaseActions");
  const form = useCaseForm(escalateCaseAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="escalation" />
      <Field id="escalation-note" label={t("note")} errors={form.errorsOf("note")}>
        {(control) => <textarea {...control} name="note" rows={2} defaultValue={form.valueOf("note")} className={inputClassName} />}
      </Field>
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}
