import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ClientMessages } from "@/components/client-messages";
import { inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { SurveyForm } from "@/components/survey-form";
import { requireStaff } from "@/lib/auth/session";
import type { Locale } from "@/lib/generated/prisma/enums";
import { listSurveyOffices } from "@/lib/surveys/invitations";
import { listSurveyServices } from "@/lib/surveys/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SurveyStaff");
  return { title: t("interview") };
}

/** Interviewer mode: a supervisor or surveyor enters a spontaneous interview's answers on a phone. */
export default async function SurveyInterviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  const [t, thanks, staff, search, locale] = await Promise.all([getTranslations("SurveyPage"), getTranslations("SurveyThanks"), getTranslations("SurveyStaff"), searchParams, getLocale()]);
  const offices = await listSurveyOffices(actor, "interview");
  if (offices.length === 0) notFound();
  const requested = typeof search.kantor === "string" ? search.kantor : "";
  const office = offices.find((candidate) => candidate.code === requested) ?? (offices.length === 1 ? offices[0]! : null);
  const services = await listSurveyServices(locale as Locale);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {search.tercatat === "1" ? <StatusNotice>{thanks("interviewRecorded")}</StatusNotice> : null}
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="interview-office" className="block font-semibold text-slate-900">
            {staff("office")}
          </label>
          <select id="interview-office" name="kantor" defaultValue={office?.code ?? ""} className={inputClassName}>
            {office ? null : <option value="">—</option>}
            {offices.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClassName}>
          {staff("show")}
        </button>
      </form>
      {office ? (
        <>
          <PageIntro title={t("interviewTitle", { office: office.name })} lead={t("interviewLead")} />
          <ClientMessages namespaces={["Forms", "SurveyForm"]}>
            {/* A new form per office and per recorded interview, so the next one starts empty. */}
            <SurveyForm key={`${office.code}-${String(search.tercatat)}`} mode="interview" officeCode={office.code} services={services} />
          </ClientMessages>
        </>
      ) : null}
      <p>
        <Link href="/dasbor/survei" className="font-semibold text-brand-800 underline underline-offset-2">
          {staff("title")}
        </Link>
      </p>
    </div>
  );
}
