import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";
import { OfficialPassportFees } from "./_components/official-passport-fees";

// 5W1H: the who/what/when/where/why/how form Saber Pungli asks reports to follow.
const questions = ["what", "who", "when", "where", "why", "how"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ReportPage");
  return { title: t("metaTitle") };
}

export default async function ReportPage() {
  const t = await getTranslations("ReportPage");

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")}>
        <StatusNotice>{t("status")}</StatusNotice>
      </PageIntro>
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title={t("prepare.title")}>
          <p>{t("prepare.intro")}</p>
          <dl className="space-y-3">
            {questions.map((question) => (
              <div key={question}>
                <dt className="font-semibold text-slate-900">{t(`prepare.items.${question}.question`)}</dt>
                <dd>{t(`prepare.items.${question}.hint`)}</dd>
              </div>
            ))}
          </dl>
        </SectionCard>
        <div className="space-y-6">
          <OfficialPassportFees />
          <SectionCard title={t("anonymous.title")}>
            <p>{t("anonymous.body")}</p>
          </SectionCard>
          <SectionCard title={t("meanwhile.title")}>
            <p>
              {t.rich("meanwhile.body", {
                link: (chunks) => (
                  <a
                    href="https://www.lapor.go.id"
                    className="font-medium text-brand-800 underline underline-offset-2"
                  >
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </SectionCard>
        </div>
      </div>
    </div>
  );
}
