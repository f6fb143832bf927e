import "server-only";

import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

import { assertCasePermission, caseAccessWhere, caseWorkersWhere, findAccessibleCase, markableStaffWhere, staffWhoCanSeeCaseWhere } from "./access";
import type { CaseTransaction } from "./case-update";
import { CaseRuleError } from "./errors";
import { hasCasePermission } from "./permissions";

/**
 * Conflict of interest: who is involved in a case (the officer a pungli report describes, a
 * relative of the reporter...). A CaseInvolvement row hides the case from that person entirely
 * (./access.ts). Because hiding a case from someone is power over it, it belongs to supervisors:
 *
 * - An officer may declare THEMSELVES involved: it takes effect at once (they step aside, and
 *   are unassigned if they held the case).
 * - An officer may REPORT that a colleague is involved, with a reason. A report hides nothing:
 *   it waits for a supervisor whose scope holds the case, or an admin, to confirm it (which marks
 *   the colleague) or dismiss it, with a note. So an accused officer cannot exclude the colleagues
 *   who would handle the case against them.
 * - Supervisors (in their scope) and admins mark and unmark, with a reason, anyone who can see the
 *   case and whose oversight reaches no wider than their own (./access.ts markableStaffWhere):
 *   officers, supervisors up to their level, admins only by admins. Unmarking restores access.
 * - No mark may take away the last active officer or supervisor of the case's scope who can
 *   open it (admins do not count): the case must stay workable by its office or its oversight.
 *
 * A report is an internal matter between its reporter and those who decide it. The reported
 * colleague sees nothing of it: not on the case page, not in the timeline (the report and a
 * dismissal are shown only to the deciders and to the reporter), not in a conflict message. If
 * it is confirmed they lose the case; should they be unmarked later, they see that a supervisor
 * confirmed their involvement, with the supervisor's note, but never the report, its reason or
 * who made it. Other officers of the office do not see reports either.
 *
 * Every change locks the case row first (SELECT ... FOR UPDATE), so two marks or confirmations
 * at once are decided one after the other and cannot both take away the "last" worker. A mark
 * also bumps the case's version, so an assignment read before it (to the person now marked) fails
 * as a conflict instead of handing them the case. Each change writes one audit event, last.
 */

/** The audit actions that reveal a report; shown only to its deciders and its reporter. */
export const INVOLVEMENT_REPORT_ACTIONS: readonly AuditAction[] = [AUDIT_ACTIONS.INVOLVEMENT_REPORTED, AUDIT_ACTIONS.INVOLVEMENT_REPORT_DISMISSED];

type LockedCase = { id: string; officeId: number; regionalOfficeId: number; assigneeId: string | null };

type InvolvementPermission = "declareInvolvement" | "manageInvolvement";

/**
 * Checks scope (404) and role (403), then locks the case row and reads it again under the lock,
 * so everything decided after this sees the involvements committed before it.
 */
async function lockCase(tx: CaseTransaction, actor: StaffActor, caseId: string, permission: InvolvementPermission): Promise<LockedCase> {
  const select = { id: true, officeId: true, assigneeId: true, office: { select: { regionalOfficeId: true } } } as const;
  await findAccessibleCase(tx, actor, caseId, select);
  assertCasePermission(actor, permission);
  await tx.$queryRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
  const current = await findAccessibleCase(tx, actor, caseId, select);
  return { id: current.id, officeId: current.officeId, regionalOfficeId: current.office.regionalOfficeId, assigneeId: current.assigneeId };
}

async function isInvolved(tx: CaseTransaction, caseId: string, staffUserId: string): Promise<boolean> {
  const found = await tx.caseInvolvement.findUnique({ where: { caseId_staffUserId: { caseId, staffUserId } }, select: { caseId: true } });
  return found !== null;
}

/**
 * Someone who can see the case now and is not involved in it, or a CaseRuleError. With `markedBy`,
 * also someone that person may mark (markableStaffWhere: never wider oversight than their own).
 */
async function findEligibleStaff(tx: CaseTransaction, current: LockedCase, staffUserId: string, markedBy?: StaffActor): Promise<{ id: string; name: string }> {
  if (await isInvolved(tx, current.id, staffUserId)) throw new CaseRuleError("alreadyInvolved");
  const staff = await tx.staffUser.findFirst({
    where: { AND: [staffWhoCanSeeCaseWhere(current), markedBy ? markableStaffWhere(markedBy) : {}, { id: staffUserId }] },
    select: { id: true, name: true },
  });
  if (!staff) throw new CaseRuleError("involvedStaffNotEligible");
  return staff;
}

/**
 * Creates the involvement and unassigns the person if they held the case, refusing when they are
 * the last officer or supervisor of the case's scope who can still open it. Bumps the version.
 */
