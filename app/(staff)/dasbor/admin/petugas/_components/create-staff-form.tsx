"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Field } from "@/components/form-controls";
import { buttonClassName, inputClassName } from "@/components/form-styles";
import { IDLE_STAFF_STATE } from "@/lib/staff/action-state";
import { createStaffAction } from "@/lib/staff/actions";
import type { ScopeOptions } from "@/lib/staff/staff-directory";

import { OneTimeLinkPanel } from "./one-time-link";
import { StaffFeedback, useStaffFieldErrors } from "./staff-feedback";
import { StaffScopeFields } from "./staff-scope-fields";

/** A new account; on success the one-time link is shown above an empty form for the next person. */
export function CreateStaffForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations("AdminStaff.form");
  const [state, formAction, isPending] = useActionState(createStaffAction, IDLE_STAFF_STATE);
  const errorsOf = useStaffFieldErrors(state, "create");
  const values = state.status === "error" ? state.values : {};
  // A new key after each answer: the form starts over from the values it should show.
  const formKey = state.status === "success" ? state.link?.url : JSON.stringify(values);

  return (
    <div className="space-y-6">
      {state.status === "success" && state.link ? <OneTimeLinkPanel link={state.link} showAccountLink /> : null}
      <form key={formKey} action={formAction} noValidate className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <StaffFeedback state={state} form="create" />
        <Field id="staff-name" label={t("name")} errors={errorsOf("name")}>
          {(control) => <input {...control} name="name" type="text" autoComplete="off" maxLength={120} required defaultValue={values.name ?? ""} className={inputClassName} />}
        </Field>
        <Field id="staff-email" label={t("email")} hint={t("emailHint")} errors={errorsOf("email")}>
          {(control) => (
            <input {...control} name="email" type="email" autoComplete="off" spellCheck={false} maxLength={254} required defaultValue={values.email ?? ""} className={inputClassName} />
          )}
        </Field>
        <StaffScopeFields
          idPrefix="staff"
          options={options}
          defaults={{ role: values.role ?? "OFFICER", scopeLevel: values.scopeLevel ?? "OFFICE", officeId: values.officeId ?? "", regionalOfficeId: values.regionalOfficeId ?? "" }}
          errorsOf={errorsOf}
        />
        <button type="submit" disabled={isPending} className={buttonClassName}>
          {isPending ? t("sending") : t("create")}
        </button>
      </form>
    </div>
  );
}
