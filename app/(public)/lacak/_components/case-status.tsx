import { getFormatter, getTranslations } from "next-intl/server";

import type { TrackedCase } from "@/lib/reports/tracking";

type CaseStatusProps = {
  trackedCase: TrackedCase;
  /** Working days from today to the deadline: 0 on its last day, negative once passed; null when unknown. */
  workingDaysLeft: number | null;
};

/** The status in plain words, what happens next, and by when. */
export async function CaseStatus({ trackedCase, workingDaysLeft }: CaseStatusProps) {
  const [t, format] = await Promise.all([getTranslations("TrackedCase"), getFormatter()]);
  const { status, deadline, isClockPaused } = trackedCase;

  return (
    <section aria-labelledby="case-status-title" className="space-y-4 rounded-xl border-2 border-brand-700 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="case-status-title" className="text-xl font-semibold text-brand-900">
        {t("status.title")}
      </h2>
      <p data-testid="case-status" className="inline-block rounded-full bg-brand-800 px-4 py-1.5 text-lg font-bold text-white">
        {t(`status.labels.${status}`)}
      </p>
      <p className="text-slate-800">{t(`status.explanations.${status}`)}</p>
      {deadline ? (
        <div className="rounded-lg bg-slate-50 p-4">
          <p className="font-semibold text-slate-900">{t(`status.deadline.${deadline.kind}`)}</p>
          <p data-testid="case-deadline" className="mt-1 text-lg text-slate-900">
            {format.dateTime(new Date(deadline.dueAt), { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
          </p>
          {isClockPaused ? (
            <p className="mt-2 text-slate-800">{t("status.deadline.paused")}</p>
          ) : workingDaysLeft === null ? null : (
            <p className="mt-1 font-medium text-slate-800">
              {workingDaysLeft >= 0
                ? t("status.deadline.workingDaysLeft", { count: workingDaysLeft })
                : t("status.deadline.overdue", { count: -workingDaysLeft })}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
