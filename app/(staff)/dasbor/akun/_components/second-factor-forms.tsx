"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";

import { buttonClassName, secondaryButtonClassName } from "@/components/form-styles";
import { finishRecoveryCodesDisplay, submitRecoveryCodesRegeneration, submitTotpEnrollment, type AccountFormState } from "@/lib/auth/account-actions";

import { TotpCodeForm } from "./totp-confirm-form";

type SecondFactorFormsProps = {
  /** Enrolling: the secret is shown and awaits its first code. Enabled: TOTP is on. */
  mode: "enrolling" | "enabled";
  /** The steps before the code (QR code, manual key), rendered on the server. */
  enrollmentSteps: ReactNode;
  /** The "start again" form, rendered on the server. */
  restart: ReactNode;
  unusedRecoveryCodes: number;
  /** The codes made at enrollment, shown on the page the enrollment redirected to. */
  firstRecoveryCodes: string[] | null;
};

/**
 * Confirming enrollment and making new recovery codes. Both answer with a set of codes shown
 * once, and this component stays mounted when the page re-renders with TOTP on, so the codes
 * from the answer stay on screen until the person moves on (with or without JavaScript).
 */
export function SecondFactorForms({ mode, enrollmentSteps, restart, unusedRecoveryCodes, firstRecoveryCodes }: SecondFactorFormsProps) {
  const totp = useTranslations("AccountSecurity.totp");
  const t = useTranslations("AccountSecurity.recoveryCodes");
  const [enrollState, enrollAction, isEnrolling] = useActionState(submitTotpEnrollment, {} satisfies AccountFormState);
  const [renewState, renewAction, isRenewing] = useActionState(submitRecoveryCodesRegeneration, {} satisfies AccountFormState);
  const codes = renewState.recoveryCodes ?? firstRecoveryCodes;

  if (codes) return <RecoveryCodesPanel codes={codes} />;
  if (mode === "enrolling") {
    return (
      <>
        <ol className="list-decimal space-y-4 pl-5">
          {enrollmentSteps}
          <li className="space-y-3">
            <p>{totp("stepConfirm")}</p>
            <TotpCodeForm id="totp-enrollment-code" state={enrollState} formAction={enrollAction} isPending={isEnrolling} submitLabel={totp("confirm")} />
          </li>
        </ol>
        {restart}
      </>
    );
  }
  return (
    <div className="space-y-3 border-t border-slate-200 pt-4">
      <h3 className="text-lg font-semibold text-brand-900">{t("title")}</h3>
      <p data-testid="recovery-codes-left">{t("remaining", { count: unusedRecoveryCodes })}</p>
      <p>{t("renewLead")}</p>
      <TotpCodeForm id="recovery-renew-code" state={renewState} formAction={renewAction} isPending={isRenewing} submitLabel={t("renew")} />
    </div>
  );
}

function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const t = useTranslations("AccountSecurity.recoveryCodes");
  const text = `${t("fileHeading")}\n\n${codes.join("\n")}\n\n${t("fileNote")}\n`;
  return (
    <section aria-labelledby="recovery-codes-heading" className="space-y-4 rounded-lg border-2 border-emerald-700 bg-emerald-50 p-4 text-slate-900">
      <h3 id="recovery-codes-heading" className="text-lg font-semibold text-brand-900">
        {t("shownOnceTitle")}
      </h3>
      <p>{t("shownOnceLead", { count: codes.length })}</p>
      <ol data-testid="recovery-codes" className="grid grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-white px-3 py-1.5 tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap print:hidden">
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="lapor-imigrasi-kode-pemulihan.txt" className={secondaryButtonClassName}>
          {t("download")}
        </a>
        <button type="button" onClick={() => window.print()} className={secondaryButtonClassName}>
          {t("print")}
        </button>
      </div>
      <p className="print:hidden">{t("storeAdvice")}</p>
      <form action={finishRecoveryCodesDisplay} className="print:hidden">
        <button type="submit" className={buttonClassName}>
          {t("continue")}
        </button>
      </form>
    </section>
  );
}
