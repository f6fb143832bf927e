import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { SurveyForm } from "@/components/survey-form";
import type { Locale } from "@/lib/generated/prisma/enums";
import { checkInvitationCode } from "@/lib/surveys/invitations";
import { listSurveyServices } from "@/lib/surveys/services";
import { findSurveyOffice } from "@/lib/surveys/submit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SurveyPage");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * The visitor survey of one office. With `?kode=` (the QR card of a drawn ticket) the answer is a
 * random invitation and spends the code; without it, it is an open-poster answer.
 */
export default async function SurveyPage({ params, searchParams }: { params: Promise<{ office: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ office: officeCode }, search, locale] = await Promise.all([params, searchParams, getLocale()]);
  const office = /^[a-z0-9-]{1,80}$/.test(officeCode) ? await findSurveyOffice(officeCode) : null;
  if (!office) notFound();
  const typedCode = typeof search.kode === "string" ? search.kode.slice(0, 40) : "";
  const [t, services, codeStatus] = await Promise.all([
    getTranslations("SurveyPage"),
    listSurveyServices(locale as Locale),
    typedCode ? checkInvitationCode(office.id, typedCode) : Promise.resolve(null),
  ]);
  const codeNotice =
    codeStatus === "valid" ? t("codeValid") : codeStatus === "used" ? t("codeUsed") : codeStatus === "expired" ? t("codeExpired") : codeStatus === "unknown" ? t("codeUnknown") : null;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageIntro title={t("title", { office: office.name })} lead={t("lead")} />
      {codeNotice ? (
        <StatusNotice>
          {codeNotice}{" "}
          {codeStatus !== "valid" ? (
            <Link href={`/survei/${office.code}`} className="font-semibold underline underline-offset-2">
              {t("answerWithoutCode")}
            </Link>
          ) : null}
        </StatusNotice>
      ) : null}
      <ClientMessages namespaces={["Forms", "SurveyForm"]}>
        <SurveyForm mode="visitor" officeCode={office.code} invitationCode={codeStatus === "valid" ? typedCode : undefined} services={services} />
      </ClientMessages>
    </div>
  );
}
