"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { isAdminErrorCode, type StaffActionState, type StaffFormName } from "@/lib/staff/action-state";

/** Turns a staff action's code into a sentence: the shared AdminErrors first, then this area's own. */
export function useStaffMessage(): (code: string) => string {
  const adminErrors = useTranslations("AdminErrors");
  const staffErrors = useTranslations("AdminStaff.errors");
  return (code) => {
    if (isAdminErrorCode(code)) return adminErrors(code);
    // A code this build does not know (a newer server) reads as the generic message, never raw.
    return staffErrors.has(code as never) ? staffErrors(code as never) : adminErrors("unexpected");
  };
}

/** The error message of one field of the last failed submission of `form`, translated. */
export function useStaffFieldErrors(state: StaffActionState, form: StaffFormName) {
  const messageOf = useStaffMessage();
  return (field: string): string[] | undefined => {
    if (state.status !== "error" || state.form !== form) return undefined;
    const code = state.fieldErrors[field as keyof typeof state.fieldErrors];
    return code ? [messageOf(code)] : undefined;
  };
}

/** What came of the last submission of `form`: a confirmation, or a translated refusal that takes focus. */
export function StaffFeedback({ state, form }: { state: StaffActionState; form: StaffFormName }) {
  const notices = useTranslations("AdminStaff.notices");
  const messageOf = useStaffMessage();
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => alertRef.current?.focus(), [state]);

  if (state.status === "idle" || state.form !== form) return <div aria-live="polite" />;
  if (state.status === "success") {
    return (
      <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 font-semibold text-emerald-900">
        {notices(state.notice)}
      </p>
    );
  }
  return (
    <p ref={alertRef} role="alert" tabIndex={-1} className="rounded-lg border border-red-300 border-l-4 border-l-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900">
      {messageOf(state.message)}
    </p>
  );
}
