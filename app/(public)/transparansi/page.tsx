import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";

const plannedFigures = ["volume", "timeliness", "substantiated", "satisfaction"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TransparencyPage");
  return { title: t("metaTitle") };
}

export default async function TransparencyPage() {
  const t = await getTranslations("TransparencyPage");

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")}>
        <StatusNotice>{t("status")}</StatusNotice>
      </PageIntro>
      <SectionCard title={t("planned.title")}>
        <ul className="list-disc space-y-1 pl-5">
          {plannedFigures.map((figure) => (
            <li key={figure}>{t(`planned.items.${figure}`)}</li>
          ))}
        </ul>
      </SectionCard>
      <div className="grid gap-6 md:grid-cols-2">
        <SectionCard title={t("comparable.title")}>
          <p>{t("comparable.body")}</p>
        </SectionCard>
        <SectionCard title={t("privacy.title")}>
          <p>{t("privacy.body")}</p>
        </SectionCard>
      </div>
    </div>
  );
}
