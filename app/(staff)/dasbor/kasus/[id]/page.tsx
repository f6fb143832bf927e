import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { requireStaff } from "@/lib/auth/session";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { CaseNotFoundError } from "@/lib/cases/errors";
import { isClosedStatus } from "@/lib/cases/workflow";
import { findCaseObjection } from "@/lib/objections/staff";
import { listCaseReplyTemplates } from "@/lib/reply-templates/templates";

import { ActionPanel } from "./_components/action-panel";
import { AssignForm } from "./_components/assign-form";
import { CaseHeading, DeadlinePanel, EvidenceList, ReportDetails } from "./_components/case-overview";
import { Conversation } from "./_components/conversation";
import { IdentityForm } from "./_components/identity-form";
import { DeclareInvolvementForm, MarkInvolvementForm, ReportInvolvementForm } from "./_components/involvement-forms";
import { InvolvementSection } from "./_components/involvement-section";
import { MessageForm } from "./_components/message-form";
import { ObjectionNotice } from "./_components/objection-notice";
import { DeadlineTierForm, EscalationForm, LinkCaseForm } from "./_components/small-forms";
import { StatusForm } from "./_components/status-form";
import { Timeline } from "./_components/timeline";
import { ClientMessages } from "@/components/client-messages";

type PageProps = { params: Promise<{ id: string }> };

