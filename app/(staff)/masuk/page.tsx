import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignInPage");
  return { title: t("metaTitle") };
}

export default async function SignInPage() {
  const t = await getTranslations("SignInPage");

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")}>
        <StatusNotice>{t("status")}</StatusNotice>
      </PageIntro>
      <div className="max-w-3xl">
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
