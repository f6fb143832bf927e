import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { readReportPrefill, toSearchString } from "@/lib/surveys/report-prefill";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SurveyThanks");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * After a survey answer. When the visitor said they were asked to pay extra, the answer's
 * redirect carries the report's prefill (lib/surveys/report-prefill.ts) and this page offers it as
 * a separate, optional step; nothing links the survey answer to a report filed from here.
 */
export default async function SurveyThanksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, search] = await Promise.all([getTranslations("SurveyThanks"), searchParams]);
  const prefill = readReportPrefill(search);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      {prefill.kind === "PUNGLI" ? (
        <section className="space-y-3 rounded-xl border border-red-200 border-l-4 border-l-red-700 bg-red-50 p-5 text-red-950">
          <h2 className="text-xl font-semibold">{t("pungliTitle")}</h2>
          <p>{t("pungliLead")}</p>
          <Link href={`/lapor${toSearchString(prefill)}`} className={buttonClassName}>
            {t("pungliAction")}
          </Link>
        </section>
      ) : null}
      <p>
        <Link href="/" className="font-semibold text-brand-800 underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
