import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { CLOSED_STATUSES } from "@/lib/cases/workflow";

/**
 * Who is told of which case event: the one table from the audit trail's vocabulary to
 * notifications. Pure, so the unit tests read it whole; ./plan.ts resolves the audiences to
 * people inside the event's transaction.
 *
 * - reporter: the reporter of the case, if they left an email (identified contact, or an
 *   anonymous notice-only address) and did not stop notices.
 * - assignee / officeOfficers: the case's assignee; the officers of its office (for a reporter's
 *   message, the assignee if there is one, else the office).
 * - scopeSupervisors: every supervisor who can see the case (lib/cases/access.ts).
 * - staffUser: one named person (the new assignee).
 */

export type Audience =
  | { kind: "reporter" }
  | { kind: "officeOfficers" }
  | { kind: "assigneeOrOfficeOfficers" }
  | { kind: "scopeSupervisors" }
  | { kind: "staffUser"; staffUserId: string };

export type PlannedNotification = { kind: NotificationKind; audience: Audience };

export type CaseEventForNotification = {
  caseId: string | null;
  action: string;
  after?: unknown;
};

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;

const isClosing = (status: unknown) => typeof status === "string" && (CLOSED_STATUSES as readonly string[]).includes(status);

export function notificationsForEvent(event: CaseEventForNotification): PlannedNotification[] {
  if (event.caseId === null) return [];
  switch (event.action) {
    case AUDIT_ACTIONS.CASE_FILED:
      return [{ kind: "NEW_CASE", audience: { kind: "officeOfficers" } }];
    case AUDIT_ACTIONS.PUBLIC_REPLY_POSTED:
      return [{ kind: "CASE_UPDATED", audience: { kind: "reporter" } }];
    case AUDIT_ACTIONS.STATUS_CHANGED:
      return [{ kind: isClosing(field(event.after, "status")) ? "CASE_CLOSED" : "CASE_UPDATED", audience: { kind: "reporter" } }];
    case AUDIT_ACTIONS.ASSIGNED: {
      const assigneeId = field(event.after, "assigneeId");
      return typeof assigneeId === "string" ? [{ kind: "CASE_ASSIGNED", audience: { kind: "staffUser", staffUserId: assigneeId } }] : [];
    }
    case AUDIT_ACTIONS.REPORTER_MESSAGE_POSTED:
      return [{ kind: "REPORTER_REPLIED", audience: { kind: "assigneeOrOfficeOfficers" } }];
    case AUDIT_ACTIONS.ESCALATED:
    case AUDIT_ACTIONS.OBJECTED:
      return [{ kind: "ESCALATED", audience: { kind: "scopeSupervisors" } }];
    case "CASE_AUTO_CLOSED":
      return [{ kind: "CASE_AUTO_CLOSED", audience: { kind: "reporter" } }];
    case "RETALIATION_CHECK_DUE":
      return [{ kind: "RETALIATION_CHECK", audience: { kind: "reporter" } }];
    default:
      return [];
  }
}

/**
 * A retaliation report opens a new case (kind RETALIATION, routed above the office): its
 * supervisors are told as of an escalation. The id of the new case, from the event on the original
 * case, or the event's own case when the event is recorded on the new one.
 */
export function retaliationCaseIdOf(event: CaseEventForNotification): string | null {
  if (event.action !== "RETALIATION_REPORTED") return null;
  for (const name of ["retaliationCaseId", "newCaseId", "linkedCaseId"]) {
    const value = field(event.after, name);
    if (typeof value === "string") return value;
  }
  return event.caseId;
}

/**
 * When several reporter notices fall in one transaction (a reply with a status change), one mail
 * goes out, of the kind that says most: a closing outranks an update.
 */
const REPORTER_KIND_RANK: Partial<Record<NotificationKind, number>> = { CASE_UPDATED: 1, RETALIATION_CHECK: 2, CASE_CLOSED: 3, CASE_AUTO_CLOSED: 4 };

export function strongerReporterKind(current: NotificationKind, next: NotificationKind): NotificationKind {
  return (REPORTER_KIND_RANK[next] ?? 0) > (REPORTER_KIND_RANK[current] ?? 0) ? next : current;
}

/** Kinds a staff member may not turn off by mail: a supervisor always gets escalations. */
export function isMailMandatory(role: string, kind: NotificationKind): boolean {
  return role === "SUPERVISOR" && kind === "ESCALATED";
}

/** Kinds staff can choose on /dasbor/akun, per role. */
export const STAFF_MAIL_KINDS = {
  OFFICER: ["NEW_CASE", "CASE_ASSIGNED", "REPORTER_REPLIED", "DEADLINE_DUE"],
  SUPERVISOR: ["ESCALATED", "WEEKLY_DIGEST", "NEW_CASE", "CASE_ASSIGNED", "REPORTER_REPLIED", "DEADLINE_DUE"],
  ADMIN: [],
  // Surveyors see no cases (lib/surveys): nothing to mail them.
  SURVEYOR: [],
} as const satisfies Record<string, readonly NotificationKind[]>;
