import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  currentDueAt,
  currentPauseWorkingDays,
  findDeadlineYearsWithoutHolidays,
  getDeadlineState,
  projectedDueAt,
  type DeadlineState,
} from "@/lib/deadlines/case-clock";
import { loadHolidayCalendarForOffice } from "@/lib/deadlines/holidays";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, InvolvementReportStatus, Role } from "@/lib/generated/prisma/enums";

import { caseAccessWhere, findAccessibleCase, markableStaffWhere, staffWhoCanSeeCaseWhere } from "./access";
import { assignableStaffWhere } from "./assignment";
import { canSeeInvolvementEvent } from "./involvement";
import { getCasePermissions, type CasePermissions } from "./permissions";
import { CASE_TRANSITIONS } from "./workflow";

/**
 * Everything staff see on the case page, as one plain object. The reporter's identity is not in
 * it for anyone: supervisors open it through revealReporterIdentity (./identity.ts), which is
 * audited. Linked cases outside the actor's scope are left out, so a link cannot reveal them.
 */

function caseDetailSelect(actor: StaffActor) {
  const linkedCaseSelect = { select: { id: true, trackingCode: true, status: true } } as const;
  return {
    id: true,
    trackingCode: true,
    kind: true,
    channel: true,
    locale: true,
    status: true,
    deadlineTier: true,
    receivedAt: true,
    verificationDueAt: true,
    verifiedAt: true,
    resolutionDueAt: true,
    clockPausedAt: true,
    pausedWorkingDays: true,
    closedAt: true,
    isEscalated: true,
    escalatedAt: true,
    rejectionReason: true,
    forwardedTo: true,
    forwardNote: true,
    version: true,
    updatedAt: true,
    incidentDate: true,
    incidentPlace: true,
    description: true,
    amountDemandedRupiah: true,
    amountPaidRupiah: true,
    paymentMethod: true,
    brokerInvolved: true,
    receiptGiven: true,
    accusedDescription: true,
    officialFeeRupiah: true,
    feeDifferenceRupiah: true,
    reporterMode: true,
    officeId: true,
    office: { select: { code: true, name: true, regionalOfficeId: true } },
    service: { select: { code: true, nameId: true, nameEn: true } },
    category: { select: { code: true, nameId: true, nameEn: true } },
    assignee: { select: { id: true, name: true } },
    intakeBy: { select: { id: true, name: true } },
    attachments: {
      orderBy: [{ createdAt: "asc" }, { fileName: "asc" }],
      select: { id: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true, uploadedBy: true, messageId: true, createdAt: true },
    },
    messages: {
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, body: true, isSigned: true, createdAt: true, author: { select: { id: true, name: true } } },
    },
    events: {
      orderBy: { id: "asc" },
      select: { id: true, action: true, actorKind: true, actorId: true, isPublic: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    },
    linksFrom: { where: { toCase: caseAccessWhere(actor) }, select: { kind: true, createdAt: true, toCase: linkedCaseSelect } },
    linksTo: { where: { fromCase: caseAccessWhere(actor) }, select: { kind: true, createdAt: true, fromCase: linkedCaseSelect } },
    involvements: { orderBy: { createdAt: "asc" }, select: { reason: true, createdAt: true, staffUser: { select: { id: true, name: true } }, markedBy: { select: { name: true } } } },
    rating: { select: { score: true, comment: true, createdAt: true } },
  } satisfies Prisma.CaseSelect;
}

type CaseRow = Prisma.CaseGetPayload<{ select: ReturnType<typeof caseDetailSelect> }>;

export type CaseTimelineEntry = {
  id: string;
  action: string;
  actorKind: CaseRow["events"][number]["actorKind"];
  actorName: string | null;
  isPublic: boolean;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  createdAt: Date;
};

export type CaseDetail = Omit<CaseRow, "events" | "linksFrom" | "linksTo" | "office"> & {
  officeName: string;
  events: CaseTimelineEntry[];
  links: { kind: CaseRow["linksFrom"][number]["kind"]; case: { id: string; trackingCode: string; status: CaseStatus } }[];
  deadline: {
    state: DeadlineState;
    dueAt: Date;
    kind: "verification" | "resolution";
    /** Where the due date stands if the paused clock resumed now. */
    projectedDueAt: Date;
    currentPauseWorkingDays: number;
    yearsWithoutHolidays: number[];
  };
  permissions: CasePermissions;
  allowedTransitions: readonly CaseStatus[];
  assignableStaff: { id: string; name: string }[];
  /** Who the actor may mark (supervisors, admins: anyone who can see the case, themselves too) or report (officers: a colleague, not themselves). */
  involvementCandidates: { id: string; name: string; role: Role }[];
  /** For those who decide them: the pending reports, never those about the actor. */
  pendingInvolvementReports: { id: string; staffUserId: string; staffName: string; reportedByName: string; reason: string; createdAt: Date; isStaffInvolved: boolean }[];
  /** The actor's own reports on this case, whatever became of them. */
  ownInvolvementReports: { id: string; staffName: string; reason: string; status: InvolvementReportStatus; createdAt: Date; decidedAt: Date | null }[];
};

