"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { ChoiceGroup, Field } from "@/components/form-controls";
import { inputClassName } from "@/components/form-styles";
import { useIsHydrated } from "@/components/use-is-hydrated";
import { SCOPE_LEVELS, STAFF_ROLES } from "@/lib/staff/rules";
import type { ScopeOptions } from "@/lib/staff/staff-directory";

export type ScopeValues = { role: string; scopeLevel: string; officeId: string; regionalOfficeId: string };

type StaffScopeFieldsProps = {
  idPrefix: string;
  options: ScopeOptions;
  defaults: ScopeValues;
  errorsOf: (field: string) => string[] | undefined;
};

/**
 * Role and scope, as the rules of lib/staff/rules.ts shape them. Without JavaScript every field
 * shows and the server applies the rules (an admin's scope becomes national, an officer must name
 * an office). Once the page runs, only the fields the chosen role and level use are shown.
 */
export function StaffScopeFields({ idPrefix, options, defaults, errorsOf }: StaffScopeFieldsProps) {
  const t = useTranslations("AdminStaff.form");
  const roles = useTranslations("AdminStaff.roles");
  const isHydrated = useIsHydrated();
  const [role, setRole] = useState(defaults.role);
  const [scopeLevel, setScopeLevel] = useState(defaults.scopeLevel);

  const effectiveLevel = role === "OFFICER" ? "OFFICE" : scopeLevel;
  const hasScopeChoice = role === "SUPERVISOR" || role === "SURVEYOR";
  const showScopeChoice = !isHydrated || hasScopeChoice || role === "";
  const showOffice = !isHydrated || (role !== "ADMIN" && effectiveLevel === "OFFICE");
  const showRegional = !isHydrated || (hasScopeChoice && effectiveLevel === "REGIONAL");

  return (
    <>
      <ChoiceGroup
        idPrefix={`${idPrefix}-role`}
        name="role"
        legend={t("role")}
        options={STAFF_ROLES.map((value) => ({ value, label: roles(value), hint: t(`roleHints.${value}`) }))}
        value={role}
        onChange={setRole}
        errors={errorsOf("role")}
      />
      {showScopeChoice ? (
        <ChoiceGroup
          idPrefix={`${idPrefix}-scopeLevel`}
          name="scopeLevel"
          legend={t("scope")}
          hint={t("scopeHint")}
          options={SCOPE_LEVELS.map((value) => ({ value, label: t(`scopeLevels.${value}`) }))}
          value={scopeLevel}
          onChange={setScopeLevel}
          errors={errorsOf("scopeLevel")}
          isInline
        />
      ) : (
        <input type="hidden" name="scopeLevel" value={role === "ADMIN" ? "NATIONAL" : "OFFICE"} />
      )}
      {showOffice ? (
        <Field id={`${idPrefix}-officeId`} label={t("office")} hint={isHydrated ? undefined : t("officeHint")} errors={errorsOf("officeId")}>
          {(control) => (
            <select {...control} name="officeId" defaultValue={defaults.officeId} className={inputClassName}>
              <option value="">{t("choose")}</option>
              {options.offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.isActive ? office.name : t("closedOffice", { name: office.name })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {showRegional ? (
        <Field id={`${idPrefix}-regionalOfficeId`} label={t("regionalOffice")} hint={isHydrated ? undefined : t("regionalOfficeHint")} errors={errorsOf("regionalOfficeId")}>
          {(control) => (
            <select {...control} name="regionalOfficeId" defaultValue={defaults.regionalOfficeId} className={inputClassName}>
              <option value="">{t("choose")}</option>
              {options.regionalOffices.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  );
}
