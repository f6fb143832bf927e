import { getFormatter, getTranslations } from "next-intl/server";

import type { CaseDetail, CaseTimelineEntry } from "@/lib/cases/case-detail";
import { CASE_STATUSES } from "@/lib/cases/workflow";
import { DEADLINE_TIERS, LINK_KINDS } from "@/lib/cases/schemas";

import { isKnownAction } from "./audit-action";

type Json = CaseTimelineEntry["after"];

/** A string field of an event's JSON, when it is one. */
function field(value: Json, key: string): string | null {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const found = (value as Record<string, Json>)[key];
    return typeof found === "string" ? found : typeof found === "number" ? String(found) : null;
  }
  return null;
}

/** Whether a boolean field of an event's JSON is true. */
function flag(value: Json, key: string): boolean {
  return Boolean(value && typeof value === "object" && !Array.isArray(value) && (value as Record<string, Json>)[key] === true);
}

function oneOf<const Values extends readonly string[]>(values: Values, value: string | null): Values[number] | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as Values[number]) : null;
}

/** The audit trail of the case, oldest first, in words. */
export async function Timeline({ detail }: { detail: CaseDetail }) {
  const [t, labels, holidayWords, objectionWords, format] = await Promise.all([
    getTranslations("CasePage.timeline"),
    getTranslations("CaseLabels"),
    getTranslations("HolidayNoticeTimeline"),
    getTranslations("ObjectionStaff"),
    getFormatter(),
  ]);
  const dueDay = (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeZone: "Asia/Jakarta" }) : "—");
  const status = (value: string | null) => {
    const known = oneOf(CASE_STATUSES, value);
    return known ? labels(`status.${known}`) : "—";
  };
  const tier = (value: string | null) => {
    const known = oneOf(DEADLINE_TIERS, value);
    return known ? labels(`tier.${known}`) : "—";
  };

  function describe(event: CaseTimelineEntry): string | null {
    switch (event.action) {
      case "STATUS_CHANGED": {
        const paused = Number(field(event.after, "pausedWorkingDays") ?? 0);
        const reason = field(event.after, "rejectionReason") ?? field(event.after, "forwardNote");
        return [t("statusChange", { from: status(field(event.before, "status")), to: status(field(event.after, "status")) }), paused > 0 ? t("pausedDays", { days: paused }) : null, reason]
          .filter(Boolean)
          .join(" — ");
      }
      case "ASSIGNED": {
        const name = field(event.after, "assigneeName");
        if (name) return t("assignedTo", { name });
        // Older events carry only the id.
        return field(event.after, "assigneeId") ? t("assigned") : t("unassigned");
      }
      case "DEADLINE_TIER_CHANGED":
        return t("tierChange", { from: tier(field(event.before, "deadlineTier")), to: tier(field(event.after, "deadlineTier")) });
      case "CASE_LINKED": {
        const kind = oneOf(LINK_KINDS, field(event.after, "kind"));
        return t("linked", { kind: kind ? labels(`linkKind.${kind}`) : "—", code: field(event.after, "linkedTrackingCode") ?? "—" });
      }
      // Which of these events the actor sees at all is decided in lib/cases/involvement.ts.
      case "INVOLVEMENT_MARKED":
      case "INVOLVEMENT_SELF_DECLARED":
      case "INVOLVEMENT_UNMARKED":
      case "INVOLVEMENT_REPORTED":
        return [t("involved", { name: field(event.after, "staffName") ?? "—", reason: field(event.after, "reason") ?? "—" }), flag(event.after, "unassigned") ? t("alsoUnassigned") : null]
          .filter(Boolean)
          .join(" — ");
      case "INVOLVEMENT_REPORT_CONFIRMED":
      case "INVOLVEMENT_REPORT_DISMISSED":
        return [
          t("involvementNote", { name: field(event.after, "staffName") ?? "—", note: field(event.after, "note") ?? "—" }),
          flag(event.after, "unassigned") ? t("alsoUnassigned") : null,
          flag(event.after, "alreadyInvolved") ? t("alreadyInvolved") : null,
        ]
          .filter(Boolean)
          .join(" — ");
      case "IDENTITY_VIEWED": {
        const reason = field(event.after, "reason");
        return reason ? t("identityReason", { reason }) : null;
      }
      case "EVIDENCE_DOWNLOADED":
        return t("downloaded", { name: field(event.after, "fileName") ?? "—" });
      case "DEADLINE_RECOMPUTED":
        return holidayWords("detail", {
          kind: holidayWords(field(event.after, "kind") === "verification" ? "verification" : "resolution"),
          from: dueDay(field(event.before, "dueAt")),
          to: dueDay(field(event.after, "dueAt")),
        });
      case "OBJECTED":
        return objectionWords("timeline", { dueDate: dueDay(field(event.after, "resolutionDueAt")) });
      case "ESCALATED": {
        const note = field(event.after, "note");
        return note ? t("escalatedNote", { note }) : t("escalatedOverdue");
      }
      default:
        return null;
    }
  }

  return (
    <ol className="space-y-0 border-l-2 border-slate-300">
      {detail.events.map((event) => {
        const description = describe(event);
        const actor = event.actorName ?? labels(`actorKind.${event.actorKind}`);
        return (
          <li key={event.id} className="relative ml-4 pb-4 last:pb-0">
            <span aria-hidden="true" className={`absolute top-1.5 -left-[1.4rem] size-3 rounded-full ring-2 ring-white ${event.isPublic ? "bg-sky-700" : "bg-slate-500"}`} />
            <p className="font-semibold text-slate-900">
              {event.action === "DEADLINE_RECOMPUTED" ? holidayWords("label") : isKnownAction(event.action) ? labels(`eventAction.${event.action}`) : labels("eventAction.other")}
              {event.isPublic ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-950">{t("public")}</span> : null}
            </p>
            <p className="text-sm text-slate-700">
              {actor} ·{" "}
              <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            {description ? <p className="mt-0.5 text-sm break-words text-slate-800">{description}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
