"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { buttonClassName } from "@/components/form-styles";
import { IDLE_STAFF_STATE } from "@/lib/staff/action-state";
import { updateRoleScopeAction } from "@/lib/staff/actions";
import type { ScopeOptions } from "@/lib/staff/staff-directory";

import { StaffFeedback, useStaffFieldErrors } from "./staff-feedback";
import { StaffScopeFields, type ScopeValues } from "./staff-scope-fields";

type RoleScopeFormProps = { staffId: string; version: number; current: ScopeValues; options: ScopeOptions };

/** Role and scope of one account, at the version the page showed (optimistic locking). */
export function RoleScopeForm({ staffId, version, current, options }: RoleScopeFormProps) {
  const t = useTranslations("AdminStaff.form");
  const [state, formAction, isPending] = useActionState(updateRoleScopeAction, IDLE_STAFF_STATE);
  const errorsOf = useStaffFieldErrors(state, "roleScope");
  const typed = state.status === "error" && state.form === "roleScope" ? state.values : null;
  const defaults: ScopeValues = typed
    ? { role: typed.role ?? "", scopeLevel: typed.scopeLevel ?? "", officeId: typed.officeId ?? "", regionalOfficeId: typed.regionalOfficeId ?? "" }
    : current;

  return (
    <form key={`${version}-${JSON.stringify(defaults)}`} action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="version" value={version} />
      <StaffFeedback state={state} form="roleScope" />
      <StaffScopeFields idPrefix="edit" options={options} defaults={defaults} errorsOf={errorsOf} />
      <button type="submit" disabled={isPending} className={buttonClassName}>
        {isPending ? t("sending") : t("save")}
      </button>
    </form>
  );
}
