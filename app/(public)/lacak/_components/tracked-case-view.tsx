import { getFormatter, getTranslations } from "next-intl/server";

import { secondaryButtonClassName } from "@/components/form-styles";
import { ReportedContentView } from "@/components/reported-content-view";
import { SectionCard } from "@/components/section-card";
import { closeTrackedCase } from "@/lib/reports/tracking-actions";
import type { TrackedObjection } from "@/lib/objections/tracked-objection";
import type { TrackedCase } from "@/lib/reports/tracking";
import type { TrackedRetaliation } from "@/lib/rules/tracked-retaliation";

import { CaseStatus } from "./case-status";
import { CaseTimeline } from "./case-timeline";
import { Conversation } from "./conversation";
import { EvidenceList } from "./evidence-list";
import { MessageForm } from "./message-form";
import { ObjectionSection } from "./objection-section";
import { RatingForm } from "./rating-form";
import { RetaliationSection } from "./retaliation-section";
import { WhereElse } from "./where-else";

type TrackedCaseViewProps = {
  trackedCase: TrackedCase;
  workingDaysLeft: number | null;
  /** For the message form: one per rendered page. */
  messageIdempotencyKey: string;
  /** Objecting to the office's decision; null when it could not be read (the session ended meanwhile). */
  trackedObjection: TrackedObjection | null;
  /** For the objection form: one per rendered page. */
  objectionIdempotencyKey: string;
  /** The retaliation question and reports (lib/rules); null when they could not be read (the session ended meanwhile). */
  trackedRetaliation: TrackedRetaliation | null;
};

/** Ratings at or below this score get the objection offered next to the thanks. */
const LOW_RATING_MAX = 2;

/** A case opened with its receipt: status and deadline, the conversation, rating, evidence and history. */
export async function TrackedCaseView({ trackedCase, workingDaysLeft, messageIdempotencyKey, trackedObjection, objectionIdempotencyKey, trackedRetaliation }: TrackedCaseViewProps) {
  const [t, objectionWords, format] = await Promise.all([getTranslations("TrackedCase"), getTranslations("Objection"), getFormatter()]);
  const canObject = trackedObjection?.window.status === "open";

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">
            {t("title")} <span className="font-mono whitespace-nowrap">{trackedCase.trackingCode}</span>
          </h1>
          <p className="text-slate-700">
            {t("filedAt", { date: format.dateTime(new Date(trackedCase.filedAt), { dateStyle: "long", timeStyle: "short" }) })}
          </p>
        </div>
        <form action={closeTrackedCase} className="shrink-0">
          <button type="submit" className={`${secondaryButtonClassName} w-full sm:w-auto`}>
            {t("close.button")}
          </button>
          <p className="mt-1 max-w-xs text-sm text-slate-700">{t("close.hint")}</p>
        </form>
      </div>

      <CaseStatus trackedCase={trackedCase} workingDaysLeft={workingDaysLeft} />

      {trackedRetaliation ? <RetaliationSection trackedRetaliation={trackedRetaliation} /> : null}

      {trackedObjection ? <ObjectionSection status={trackedCase.status} trackedObjection={trackedObjection} idempotencyKey={objectionIdempotencyKey} /> : null}

      <SectionCard title={t("conversation.title")}>
        <p>{t("conversation.intro")}</p>
        <Conversation trackedCase={trackedCase} />
      </SectionCard>

      {trackedCase.rating ? (
        <SectionCard title={t("rating.title")}>
          <p role="status" data-testid="rating-thanks" className="font-semibold text-slate-900">
            {t("rating.thanks", { score: trackedCase.rating.score, label: t(`rating.scores.${scoreKey(trackedCase.rating.score)}`) })}
          </p>
          {trackedCase.rating.comment ? (
            <p className="break-words whitespace-pre-line">{t("rating.yourComment", { comment: trackedCase.rating.comment })}</p>
          ) : null}
          {trackedCase.rating.score <= LOW_RATING_MAX && canObject ? (
            <p data-testid="rating-objection-offer" className="rounded-lg bg-amber-50 p-3 text-slate-900">
              {objectionWords("lowRating.body")}{" "}
              <a href="#keberatan" className="font-semibold text-brand-800 underline underline-offset-2">
                {objectionWords("lowRating.link")}
              </a>
            </p>
          ) : null}
        </SectionCard>
      ) : trackedCase.canRate ? (
        <SectionCard title={t("rating.title")}>
          <p>{t("rating.intro")}</p>
          <RatingForm />
        </SectionCard>
      ) : null}

      <SectionCard title={t("messageForm.title")}>
        {trackedCase.canPostMessage ? <MessageForm idempotencyKey={messageIdempotencyKey} /> : <p>{t("messageForm.closed")}</p>}
      </SectionCard>

      <WhereElse trackingCode={trackedCase.trackingCode} />

      <SectionCard title={t("details.title")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold text-slate-700">{t("details.kind")}</dt>
          <dd className="text-slate-900">{t(`details.kinds.${trackedCase.kind}`)}</dd>
          <dt className="font-semibold text-slate-700">{t("details.office")}</dt>
          <dd className="text-slate-900">{trackedCase.officeName}</dd>
          <dt className="font-semibold text-slate-700">{t("details.service")}</dt>
          <dd className="text-slate-900">{trackedCase.serviceName ?? t("details.noService")}</dd>
          <dt className="font-semibold text-slate-700">{t("details.category")}</dt>
          <dd className="text-slate-900">{trackedCase.categoryName}</dd>
        </dl>
      </SectionCard>

      <ReportedContentView report={trackedCase.report} />

      <SectionCard title={t("evidence.title")}>
        {trackedCase.evidence.length === 0 ? (
          <p>{t("evidence.empty")}</p>
        ) : (
          <>
            <p>{t("evidence.intro")}</p>
            <EvidenceList evidence={trackedCase.evidence} />
          </>
        )}
      </SectionCard>

      <SectionCard title={t("timeline.title")}>
        <CaseTimeline timeline={trackedCase.timeline} />
      </SectionCard>
    </div>
  );
}

/** The rating's words for a score the server already checked to be 1 to 5. */
function scoreKey(score: number): "1" | "2" | "3" | "4" | "5" {
  return String(Math.min(5, Math.max(1, Math.round(score)))) as "1" | "2" | "3" | "4" | "5";
}
