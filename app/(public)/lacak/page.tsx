import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { StatusNotice } from "@/components/status-notice";

const previewItems = ["status", "deadline", "messages", "evidence", "rating"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TrackPage");
  return { title: t("metaTitle") };
}

export default async function TrackPage() {
  const t = await getTranslations("TrackPage");

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")}>
        <StatusNotice>{t("status")}</StatusNotice>
      </PageIntro>
      <SectionCard title={t("credentials.title")}>
        <p>{t("credentials.intro")}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="rounded-lg bg-slate-50 p-4">
            <h3 className="font-semibold text-slate-900">{t("credentials.receiptCode.title")}</h3>
            <p className="mt-1">{t("credentials.receiptCode.body")}</p>
            <p className="mt-3 font-mono text-lg font-semibold tracking-wider text-brand-900">
              {t("credentials.receiptCode.example")}
            </p>
          </div>
          <div className="rounded-lg bg-slate-50 p-4">
            <h3 className="font-semibold text-slate-900">{t("credentials.secretKey.title")}</h3>
            <p className="mt-1">{t("credentials.secretKey.body")}</p>
            <p className="mt-3 font-mono text-base font-semibold text-brand-900 sm:text-lg">
              {t("credentials.secretKey.example")}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("credentials.secretKey.exampleNote")}</p>
          </div>
        </div>
      </SectionCard>
      <div className="grid gap-6 md:grid-cols-2">
        <SectionCard title={t("safety.title")}>
          <p>{t("safety.body")}</p>
        </SectionCard>
        <SectionCard title={t("preview.title")}>
          <ul className="list-disc space-y-1 pl-5">
            {previewItems.map((item) => (
              <li key={item}>{t(`preview.items.${item}`)}</li>
            ))}
          </ul>
        </SectionCard>
      </div>
    </div>
  );
}
