import { useTranslations } from "next-intl";

import type { DeadlineState } from "@/lib/deadlines/case-clock";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

/**
 * Status and deadline badges, shared by the queue and the case page. Colour is never the only
 * signal: each badge has its words, and the deadline badges an icon of their own.
 */

const STATUS_STYLES: Record<CaseStatus, string> = {
  NEW: "bg-sky-100 text-sky-900 ring-sky-300",
  VERIFIED: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  IN_PROGRESS: "bg-brand-50 text-brand-900 ring-brand-100",
  WAITING_FOR_REPORTER: "bg-violet-100 text-violet-900 ring-violet-300",
  RESOLVED: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  REJECTED: "bg-slate-200 text-slate-900 ring-slate-400",
  FORWARDED: "bg-teal-100 text-teal-900 ring-teal-300",
};

const badgeClassName = "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ring-inset";

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations("CaseLabels.status");
  return <span className={`${badgeClassName} ${STATUS_STYLES[status]}`}>{t(status)}</span>;
}

const DEADLINE_STYLES: Record<DeadlineState, string> = {
  ON_TIME: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  DUE_SOON: "bg-amber-100 text-amber-950 ring-amber-400",
  OVERDUE: "bg-red-100 text-red-900 ring-red-400",
  PAUSED: "bg-violet-50 text-violet-900 ring-violet-300",
  CLOSED: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** Small icons (decorative: the badge's words say the same). */
const DEADLINE_ICONS: Record<DeadlineState, string> = {
  ON_TIME: "M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z",
  DUE_SOON: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm.75 4a.75.75 0 0 0-1.5 0v4c0 .2.08.39.22.53l2.5 2.5a.75.75 0 1 0 1.06-1.06l-2.28-2.28V6Z",
  OVERDUE: "M8.49 2.9a1.75 1.75 0 0 1 3.02 0l6.28 10.87A1.75 1.75 0 0 1 16.28 16.4H3.72a1.75 1.75 0 0 1-1.51-2.63L8.49 2.9ZM10 7a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 10 7Zm0 7.25a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z",
  PAUSED: "M6 4.75A.75.75 0 0 1 6.75 4h1.5a.75.75 0 0 1 .75.75v10.5a.75.75 0 0 1-.75.75h-1.5A.75.75 0 0 1 6 15.25V4.75Zm5 0a.75.75 0 0 1 .75-.75h1.5a.75.75 0 0 1 .75.75v10.5a.75.75 0 0 1-.75.75h-1.5a.75.75 0 0 1-.75-.75V4.75Z",
  CLOSED: "M4 10a1 1 0 0 1 1-1h10a1 1 0 1 1 0 2H5a1 1 0 0 1-1-1Z",
};

export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const t = useTranslations("CaseLabels.deadlineState");
  return (
    <span className={`${badgeClassName} ${DEADLINE_STYLES[state]}`}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
        <path fillRule="evenodd" clipRule="evenodd" d={DEADLINE_ICONS[state]} />
      </svg>
      {t(state)}
    </span>
  );
}

export function EscalatedBadge() {
  const t = useTranslations("CaseLabels");
  return (
    <span className={`${badgeClassName} bg-red-700 text-white ring-red-800`}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
        <path fillRule="evenodd" clipRule="evenodd" d="M10 3a.75.75 0 0 1 .53.22l5 5a.75.75 0 0 1-1.06 1.06L10.75 5.56V16a.75.75 0 0 1-1.5 0V5.56L5.53 9.28a.75.75 0 0 1-1.06-1.06l5-5A.75.75 0 0 1 10 3Z" />
      </svg>
      {t("escalated")}
    </span>
  );
}

/** The reporter objected to a decision on the case (lib/objections). */
export function ObjectedBadge() {
  const t = useTranslations("ObjectionStaff");
  return <span className={`${badgeClassName} bg-amber-100 text-amber-950 ring-amber-600`}>{t("badge")}</span>;
}
