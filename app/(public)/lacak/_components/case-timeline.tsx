import { getFormatter, getTranslations } from "next-intl/server";

import type { TrackedCase } from "@/lib/reports/tracking";

/** Public events the timeline has its own words for; any other public event reads as a generic update. */
const DESCRIBED_ACTIONS = [
  "CASE_FILED",
  "PUBLIC_REPLY_POSTED",
  "REPORTER_MESSAGE_POSTED",
  "EVIDENCE_ADDED",
  "RATED",
  "ESCALATED",
  "DEADLINE_TIER_CHANGED",
] as const;

type DescribedAction = (typeof DESCRIBED_ACTIONS)[number];

function isDescribedAction(action: string): action is DescribedAction {
  return (DESCRIBED_ACTIONS as readonly string[]).includes(action);
}

/** The case's public history, oldest first. Never internal notes or officers' names. */
export async function CaseTimeline({ timeline }: { timeline: TrackedCase["timeline"] }) {
  const [t, holidayWords, objectionWords, retaliationWords, format] = await Promise.all([
    getTranslations("TrackedCase"),
    getTranslations("HolidayNoticeTimeline"),
    getTranslations("Objection"),
    getTranslations("Retaliation"),
    getFormatter(),
  ]);

  const describe = (event: TrackedCase["timeline"][number]) => {
    // A holiday change moved the deadline: said neutrally, the new date shows in the status card.
    if (event.action === "DEADLINE_RECOMPUTED") return holidayWords("public");
    if (event.action === "OBJECTED") return objectionWords("timeline");
    // The rules that run by themselves (lib/rules).
    if (event.action === "CASE_AUTO_CLOSED") return retaliationWords("timeline.CASE_AUTO_CLOSED", { days: event.workingDays ?? 0 });
    if (event.action === "RETALIATION_CHECK_DUE") return retaliationWords("timeline.RETALIATION_CHECK_DUE", { round: event.round ?? 0 });
    if (event.action === "RETALIATION_CHECK_ANSWERED") return retaliationWords("timeline.RETALIATION_CHECK_ANSWERED");
    if (event.action === "RETALIATION_REPORTED") return retaliationWords("timeline.RETALIATION_REPORTED");
    if (event.action === "STATUS_CHANGED" && event.statusAfter) return t("timeline.statusChanged", { status: t(`status.labels.${event.statusAfter}`) });
    return isDescribedAction(event.action) ? t(`timeline.actions.${event.action}`) : t("timeline.otherUpdate");
  };

  return (
    <ol className="relative space-y-4 border-l-2 border-slate-300 pl-5">
      {timeline.map((event, index) => (
        <li key={`${event.createdAt}-${index}`} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.6rem] size-3 rounded-full bg-brand-700" />
          <time dateTime={event.createdAt} className="block text-sm text-slate-700">
            {format.dateTime(new Date(event.createdAt), { dateStyle: "long", timeStyle: "short" })}
          </time>
          <p className="font-medium text-slate-900">{describe(event)}</p>
        </li>
      ))}
    </ol>
  );
}
