import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { MIN_NEW_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { inspectPasswordLink } from "@/lib/staff/set-password";

import { SetPasswordForm } from "./_components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SetPassword");
  // The token is in this page's address: no request from the page may carry it as a referrer,
  // not even to this site (its access logs). "strict-origin" sends the origin alone, and keeps
  // the Origin header that the form's post without JavaScript needs ("no-referrer" makes it null).
  return { title: t("metaTitle"), referrer: "strict-origin" };
}

type SetPasswordPageProps = { searchParams: Promise<{ token?: string | string[]; status?: string | string[] }> };

/**
 * Where a one-time link leads (lib/staff/set-password.ts): a form while the link works, a plain
 * explanation when it does not, and a way to sign in once the password is set.
 */
export default async function SetPasswordPage({ searchParams }: SetPasswordPageProps) {
  const [{ token, status }, t] = await Promise.all([searchParams, getTranslations("SetPassword")]);

  if (status === "done") {
    return (
      <div className="max-w-3xl space-y-6">
        <PageIntro title={t("done.title")} lead={t("done.body")} />
        <Link href="/masuk" className="inline-flex min-h-11 items-center rounded-lg bg-accent-700 px-5 py-2.5 font-semibold text-white hover:bg-accent-800">
          {t("done.signIn")}
        </Link>
      </div>
    );
  }

  const link = await inspectPasswordLink(typeof token === "string" ? token : undefined);
  if (link.state !== "usable") {
    return (
      <div className="max-w-3xl space-y-6">
        <PageIntro title={t("title")} />
        <SectionCard title={t("link.title")}>
          <p role="alert">{t(`link.${link.state}`)}</p>
          <p>
            <Link href="/masuk" className="font-semibold text-brand-800 underline underline-offset-2">
              {t("link.signIn")}
            </Link>
          </p>
        </SectionCard>
      </div>
    );
  }

  return (
    <div className="max-w-3xl space-y-6">
      <PageIntro title={t("title")} lead={t("lead", { email: link.email, name: link.name })} />
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <ClientMessages namespaces={["SetPassword", "Forms"]}>
          <SetPasswordForm token={token as string} minLength={MIN_NEW_PASSWORD_LENGTH} />
        </ClientMessages>
      </div>
    </div>
  );
}
