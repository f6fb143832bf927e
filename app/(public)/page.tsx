import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { CallsToAction } from "./_components/calls-to-action";
import { HandlingDeadlines } from "./_components/handling-deadlines";
import { HowItWorks } from "./_components/how-it-works";
import { ReportableProblems } from "./_components/reportable-problems";
import { ReporterProtection } from "./_components/reporter-protection";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: { absolute: t("homeTitle") } };
}

export default async function HomePage() {
  const t = await getTranslations("HomePage.hero");

  return (
    <div className="space-y-14">
      <PageIntro title={t("title")} lead={t("lead")}>
        <CallsToAction />
      </PageIntro>
      <ReportableProblems />
      <ReporterProtection />
      <HowItWorks />
      <HandlingDeadlines />
      <CallsToAction />
    </div>
  );
}
