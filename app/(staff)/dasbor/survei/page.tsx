import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { inputClassName, secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { requireStaff } from "@/lib/auth/session";
import { hasAnySurveyRole } from "@/lib/surveys/access";
import { reviewBurst } from "@/lib/surveys/actions";
import { listSurveyBurstFlags } from "@/lib/surveys/bursts";
import { listDayInvitations, listSurveyOffices } from "@/lib/surveys/invitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SurveyStaff");
  return { title: t("metaTitle") };
}

/**
 * The office's visitor surveys for staff: today's drawn ticket numbers and their QR cards, the
 * poster, the interview entry, and (supervisors) the bursts to review. Every list comes from a
 * data function that checks the actor's rights on the office itself.
 */
export default async function SurveyDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!hasAnySurveyRole(actor)) notFound();
  const [t, search, locale] = await Promise.all([getTranslations("SurveyStaff"), searchParams, getLocale()]);
  const [managed, interviewed] = await Promise.all([listSurveyOffices(actor, "manageInvitations"), listSurveyOffices(actor, "interview")]);
  const offices = managed.length > 0 ? managed : interviewed;
  const requested = typeof search.kantor === "string" ? search.kantor : "";
  const office = offices.find((candidate) => candidate.code === requested) ?? offices[0] ?? null;
  const [day, bursts] = await Promise.all([
    office && managed.some((candidate) => candidate.id === office.id) ? listDayInvitations(actor, office.code) : Promise.resolve(null),
    office ? listSurveyBurstFlags(actor, { officeId: office.id }) : Promise.resolve([]),
  ]);
  const canInterview = office != null && interviewed.some((candidate) => candidate.id === office.id);
  // The flags listed are those of offices the actor reviews (the data function's rule); the action checks again.
  const canReview = office != null && (actor.role === "ADMIN" || actor.role === "SUPERVISOR");
  const formatTime = (iso: string) => new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(iso));
  const review = typeof search.tinjauan === "string" ? search.tinjauan : null;

  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")} />
      {review === "reviewed" ? <StatusNotice>{t("reviewed")}</StatusNotice> : review === "notFound" ? <StatusNotice>{t("notFound")}</StatusNotice> : null}
      {offices.length === 0 ? <p>{t("noOffice")}</p> : null}
      {offices.length > 1 ? (
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="survey-office" className="block font-semibold text-slate-900">
              {t("office")}
            </label>
            <select id="survey-office" name="kantor" defaultValue={office?.code} className={inputClassName}>
              {offices.map((candidate) => (
                <option key={candidate.code} value={candidate.code}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButtonClassName}>
            {t("show")}
          </button>
        </form>
      ) : null}

      {day ? (
        <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="survey-today">
          <h2 id="survey-today" className="text-xl font-semibold text-brand-900">
            {t("todayTitle", { day: day.dayKey })}
          </h2>
          <p className="text-slate-700">{t("todayLead", { timeZone: day.timeZone })}</p>
          <p className="font-semibold">{t("invitedCount", { count: day.invitations.length, used: day.invitations.filter((invitation) => invitation.isUsed).length })}</p>
          <ul className="flex flex-wrap gap-2" data-testid="survey-tickets">
            {day.invitations.map((invitation) => (
              <li key={invitation.ticketNumber} className={`rounded-lg border px-3 py-1.5 ${invitation.isUsed ? "border-slate-200 bg-slate-100 text-slate-500 line-through" : "border-brand-700 bg-brand-50 font-semibold text-brand-900"}`}>
                {t("ticket", { number: invitation.ticketNumber })} <span className="sr-only">({invitation.isUsed ? t("used") : t("notUsed")})</span>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3 pt-2">
            <a href={`/dasbor/survei/kartu?kantor=${day.office.code}`} download className={secondaryButtonClassName}>
              {t("printCards")}
            </a>
            <a href={`/dasbor/survei/poster?kantor=${day.office.code}`} download className={secondaryButtonClassName}>
              {t("printPoster")}
            </a>
          </div>
          <p className="text-sm text-slate-700">{t("posterLead")}</p>
        </section>
      ) : null}

      {canInterview && office ? (
        <p>
          <Link href={`/dasbor/survei/wawancara?kantor=${office.code}`} className={secondaryButtonClassName}>
            {t("interview")}
          </Link>
        </p>
      ) : null}

      {canReview ? (
        <section className="space-y-3" aria-labelledby="survey-bursts">
          <h2 id="survey-bursts" className="text-xl font-semibold text-brand-900">
            {t("burstsTitle")}
          </h2>
          <p className="text-slate-700">{t("burstsLead")}</p>
          {bursts.length === 0 ? <p>{t("noBursts")}</p> : null}
          <ul className="space-y-3">
            {bursts.map((burst) => (
              <li key={burst.id} className="space-y-2 rounded-lg border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-4">
                <p className="font-semibold">
                  {t("burst", { office: burst.officeName, count: burst.answerCount, channel: t(`channels.${burst.channel}`), from: formatTime(burst.windowStart), to: formatTime(burst.windowEnd) })}
                </p>
                <p>
                  {t(`status.${burst.status}`)} {burst.reviewedByName ? t("reviewedBy", { name: burst.reviewedByName }) : null}
                </p>
                <form action={reviewBurst} className="flex flex-wrap gap-2">
                    <input type="hidden" name="flagId" value={burst.id} />
                    <input type="hidden" name="officeCode" value={office?.code ?? ""} />
                    <button type="submit" name="decision" value="ACCEPTED" className={secondaryButtonClassName}>
                      {t("accept")}
                    </button>
                    <button type="submit" name="decision" value="REJECTED" className={secondaryButtonClassName}>
                      {t("reject")}
                    </button>
                  </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
