import { getFormatter, getTranslations } from "next-intl/server";

import type { TrackedObjection } from "@/lib/objections/tracked-objection";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { ObjectionForm } from "./objection-form";

type ObjectionSectionProps = {
  status: CaseStatus;
  trackedObjection: TrackedObjection;
  /** For the objection form: one per rendered page. */
  idempotencyKey: string;
};

/**
 * Objecting to the office's decision (lib/objections): the form while the window is open, the
 * day it closed after, and the reporter's own objection once filed. Nothing for a case that is
 * open and was never objected to, or was forwarded.
 */
export async function ObjectionSection({ status, trackedObjection, idempotencyKey }: ObjectionSectionProps) {
  const [t, format] = await Promise.all([getTranslations("Objection"), getFormatter()]);
  const { window, objection, windowWorkingDays } = trackedObjection;
  const day = (date: Date) => format.dateTime(date, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

  if (objection && status !== "RESOLVED" && status !== "REJECTED") {
    return (
      <section id="keberatan" aria-labelledby="objection-title" data-testid="objection-filed" className="space-y-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-5 shadow-sm sm:p-6">
        <h2 id="objection-title" className="text-xl font-semibold text-slate-900">
          {t("filed.title")}
        </h2>
        <p className="text-slate-800">{t("filed.body", { date: day(objection.createdAt), dueDate: day(objection.reviewDueAt) })}</p>
        <p className="font-semibold text-slate-900">{t("filed.yourReason")}</p>
        <blockquote className="border-l-4 border-amber-600 pl-3 break-words whitespace-pre-line text-slate-800">{objection.reason}</blockquote>
        <p className="text-slate-800">
          <a href="#ke-mana-lagi" className="font-semibold text-brand-800 underline underline-offset-2">
            {t("filed.next")}
          </a>
        </p>
      </section>
    );
  }
  if (window.status === "notApplicable") return null;

  return (
    <section id="keberatan" aria-labelledby="objection-title" data-testid="objection-section" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="objection-title" className="text-xl font-semibold text-brand-900">
        {t("title")}
      </h2>
      {status === "RESOLVED" || status === "REJECTED" ? <p className="text-slate-800">{t(`decision.${status}`)}</p> : null}
      {window.status === "open" ? (
        <>
          <p className="text-slate-800">{t("open.intro", { date: day(window.closesAt), days: window.workingDaysLeft })}</p>
          <p className="text-sm text-slate-700">{t("open.rule", { windowDays: windowWorkingDays })}</p>
          <ObjectionForm idempotencyKey={idempotencyKey} />
        </>
      ) : window.status === "closed" ? (
        <p data-testid="objection-closed" className="text-slate-800">
          {t("closed", { date: day(window.closedAt), windowDays: windowWorkingDays })}
        </p>
      ) : objection ? (
        <p data-testid="objection-used" className="text-slate-800">
          {t("alreadyUsed", { date: day(objection.createdAt) })}
        </p>
      ) : null}
    </section>
  );
}