async function involve(tx: CaseTransaction, actor: StaffActor, current: LockedCase, input: { staffUserId: string; reason: string; now: Date }): Promise<{ unassigned: boolean }> {
  const workers = await tx.staffUser.findMany({ where: caseWorkersWhere(current), select: { id: true }, take: 2 });
  if (workers.length === 1 && workers[0]!.id === input.staffUserId) throw new CaseRuleError("lastCaseWorker");

  await tx.caseInvolvement.create({
    data: { caseId: current.id, staffUserId: input.staffUserId, markedById: actor.id, reason: input.reason, createdAt: input.now },
    select: { caseId: true },
  });
  const unassigned = current.assigneeId === input.staffUserId;
  await tx.case.update({ where: { id: current.id }, data: { version: { increment: 1 }, ...(unassigned ? { assigneeId: null } : {}) }, select: { id: true } });
  return { unassigned };
}

function record(tx: CaseTransaction, actor: StaffActor, caseId: string, action: AuditAction, now: Date, data: { before?: Record<string, string | boolean | null>; after: Record<string, string | boolean | null> }) {
  return recordEvent(tx, { caseId, actorKind: "STAFF", actorId: actor.id, action, isPublic: false, before: data.before ?? null, after: data.after, createdAt: now });
}

type Options = { now?: Date };

/** The actor steps aside from a case: from now on they can neither open nor find it. */
export async function declareOwnInvolvement(actor: StaffActor, input: { caseId: string; reason: string }, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockCase(tx, actor, input.caseId, "declareInvolvement");
    const self = await findEligibleStaff(tx, current, actor.id);
    const { unassigned } = await involve(tx, actor, current, { staffUserId: self.id, reason: input.reason, now });
    await record(tx, actor, current.id, AUDIT_ACTIONS.INVOLVEMENT_SELF_DECLARED, now, {
      after: { staffUserId: self.id, staffName: self.name, reason: input.reason, ...(unassigned ? { unassigned: true } : {}) },
    });
  });
}

/** Reports that a colleague who can see the case is involved. Hides nothing until a supervisor confirms it. */
export async function reportStaffInvolvement(actor: StaffActor, input: { caseId: string; staffUserId: string; reason: string }, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockCase(tx, actor, input.caseId, "declareInvolvement");
    // Stepping aside oneself is declareOwnInvolvement: it needs nobody's confirmation.
    if (input.staffUserId === actor.id) throw new CaseRuleError("involvedStaffNotEligible");
    const staff = await findEligibleStaff(tx, current, input.staffUserId);
    const pending = await tx.involvementReport.findFirst({
      where: { caseId: current.id, staffUserId: staff.id, reportedById: actor.id, status: "PENDING" },
      select: { id: true },
    });
    if (pending) throw new CaseRuleError("alreadyReported");

    const report = await tx.involvementReport.create({
      data: { caseId: current.id, staffUserId: staff.id, reportedById: actor.id, reason: input.reason, createdAt: now },
      select: { id: true },
    });
    await record(tx, actor, current.id, AUDIT_ACTIONS.INVOLVEMENT_REPORTED, now, {
      after: { reportId: report.id, staffUserId: staff.id, staffName: staff.name, reason: input.reason },
    });
  });
}

/** A supervisor in scope or an admin marks anyone who can see the case (themselves too) as involved. */
export async function markStaffInvolved(actor: StaffActor, input: { caseId: string; staffUserId: string; reason: string }, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockCase(tx, actor, input.caseId, "manageInvolvement");
    const staff = await findEligibleStaff(tx, current, input.staffUserId, actor);
    const { unassigned } = await involve(tx, actor, current, { staffUserId: staff.id, reason: input.reason, now });
    await record(tx, actor, current.id, AUDIT_ACTIONS.INVOLVEMENT_MARKED, now, {
      after: { staffUserId: staff.id, staffName: staff.name, reason: input.reason, ...(unassigned ? { unassigned: true } : {}) },
    });
  });
}

/** Removes a mark (a mistaken one, or a conflict that has ended): the person can open the case again. */
export async function unmarkStaffInvolved(actor: StaffActor, input: { caseId: string; staffUserId: string; reason: string }, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockCase(tx, actor, input.caseId, "manageInvolvement");
    const involvement = await tx.caseInvolvement.findUnique({
      where: { caseId_staffUserId: { caseId: current.id, staffUserId: input.staffUserId } },
      select: { reason: true, createdAt: true, markedById: true, staffUser: { select: { id: true, name: true } } },
    });
    if (!involvement) throw new CaseRuleError("notInvolved");

    await tx.caseInvolvement.delete({ where: { caseId_staffUserId: { caseId: current.id, staffUserId: input.staffUserId } }, select: { caseId: true } });
    await record(tx, actor, current.id, AUDIT_ACTIONS.INVOLVEMENT_UNMARKED, now, {
      before: { reason: involvement.reason, markedById: involvement.markedById, markedAt: involvement.createdAt.toISOString() },
      after: { staffUserId: involvement.staffUser.id, staffName: involvement.staffUser.name, reason: input.reason },
    });
  });
}

