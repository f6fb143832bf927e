"use client";

import { useFormatter, useTranslations } from "next-intl";

import type { CaseActionState, CaseFormName } from "@/lib/cases/action-state";

import { isKnownAction } from "./audit-action";

/**
 * What came of a form's last submission: a short confirmation, a translated error, or — when
 * someone else saved the case first — what changed, so the actor can decide before saving again.
 */
export function ActionFeedback({ state, form }: { state: CaseActionState; form: CaseFormName }) {
  const t = useTranslations("CaseActions");
  const errors = useTranslations("CaseErrors");
  const labels = useTranslations("CaseLabels");
  const holidayWords = useTranslations("HolidayNoticeTimeline");
  const format = useFormatter();

  if (state.status === "idle" || state.form !== form) return <div aria-live="polite" />;
  if (state.status === "success") {
    return (
      <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 font-semibold text-emerald-900">
        {state.messageKind ? t(state.messageKind === "PUBLIC_REPLY" ? "success.messagePublic" : "success.messageInternal") : t(`success.${form}`)}
      </p>
    );
  }
  if (state.status === "conflict") {
    const fresh = state.fresh;
    const last = fresh?.lastChange;
    const actionLabel = last
      ? last.action === "DEADLINE_RECOMPUTED"
        ? holidayWords("label")
        : isKnownAction(last.action)
          ? labels(`eventAction.${last.action}`)
          : labels("eventAction.other")
      : null;
    return (
      <div role="alert" className="space-y-1 rounded-lg border border-amber-400 border-l-4 border-l-amber-600 bg-amber-50 px-3 py-2 text-amber-950">
        <p className="font-semibold">{t("conflict.title")}</p>
        <p>{t("conflict.body")}</p>
        {last && actionLabel ? (
          <p>{t("conflict.lastChange", { action: actionLabel, name: last.actorName ?? labels("actorKind.SYSTEM"), date: format.dateTime(new Date(last.at), { dateStyle: "medium", timeStyle: "short" }) })}</p>
        ) : null}
        {fresh ? <p>{t("conflict.now", { status: labels(`status.${fresh.status}`), assignee: fresh.assigneeName ?? labels("unassigned") })}</p> : null}
      </div>
    );
  }
  return (
    <p role="alert" className="rounded-lg border border-red-300 border-l-4 border-l-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900">
      {errors(state.message)}
    </p>
  );
}
