"use client";

import { useTranslations } from "next-intl";

import { ChoiceGroup, Field } from "@/components/form-controls";
import { inputClassName } from "@/components/form-styles";

import type { BindField } from "./report-form";

/** Who can see what, said before the reporter decides whether to give a name. */
const VISIBILITY_FACTS = ["officers", "supervisors", "conversation", "anonymous", "public"] as const;

type IdentitySectionProps = {
  reporterMode: string;
  onReporterModeChange: (mode: string) => void;
  values: Record<string, string>;
  bind: BindField;
  isHydrated: boolean;
};

/**
 * Section 5: anonymous (the default) or with a name and a way to be reached. The contact
 * fields show only for an identified report once JavaScript runs; without it they are always
 * there, with a note that an anonymous reporter leaves them empty (the server drops them).
 */
export function IdentitySection({ reporterMode, onReporterModeChange, values, bind, isHydrated }: IdentitySectionProps) {
  const t = useTranslations("ReportForm.identity");
  const mode = bind("reporterMode");
  const name = bind("reporterName");
  const email = bind("reporterEmail");
  const phone = bind("reporterPhone");
  const noticeEmail = bind("noticeEmail");
  const isContactShown = !isHydrated || reporterMode === "IDENTIFIED";
  const isNoticeEmailShown = !isHydrated || reporterMode !== "IDENTIFIED";

  return (
    <div className="space-y-6">
      <ChoiceGroup
        idPrefix="reporterMode"
        name="reporterMode"
        legend={t("legend")}
        options={[
          { value: "ANONYMOUS", label: t("anonymous.label"), hint: t("anonymous.hint") },
          { value: "IDENTIFIED", label: t("identified.label"), hint: t("identified.hint") },
        ]}
        value={reporterMode}
        onChange={onReporterModeChange}
        onBlur={mode.onBlur}
        errors={mode.errors}
      />

      <div hidden={!isNoticeEmailShown}>
        <Field id="noticeEmail" label={t("noticeEmail.label")} hint={t("noticeEmail.hint")} errors={noticeEmail.errors}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="noticeEmail"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.noticeEmail ?? ""}
              onBlur={noticeEmail.onBlur}
              className={inputClassName}
            />
          )}
        </Field>
      </div>

      <div hidden={!isContactShown} className="space-y-6">
        {isHydrated ? null : <p className="rounded-lg bg-slate-100 p-3 font-medium text-slate-900">{t("withoutJavaScriptNote")}</p>}
        <Field id="reporterName" label={t("name.label")} errors={name.errors}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="reporterName"
              autoComplete="name"
              defaultValue={values.reporterName ?? ""}
              onBlur={name.onBlur}
              className={inputClassName}
            />
          )}
        </Field>
        <p className="text-slate-700">{t("contactHint")}</p>
        <Field id="reporterEmail" label={t("email.label")} errors={email.errors}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="reporterEmail"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.reporterEmail ?? ""}
              onBlur={email.onBlur}
              className={inputClassName}
            />
          )}
        </Field>
        <Field id="reporterPhone" label={t("phone.label")} hint={t("phone.hint")} errors={phone.errors}>
          {(control) => (
            <input
              {...control}
              type="tel"
              name="reporterPhone"
              autoComplete="tel"
              defaultValue={values.reporterPhone ?? ""}
              onBlur={phone.onBlur}
              className={inputClassName}
            />
          )}
        </Field>
      </div>

      <div className="space-y-2 rounded-lg border-2 border-brand-100 bg-brand-50 p-4">
        <h3 className="font-semibold text-brand-900">{t("visibility.title")}</h3>
        <ul className="list-disc space-y-1.5 pl-5 text-slate-800">
          {VISIBILITY_FACTS.map((fact) => (
            <li key={fact}>{t(`visibility.${fact}`)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
