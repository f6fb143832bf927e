import type { AuditAction } from "@/lib/audit/actions";

/** The audit actions that concern a case, each with a label in CaseLabels.eventAction. */
const CASE_EVENT_ACTIONS = [
  "CASE_FILED",
  "STATUS_CHANGED",
  "ASSIGNED",
  "DEADLINE_TIER_CHANGED",
  "ESCALATED",
  "PUBLIC_REPLY_POSTED",
  "INTERNAL_NOTE_ADDED",
  "REPORTER_MESSAGE_POSTED",
  "EVIDENCE_ADDED",
  "EVIDENCE_DOWNLOADED",
  "IDENTITY_VIEWED",
  "CASE_LINKED",
  "INVOLVEMENT_MARKED",
  "INVOLVEMENT_SELF_DECLARED",
  "INVOLVEMENT_UNMARKED",
  "INVOLVEMENT_REPORTED",
  "INVOLVEMENT_REPORT_CONFIRMED",
  "INVOLVEMENT_REPORT_DISMISSED",
  "RATED",
  "CONTACT_ERASED",
  "OBJECTED",
  "CASE_AUTO_CLOSED",
  "RETALIATION_CHECK_DUE",
  "RETALIATION_CHECK_ANSWERED",
  "RETALIATION_REPORTED",
] as const satisfies readonly AuditAction[];

export type CaseEventAction = (typeof CASE_EVENT_ACTIONS)[number];

/** Whether an event's action has a label (any other falls back to "other event"). */
export function isKnownAction(action: string): action is CaseEventAction {
  return (CASE_EVENT_ACTIONS as readonly string[]).includes(action);
}
