"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { IDLE_CASE_ACTION_STATE, type CaseActionState } from "@/lib/cases/action-state";

type CaseAction = (previous: CaseActionState, formData: FormData) => Promise<CaseActionState>;

/**
 * One case form's state: the Server Action's answer, and helpers that refill what the actor typed
 * after an error or a conflict (nothing is lost) and translate field errors.
 */
export function useCaseForm(action: CaseAction) {
  const [state, formAction, isPending] = useActionState(action, IDLE_CASE_ACTION_STATE);
  const t = useTranslations("CaseErrors.fields");
  const failed = state.status === "error" || state.status === "conflict" ? state : null;
  return {
    state,
    formAction,
    isPending,
    /** What the actor submitted last time, or `fallback` (a form that succeeded starts afresh). */
    valueOf: (field: string, fallback = "") => failed?.values[field] ?? fallback,
    errorsOf: (field: string) => failed?.fieldErrors[field]?.map((code) => t(code)),
  };
}