export type InvolvementDecision = "CONFIRM" | "DISMISS";

/**
 * A supervisor in scope or an admin decides a pending report, with a note. Confirming marks the
 * colleague (unless they are already involved) under the same rules as a direct mark. Nobody
 * decides a report about themselves: to them it does not exist.
 */
export async function decideInvolvementReport(
  actor: StaffActor,
  input: { caseId: string; reportId: string; decision: InvolvementDecision; note: string },
  options: Options = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockCase(tx, actor, input.caseId, "manageInvolvement");
    const report = await tx.involvementReport.findFirst({
      where: { id: input.reportId, caseId: current.id, staffUserId: { not: actor.id } },
      select: { id: true, status: true, reportedById: true, staffUser: { select: { id: true, name: true } } },
    });
    if (!report) throw new CaseRuleError("involvementReportNotFound");
    if (report.status !== "PENDING") throw new CaseRuleError("involvementReportDecided");

    const staff = report.staffUser;
    const confirmed = input.decision === "CONFIRM";
    const alreadyInvolved = confirmed && (await isInvolved(tx, current.id, staff.id));
    // The colleague may have moved office, left, or be beyond the decider's reach since the report.
    if (confirmed && !alreadyInvolved) await findEligibleStaff(tx, current, staff.id, actor);
    const { unassigned } = confirmed && !alreadyInvolved ? await involve(tx, actor, current, { staffUserId: staff.id, reason: input.note, now }) : { unassigned: false };
    await tx.involvementReport.update({
      where: { id: report.id },
      data: { status: confirmed ? "CONFIRMED" : "DISMISSED", decidedById: actor.id, decidedAt: now, decisionNote: input.note },
      select: { id: true },
    });
    // The confirmation is seen by everyone who can see the case: it names neither the reporter
    // nor the report's reason. The dismissal is for the deciders and the reporter only.
    await record(tx, actor, current.id, confirmed ? AUDIT_ACTIONS.INVOLVEMENT_REPORT_CONFIRMED : AUDIT_ACTIONS.INVOLVEMENT_REPORT_DISMISSED, now, {
      after: {
        reportId: report.id,
        staffUserId: staff.id,
        staffName: staff.name,
        note: input.note,
        ...(confirmed ? {} : { reportedById: report.reportedById }),
        ...(alreadyInvolved ? { alreadyInvolved: true } : {}),
        ...(unassigned ? { unassigned: true } : {}),
      },
    });
  });
}

/** Whether `actor` may see a timeline event about involvement reports (see the module header). */
export function canSeeInvolvementEvent(
  actor: StaffActor,
  event: { action: string; actorId: string | null; after: unknown },
): boolean {
  if (!(INVOLVEMENT_REPORT_ACTIONS as readonly string[]).includes(event.action)) return true;
  const after = (event.after ?? {}) as { staffUserId?: unknown; reportedById?: unknown };
  if (after.staffUserId === actor.id) return false;
  const reporterId = event.action === AUDIT_ACTIONS.INVOLVEMENT_REPORTED ? event.actorId : after.reportedById;
  return reporterId === actor.id || hasCasePermission(actor, "manageInvolvement");
}

export type PendingInvolvementReport = {
  id: string;
  caseId: string;
  trackingCode: string;
  officeName: string;
  staffName: string;
  reportedByName: string;
  reason: string;
  createdAt: Date;
};

/**
 * The pending reports a supervisor or admin may decide: on cases they can see, never about
 * themselves. Oldest first, as a work list.
 */
export async function findPendingInvolvementReports(actor: StaffActor, options: { take?: number } = {}): Promise<{ reports: PendingInvolvementReport[]; total: number }> {
  assertCasePermission(actor, "manageInvolvement");
  const where = { status: "PENDING", staffUserId: { not: actor.id }, case: caseAccessWhere(actor) } as const;
  const [rows, total] = await Promise.all([
    db.involvementReport.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: options.take ?? 20,
      select: {
        id: true,
        reason: true,
        createdAt: true,
        case: { select: { id: true, trackingCode: true, office: { select: { name: true } } } },
        staffUser: { select: { name: true } },
        reportedBy: { select: { name: true } },
      },
    }),
    db.involvementReport.count({ where }),
  ]);
  return {
    total,
    reports: rows.map((row) => ({
      id: row.id,
      caseId: row.case.id,
      trackingCode: row.case.trackingCode,
      officeName: row.case.office.name,
      staffName: row.staffUser.name,
      reportedByName: row.reportedBy.name,
      reason: row.reason,
      createdAt: row.createdAt,
    })),
  };
}