/** The case for this request, or a 404: outside the actor's scope answers the same as unknown. */
const loadCase = cache(async (id: string) => {
  const actor = await requireStaff();
  try {
    return { actor, detail: await getCaseDetail(actor, id) };
  } catch (error) {
    if (error instanceof CaseNotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  const t = await getTranslations("CasePage");
  return { title: t("metaTitle", { code: detail.trackingCode }) };
}

const sectionClassName = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5";

export default async function CasePage({ params }: PageProps) {
  const { actor, detail } = await loadCase((await params).id);
  const [t, actions, templates, objection] = await Promise.all([
    getTranslations("CasePage"),
    getTranslations("CaseActions"),
    // Replies go to the reporter, so templates are offered in the reporter's language.
    detail.permissions.workCase ? listCaseReplyTemplates(actor, detail.id) : [],
    findCaseObjection(actor, detail.id),
  ]);
  const { permissions } = detail;
  const isOpen = !isClosedStatus(detail.status);

  return (
    <ClientMessages namespaces={["CaseActions", "CaseLabels", "CaseErrors", "HolidayNoticeTimeline", "Forms"]}>
      <div className="space-y-6">
        <Link href="/dasbor" className="font-semibold text-brand-800 underline underline-offset-2">
          ← {t("backToQueue")}
        </Link>
        <CaseHeading detail={detail} />

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-6">
            {objection ? <ObjectionNotice objection={objection} /> : null}
            <ReportDetails detail={detail} />
            <EvidenceList detail={detail} />

            <section aria-labelledby="case-conversation-title" className={sectionClassName}>
              <h2 id="case-conversation-title" className="text-xl font-semibold text-brand-900">
                {t("conversation.title")}
              </h2>
              <div className="mt-3 space-y-6">
                <Conversation detail={detail} />
                {permissions.workCase ? (
                  <div className="border-t border-slate-200 pt-4">
                    <h3 className="mb-3 text-lg font-semibold text-brand-900">{actions("message.title")}</h3>
                    <MessageForm caseId={detail.id} version={detail.version} templates={templates} templateLanguage={actions(`languages.${detail.locale}`)} />
                  </div>
                ) : null}
              </div>
            </section>

            <section aria-labelledby="case-links-title" className={sectionClassName}>
              <h2 id="case-links-title" className="text-xl font-semibold text-brand-900">
                {t("links.title")}
              </h2>
              {detail.links.length === 0 ? (
                <p className="mt-2 text-slate-700">{t("links.empty")}</p>
              ) : (
                <ul className="mt-2 space-y-1">
                  {detail.links.map((link) => (
                    <li key={`${link.kind}-${link.case.id}`}>
                      <Link href={`/dasbor/kasus/${link.case.id}`} className="font-mono font-semibold text-brand-800 underline underline-offset-2">
                        {link.case.trackingCode}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <InvolvementSection detail={detail} className={sectionClassName} />

            {detail.rating ? (
              <section aria-labelledby="case-rating-title" className={sectionClassName}>
                <h2 id="case-rating-title" className="text-xl font-semibold text-brand-900">
                  {t("rating.title")}
                </h2>
                <p className="mt-2 font-semibold">{t("rating.score", { score: detail.rating.score })}</p>
                {detail.rating.comment ? <p className="mt-1 whitespace-pre-line">{detail.rating.comment}</p> : null}
              </section>
            ) : null}

            <section aria-labelledby="case-timeline-title" className={sectionClassName}>
              <h2 id="case-timeline-title" className="text-xl font-semibold text-brand-900">
                {t("timeline.title")}
              </h2>
              <div className="mt-3">
                <Timeline detail={detail} />
              </div>
            </section>
          </div>

          <aside aria-labelledby="case-actions-title" className="space-y-4">
            <h2 id="case-actions-title" className="sr-only">
              {t("actionsTitle")}
            </h2>
            <DeadlinePanel detail={detail} />
            {!permissions.workCase ? <p className="rounded-xl border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800">{t("readOnly")}</p> : null}
            {permissions.workCase ? (
              <ActionPanel id="action-status" title={actions("status.title")}>
                <StatusForm caseId={detail.id} version={detail.version} allowed={detail.allowedTransitions} />
              </ActionPanel>
            ) : null}
            {permissions.assign ? (
              <ActionPanel id="action-assign" title={actions("assign.title")}>
                <AssignForm
                  caseId={detail.id}
                  version={detail.version}
                  currentAssignee={detail.assignee}
                  candidates={detail.assignableStaff}
                  self={actor.role === "OFFICER" ? { id: actor.id } : null}
                />
              </ActionPanel>
            ) : null}
            {permissions.workCase && isOpen ? (
              <ActionPanel id="action-tier" title={actions("tier.title")}>
                <DeadlineTierForm caseId={detail.id} version={detail.version} tier={detail.deadlineTier} />
              </ActionPanel>
            ) : null}
            {permissions.escalate && isOpen ? (
              <ActionPanel id="action-escalation" title={actions("escalation.title")}>
                {detail.isEscalated ? <p>{actions("escalation.already")}</p> : <EscalationForm caseId={detail.id} />}
              </ActionPanel>
            ) : null}
            {permissions.viewIdentity ? (
              <ActionPanel id="action-identity" title={actions("identity.title")}>
                {detail.reporterMode === "IDENTIFIED" ? <IdentityForm caseId={detail.id} /> : <p>{actions("identity.anonymous")}</p>}
              </ActionPanel>
            ) : null}
            {permissions.workCase ? (
              <ActionPanel id="action-link" title={actions("link.title")}>
                <LinkCaseForm caseId={detail.id} version={detail.version} />
              </ActionPanel>
            ) : null}
            {permissions.manageInvolvement ? (
              <ActionPanel id="action-mark-involvement" title={actions("markInvolvement.title")}>
                <MarkInvolvementForm caseId={detail.id} candidates={detail.involvementCandidates} actorId={actor.id} />
              </ActionPanel>
            ) : permissions.declareInvolvement ? (
              <>
                <ActionPanel id="action-report-involvement" title={actions("reportInvolvement.title")}>
                  <ReportInvolvementForm caseId={detail.id} candidates={detail.involvementCandidates} />
                </ActionPanel>
                <ActionPanel id="action-declare-involvement" title={actions("declareInvolvement.title")}>
                  <DeclareInvolvementForm caseId={detail.id} />
                </ActionPanel>
              </>
            ) : null}
          </aside>
        </div>
      </div>
    </ClientMessages>
  );
}