export async function getCaseDetail(actor: StaffActor, caseId: string, options: { now?: Date } = {}): Promise<CaseDetail> {
  const now = options.now ?? new Date();
  const found = await findAccessibleCase(db, actor, caseId, caseDetailSelect(actor));
  const calendar = await loadHolidayCalendarForOffice(db, found.officeId);
  const holidays = calendar.days;
  const permissions = getCasePermissions(actor);
  const caseRef = { id: found.id, officeId: found.officeId, regionalOfficeId: found.office.regionalOfficeId };

  // A link event names the other case; keep that name only when the actor may see that case too.
  const visibleLinkedCaseIds = new Set([...found.linksFrom.map((link) => link.toCase.id), ...found.linksTo.map((link) => link.fromCase.id)]);
  const isHiddenLink = (event: { action: string; after: unknown }) => {
    if (event.action !== "CASE_LINKED") return false;
    const linkedCaseId = (event.after as { linkedCaseId?: unknown } | null)?.linkedCaseId;
    return typeof linkedCaseId !== "string" || !visibleLinkedCaseIds.has(linkedCaseId);
  };
  // A retaliation report (lib/rules/retaliation-report.ts) is filed above the office: whoever
  // cannot see it must not learn from the original case's timeline that it exists.
  // The question and its answer would tell it too (a question left unanswered beside answered
  // ones): only staff above the office, who can see the region's oversight desk, see them.
  const seesOversightDesks = actor.role === "ADMIN" || (actor.role === "SUPERVISOR" && actor.scopeLevel !== "OFFICE");
  const isHiddenRetaliation = (event: { action: string; after: unknown }) => {
    if (event.action === "RETALIATION_CHECK_DUE" || event.action === "RETALIATION_CHECK_ANSWERED") return !seesOversightDesks;
    if (event.action !== "RETALIATION_REPORTED") return false;
    const retaliationCaseId = (event.after as { retaliationCaseId?: unknown } | null)?.retaliationCaseId;
    return typeof retaliationCaseId !== "string" || !visibleLinkedCaseIds.has(retaliationCaseId);
  };
  const canPickInvolved = permissions.manageInvolvement || permissions.declareInvolvement;
  const [assignableStaff, involvementCandidates, pendingReports, ownReports] = await Promise.all([
    permissions.assign ? db.staffUser.findMany({ where: assignableStaffWhere(caseRef), orderBy: { name: "asc" }, select: { id: true, name: true } }) : [],
    canPickInvolved
      ? db.staffUser.findMany({
          where: { AND: [staffWhoCanSeeCaseWhere(caseRef), permissions.manageInvolvement ? markableStaffWhere(actor) : { id: { not: actor.id } }] },
          orderBy: [{ role: "asc" }, { name: "asc" }],
          select: { id: true, name: true, role: true },
          take: 200,
        })
      : [],
    permissions.manageInvolvement
      ? db.involvementReport.findMany({
          where: { caseId: found.id, status: "PENDING", staffUserId: { not: actor.id } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, reason: true, createdAt: true, staffUser: { select: { id: true, name: true } }, reportedBy: { select: { name: true } } },
        })
      : [],
    permissions.declareInvolvement
      ? db.involvementReport.findMany({
          where: { caseId: found.id, reportedById: actor.id },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: 20,
          select: { id: true, reason: true, status: true, createdAt: true, decidedAt: true, staffUser: { select: { name: true } } },
        })
      : [],
  ]);
  const involvedIds = new Set(found.involvements.map((involvement) => involvement.staffUser.id));

  const { events, linksFrom, linksTo, office, ...rest } = found;
  return {
    ...rest,
    officeName: office.name,
    events: events.filter((event) => canSeeInvolvementEvent(actor, event) && !isHiddenRetaliation(event)).map((event) => ({
      id: event.id.toString(),
      action: event.action,
      actorKind: event.actorKind,
      actorName: event.actor?.name ?? null,
      isPublic: event.isPublic,
      // Why a supervisor opened the identity is for those who may open it too.
      before: event.before,
      after: (event.action === "IDENTITY_VIEWED" && !permissions.viewIdentity) || isHiddenLink(event) ? null : event.after,
      createdAt: event.createdAt,
    })),
    links: [
      ...linksFrom.map((link) => ({ kind: link.kind, case: link.toCase })),
      ...linksTo.map((link) => ({ kind: link.kind, case: link.fromCase })),
    ],
    deadline: {
      state: getDeadlineState(found, now, holidays),
      dueAt: currentDueAt(found),
      kind: found.verifiedAt ? "resolution" : "verification",
      projectedDueAt: projectedDueAt(found, now, holidays),
      currentPauseWorkingDays: currentPauseWorkingDays(found, now, holidays),
      yearsWithoutHolidays: findDeadlineYearsWithoutHolidays(found, now, calendar),
    },
    permissions,
    allowedTransitions: permissions.workCase ? CASE_TRANSITIONS[found.status] : [],
    assignableStaff,
    involvementCandidates,
    pendingInvolvementReports: pendingReports.map((report) => ({
      id: report.id,
      staffUserId: report.staffUser.id,
      staffName: report.staffUser.name,
      reportedByName: report.reportedBy.name,
      reason: report.reason,
      createdAt: report.createdAt,
      isStaffInvolved: involvedIds.has(report.staffUser.id),
    })),
    ownInvolvementReports: ownReports.map((report) => ({
      id: report.id,
      staffName: report.staffUser.name,
      reason: report.reason,
      status: report.status,
      createdAt: report.createdAt,
      decidedAt: report.decidedAt,
    })),
  };
}
