import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { toDashboardReturnPath } from "@/lib/auth/return-path";
import { ACCOUNT_SECURITY_PATH, getStaffSession } from "@/lib/auth/session";

import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("metaTitle") };
}

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string | string[]; status?: string | string[] }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [{ callbackUrl, status }, session, t] = await Promise.all([searchParams, getStaffSession(), getTranslations("SignIn")]);
  const returnPath = toDashboardReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (session.status === "active") redirect(returnPath);
  if (session.status === "enrollmentRequired") redirect(ACCOUNT_SECURITY_PATH);

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")}>
        {status === "signed-out" ? <StatusNotice>{t("signedOut")}</StatusNotice> : null}
      </PageIntro>
      <div className="grid max-w-3xl gap-6">
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <ClientMessages namespaces={["SignIn", "Forms"]}>
            <SignInForm returnPath={returnPath} />
          </ClientMessages>
        </div>
        <SectionCard title={t("reporterHint.title")}>
          <p>{t("reporterHint.body")}</p>
          <p>
            <Link href="/lapor" className="font-semibold text-brand-800 underline underline-offset-2">
              {t("reporterHint.link")}
            </Link>
          </p>
        </SectionCard>
      </div>
    </div>
  );
}
