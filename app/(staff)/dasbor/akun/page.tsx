import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { buttonClassName, secondaryButtonClassName } from "@/components/form-styles";
import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { getAccountSecurity } from "@/lib/auth/account";
import { startTotpEnrollment } from "@/lib/auth/account-actions";
import { readRecoveryCodesForDisplay } from "@/lib/auth/recovery-codes-display";
import { MIN_NEW_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { getStaffSession, requireStaff } from "@/lib/auth/session";

import { MailSettingsForm } from "./_components/mail-settings-form";
import { PasswordChangeForm } from "./_components/password-change-form";
import { SecondFactorForms } from "./_components/second-factor-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountSecurity");
  return { title: t("metaTitle") };
}

const STATUS_NOTICES = ["totp-enabled", "password-changed", "notifications-saved"] as const;
type StatusNoticeKey = (typeof STATUS_NOTICES)[number];
const isStatusNotice = (value: unknown): value is StatusNoticeKey => STATUS_NOTICES.includes(value as StatusNoticeKey);

type AccountSecurityPageProps = { searchParams: Promise<{ status?: string | string[] }> };

/** The one staff page a supervisor or admin without TOTP may open: enrollment happens here. */
export default async function AccountSecurityPage({ searchParams }: AccountSecurityPageProps) {
  const actor = await requireStaff({ allowPendingEnrollment: true });
  const [{ status }, session, security, t, format] = await Promise.all([
    searchParams,
    getStaffSession(),
    getAccountSecurity(actor),
    getTranslations("AccountSecurity"),
    getFormatter(),
  ]);
  const isEnrollmentPending = session.status === "enrollmentRequired";
  const firstRecoveryCodes = security.totpEnabledAt ? await readRecoveryCodesForDisplay(actor.id) : null;

  return (
    <ClientMessages namespaces={["AccountSecurity.password", "AccountSecurity.totp", "AccountSecurity.errors", "AccountSecurity.recoveryCodes", "Forms"]}>
      <div className="space-y-8">
        <PageIntro title={t("title")} lead={t("lead")}>
          {isStatusNotice(status) ? <StatusNotice>{t(`status.${status}`)}</StatusNotice> : null}
          {isEnrollmentPending ? <StatusNotice>{t("enrollmentRequired")}</StatusNotice> : null}
        </PageIntro>

        <div className="grid max-w-3xl gap-6">
          <section id="totp" aria-labelledby="totp-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="totp-heading" className="text-xl font-semibold text-brand-900">
              {t("totp.title")}
            </h2>
            <div className="mt-3 space-y-4 text-slate-700">
              {security.totpEnabledAt ? (
                <p>{t("totp.enabled", { date: format.dateTime(security.totpEnabledAt, { dateStyle: "long" }) })}</p>
              ) : (
                <p>{security.isTotpRequired ? t("totp.disabledRequired") : t("totp.disabledOptional")}</p>
              )}

              {!security.totpEnabledAt && !security.pendingEnrollment ? (
                <form action={startTotpEnrollment}>
                  <button type="submit" className={buttonClassName}>
                    {t("totp.start")}
                  </button>
                </form>
              ) : null}

              {security.pendingEnrollment || security.totpEnabledAt ? (
                <SecondFactorForms
                  mode={security.totpEnabledAt ? "enabled" : "enrolling"}
                  unusedRecoveryCodes={security.unusedRecoveryCodes}
                  firstRecoveryCodes={firstRecoveryCodes}
                  enrollmentSteps={
                    security.pendingEnrollment ? (
                      <>
                        <li className="space-y-3">
                          <p>{t("totp.stepScan")}</p>
                          <div
                            role="img"
                            aria-label={t("totp.qrLabel")}
                            className="size-52 rounded-lg border border-slate-200 bg-white p-1 [&>svg]:size-full"
                            // The qrcode package's own SVG markup for our otpauth:// URI; nothing the user typed.
                            dangerouslySetInnerHTML={{ __html: security.pendingEnrollment.qrCodeSvg }}
                          />
                        </li>
                        <li className="space-y-2">
                          <p id="totp-manual-key-label">{t("totp.stepManual")}</p>
                          <p>
                            <span className="sr-only">{t("totp.manualKeyLabel")}: </span>
                            <code
                              aria-labelledby="totp-manual-key-label"
                              data-testid="totp-secret"
                              className="inline-block rounded-md bg-slate-100 px-3 py-2 font-mono text-base break-all text-slate-900"
                            >
                              {security.pendingEnrollment.secretForDisplay}
                            </code>
                          </p>
                          <p className="text-sm">{t("totp.keepSecret")}</p>
                        </li>
                      </>
                    ) : null
                  }
                  restart={
                    <form action={startTotpEnrollment}>
                      <button type="submit" className={secondaryButtonClassName}>
                        {t("totp.restart")}
                      </button>
                    </form>
                  }
                />
              ) : null}
            </div>
          </section>

          {isEnrollmentPending ? null : (
            <SectionCard title={t("password.title")}>
              <p>{t("password.lead")}</p>
              <PasswordChangeForm minLength={MIN_NEW_PASSWORD_LENGTH} />
            </SectionCard>
          )}

          {isEnrollmentPending ? null : <MailSettingsForm actor={actor} />}
        </div>
      </div>
    </ClientMessages>
  );
}
