"use client";

import { useActionState } from "react";

import { buttonClassName, secondaryButtonClassName } from "@/components/form-styles";
import { IDLE_STAFF_STATE, type StaffActionState, type StaffFormName } from "@/lib/staff/action-state";
import {
  clearSignInLockAction,
  deactivateStaffAction,
  issuePasswordLinkAction,
  reactivateStaffAction,
  resetTotpAction,
} from "@/lib/staff/actions";

import { OneTimeLinkPanel } from "./one-time-link";
import { StaffFeedback } from "./staff-feedback";

const ACTIONS = {
  deactivate: deactivateStaffAction,
  reactivate: reactivateStaffAction,
  resetTotp: resetTotpAction,
  issueLink: issuePasswordLinkAction,
  clearLock: clearSignInLockAction,
} satisfies Partial<Record<StaffFormName, (previous: StaffActionState, formData: FormData) => Promise<StaffActionState>>>;

type StaffButtonFormProps = {
  form: keyof typeof ACTIONS;
  staffId: string;
  version: number;
  label: string;
  isDanger?: boolean;
  /** False once there is nothing left to do (no authenticator to reset): the answer to the last click stays. */
  showButton?: boolean;
};

/** One button that does one thing to an account, at the version the page showed, with its answer. */
export function StaffButtonForm({ form, staffId, version, label, isDanger = false, showButton = true }: StaffButtonFormProps) {
  const [state, formAction, isPending] = useActionState(ACTIONS[form], IDLE_STAFF_STATE);
  const dangerClassName =
    "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border-2 border-red-700 bg-white px-5 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:cursor-not-allowed";

  // The page re-renders after each change, and this same form may then offer the opposite action
  // (deactivate, then reactivate): the answer shown is this form's last one, whichever it was.
  const answeredForm = state.status === "idle" ? form : state.form;
  if (!showButton) return <StaffFeedback state={state} form={answeredForm} />;
  return (
    <div className="space-y-3">
      {state.status === "success" && state.link ? <OneTimeLinkPanel link={state.link} /> : null}
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="staffId" value={staffId} />
        <input type="hidden" name="version" value={version} />
        <StaffFeedback state={state} form={answeredForm} />
        <button type="submit" disabled={isPending} className={isDanger ? dangerClassName : form === "issueLink" ? buttonClassName : secondaryButtonClassName}>
          {label}
        </button>
      </form>
    </div>
  );
}
