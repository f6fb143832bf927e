"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { declareInvolvementAction, decideInvolvementReportAction, markInvolvementAction, reportInvolvementAction, unmarkInvolvementAction } from "@/lib/cases/actions";
import type { Role } from "@/lib/generated/prisma/enums";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

/**
 * The conflict-of-interest forms (rules in lib/cases/involvement.ts). They carry no case version:
 * the data functions lock the case instead, so an unrelated save meanwhile does not refuse them.
 */

type Candidate = { id: string; name: string; role: Role };

function ReasonField({ id, label, hint, errors, defaultValue }: { id: string; label: string; hint?: string; errors: string[] | undefined; defaultValue: string }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} name="reason" rows={2} defaultValue={defaultValue} className={inputClassName} />}
    </Field>
  );
}

/** An officer steps aside; on success the action sends them to the queue. */
export function DeclareInvolvementForm({ caseId }: { caseId: string }) {
  const t = useTranslations("CaseActions.declareInvolvement");
  const actions = useTranslations("CaseActions");
  const form = useCaseForm(declareInvolvementAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="declareInvolvement" />
      <ReasonField id="declare-involvement-reason" label={t("reason")} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason")} />
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}

function StaffSelect({ id, label, choose, candidates, errors, defaultValue, describe }: {
  id: string;
  label: string;
  choose: string;
  candidates: Candidate[];
  errors: string[] | undefined;
  defaultValue: string;
  describe: (candidate: Candidate) => string;
}) {
  return (
    <Field id={id} label={label} errors={errors}>
      {(control) => (
        // Keyed by the value to refill: React updates a textarea's default after an action, but not a
        // select's, so the form reset that follows would otherwise drop the person chosen.
        <select key={defaultValue} {...control} name="staffUserId" defaultValue={defaultValue} className={inputClassName}>
          <option value="">{choose}</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {describe(candidate)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An officer reports a colleague; a supervisor decides. */
export function ReportInvolvementForm({ caseId, candidates }: { caseId: string; candidates: Candidate[] }) {
  const t = useTranslations("CaseActions.reportInvolvement");
  const actions = useTranslations("CaseActions");
  const roles = useTranslations("CaseLabels.role");
  const form = useCaseForm(reportInvolvementAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="reportInvolvement" />
      <StaffSelect
        id="report-involvement-staffUserId"
        label={t("staff")}
        choose={t("choose")}
        candidates={candidates}
        errors={form.errorsOf("staffUserId")}
        defaultValue={form.valueOf("staffUserId")}
        describe={(candidate) => `${candidate.name} (${roles(candidate.role)})`}
      />
      <ReasonField id="report-involvement-reason" label={t("reason")} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason")} />
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}

/** A supervisor or an admin marks anyone who can see the case, themselves included. */
export function MarkInvolvementForm({ caseId, candidates, actorId }: { caseId: string; candidates: Candidate[]; actorId: string }) {
  const t = useTranslations("CaseActions.markInvolvement");
  const actions = useTranslations("CaseActions");
  const roles = useTranslations("CaseLabels.role");
  const form = useCaseForm(markInvolvementAction);
  return (
    <form action={form.formAction} className="space-y-3">
      <CaseRefInputs caseId={caseId} />
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ActionFeedback state={form.state} form="markInvolvement" />
      <StaffSelect
        id="mark-involvement-staffUserId"
        label={t("staff")}
        choose={t("choose")}
        candidates={candidates}
        errors={form.errorsOf("staffUserId")}
        defaultValue={form.valueOf("staffUserId")}
        describe={(candidate) => (candidate.id === actorId ? t("self", { name: candidate.name }) : `${candidate.name} (${roles(candidate.role)})`)}
      />
      <ReasonField id="mark-involvement-reason" label={t("reason")} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason")} />
      <button type="submit" disabled={form.isPending} className={buttonClassName}>
        {form.isPending ? actions("saving") : t("submit")}
      </button>
    </form>
  );
}

/** Removes one mark, with a reason; folded away under the person's entry. */
export function UnmarkInvolvementForm({ caseId, staffUserId, staffName }: { caseId: string; staffUserId: string; staffName: string }) {
  const t = useTranslations("CaseActions.unmarkInvolvement");
  const actions = useTranslations("CaseActions");
  const form = useCaseForm(unmarkInvolvementAction);
  const failed = form.state.status === "error" || form.state.status === "conflict";
  return (
    <details open={failed} className="mt-1">
      <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-2">{t("open", { name: staffName })}</summary>
      <form action={form.formAction} className="mt-2 space-y-3">
        <CaseRefInputs caseId={caseId} />
        <input type="hidden" name="staffUserId" value={staffUserId} readOnly />
        <ActionFeedback state={form.state} form="unmarkInvolvement" />
        <ReasonField id={`unmark-involvement-${staffUserId}-reason`} label={t("reason")} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason")} />
        <button type="submit" disabled={form.isPending} className={secondaryButtonClassName}>
          {form.isPending ? actions("saving") : t("submit")}
        </button>
      </form>
    </details>
  );
}

/** Confirms or dismisses one pending report, with a note: the button pressed is the decision. */
export function DecideInvolvementForm({ caseId, reportId }: { caseId: string; reportId: string }) {
  const t = useTranslations("CaseActions.decideInvolvement");
  const actions = useTranslations("CaseActions");
  const form = useCaseForm(decideInvolvementReportAction);
  const noteId = `decide-involvement-${reportId}-note`;
  return (
    <form action={form.formAction} className="mt-2 space-y-3">
      <CaseRefInputs caseId={caseId} />
      <input type="hidden" name="reportId" value={reportId} readOnly />
      <ActionFeedback state={form.state} form="decideInvolvement" />
      <Field id={noteId} label={t("note")} hint={t("noteHint")} errors={form.errorsOf("note") ?? form.errorsOf("decision")}>
        {(control) => <textarea {...control} name="note" rows={2} defaultValue={form.valueOf("note")} className={inputClassName} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="CONFIRM" disabled={form.isPending} className={buttonClassName}>
          {form.isPending ? actions("saving") : t("confirm")}
        </button>
        <button type="submit" name="decision" value="DISMISS" disabled={form.isPending} className={secondaryButtonClassName}>
          {t("dismiss")}
        </button>
      </div>
    </form>
  );
}
