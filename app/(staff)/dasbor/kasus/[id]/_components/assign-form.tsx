"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { assignCaseAction } from "@/lib/cases/actions";

import { ActionFeedback } from "./action-feedback";
import { CaseRefInputs } from "./action-panel";
import { useCaseForm } from "./use-case-form";

type AssignFormProps = {
  caseId: string;
  version: number;
  currentAssignee: { id: string; name: string } | null;
  candidates: { id: string; name: string }[];
  /** The actor, when they may take the case themselves. */
  self: { id: string } | null;
};

export function AssignForm({ caseId, version, currentAssignee, candidates, self }: AssignFormProps) {
  const t = useTranslations("CaseActions");
  const labels = useTranslations("CaseLabels");
  const form = useCaseForm(assignCaseAction);
  const canTakeIt = self && currentAssignee?.id !== self.id && candidates.some((candidate) => candidate.id === self.id);

  return (
    <div className="space-y-3">
      <p>{t("assign.current", { name: currentAssignee?.name ?? labels("unassigned") })}</p>
      <ActionFeedback state={form.state} form="assign" />
      {canTakeIt ? (
        <form action={form.formAction}>
          <CaseRefInputs caseId={caseId} version={version} />
          <input type="hidden" name="assigneeId" value={self.id} readOnly />
          <button type="submit" disabled={form.isPending} className={`${secondaryButtonClassName} w-full`}>
            {t("assign.assignToMe")}
          </button>
        </form>
      ) : null}
      {/* Keyed on the version: a save by either form (or anyone) shows the select afresh with the case's assignee, not the choice left in the DOM. */}
      <form key={version} action={form.formAction} className="space-y-3">
        <CaseRefInputs caseId={caseId} version={version} />
        <Field id="assign-assigneeId" label={t("assign.assignee")} errors={form.errorsOf("assigneeId")}>
          {(control) => (
            <select {...control} name="assigneeId" defaultValue={form.valueOf("assigneeId", currentAssignee?.id ?? "")} className={inputClassName}>
              <option value="">{t("assign.nobody")}</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={form.isPending} className={buttonClassName}>
          {form.isPending ? t("saving") : t("assign.submit")}
        </button>
      </form>
    </div>
  );
}
