import { getFormatter, getTranslations } from "next-intl/server";

import { secondaryButtonClassName } from "@/components/form-styles";
import { openRetaliationReport } from "@/lib/rules/retaliation-actions";
import type { TrackedRetaliation } from "@/lib/rules/tracked-retaliation";

import { RetaliationForm } from "./retaliation-form";

/**
 * The retaliation question while a round is open (lib/rules/retaliation-check.ts), and the
 * retaliation reports filed from this case, each openable from here without its own key.
 */
export async function RetaliationSection({ trackedRetaliation }: { trackedRetaliation: TrackedRetaliation }) {
  const [t, format] = await Promise.all([getTranslations("Retaliation"), getFormatter()]);
  const { openCheck, wasAsked, reports } = trackedRetaliation;
  if (!wasAsked && reports.length === 0) return null;

  // The form stays at the same place once answered (round null), so the answer's result (the new
  // report's code and key, shown once) survives the page's refresh after the answer.
  return (
    <section id="pembalasan" aria-labelledby="retaliation-title" data-testid="retaliation-section" className="space-y-4 rounded-xl border-2 border-brand-700 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="retaliation-title" className="text-xl font-semibold text-brand-900">
        {openCheck || reports.length === 0 ? t("question.title") : t("reports.title")}
      </h2>
      {openCheck ? <p className="text-slate-800">{t("question.lead", { round: openCheck.round })}</p> : null}
      {openCheck ? <p className="text-sm text-slate-700">{t("question.private")}</p> : null}
      <RetaliationForm round={openCheck?.round ?? null} />
      {reports.length > 0 ? (
        <ul className="space-y-2">
          {reports.map((report) => (
            <li key={report.id} className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <span>{t("reports.item", { code: report.trackingCode, date: format.dateTime(report.filedAt, { dateStyle: "long" }) })}</span>
              <form action={openRetaliationReport}>
                <input type="hidden" name="reportCode" value={report.trackingCode} />
                <button type="submit" className={secondaryButtonClassName}>
                  {t("reports.open", { code: report.trackingCode })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
