import { getFormatter, getTranslations } from "next-intl/server";

import type { CaseObjectionView } from "@/lib/objections/staff";

/** The reporter's objection at the top of the case page: what was objected to, why, and when the review is due. */
export async function ObjectionNotice({ objection }: { objection: CaseObjectionView }) {
  const [t, labels, format] = await Promise.all([getTranslations("ObjectionStaff.notice"), getTranslations("CaseLabels"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "Asia/Jakarta" });
  return (
    <section aria-labelledby="case-objection-title" data-testid="case-objection" className="rounded-xl border-2 border-amber-600 bg-amber-50 p-4 shadow-sm sm:p-5">
      <h2 id="case-objection-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-2 text-slate-800">
        {t("body", {
          date: day(objection.createdAt),
          decision: labels(`status.${objection.decidedStatus}`),
          decidedAt: day(objection.decidedAt),
          dueDate: day(objection.reviewDueAt),
        })}
      </p>
      <p className="mt-2 font-semibold text-slate-900">{t("reason")}</p>
      <blockquote className="mt-1 border-l-4 border-amber-600 pl-3 break-words whitespace-pre-line text-slate-800">{objection.reason}</blockquote>
    </section>
  );
}
