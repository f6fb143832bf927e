import "server-only";

import { now as clockNow } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MailStatus, NotificationKind } from "@/lib/generated/prisma/enums";

import { enqueueNotificationMail } from "./outbox";
import { findOfficeOfficers, findScopeSupervisors, findStaffById, type CaseRef, type StaffRecipientRow } from "./recipients";
import { isMailMandatory, notificationsForEvent, retaliationCaseIdOf, strongerReporterKind, type Audience, type CaseEventForNotification } from "./rules";

/**
 * Turns one case event into notifications, inside the event's own transaction (called by
 * lib/audit/record.ts just before the event is appended): the notification rows and their mail
 * jobs exist exactly when the change commits (transactional outbox). A reply that rolls back is
 * never notified; one that commits always is, whether or not the mail server is up then.
 *
 * Each staff recipient must pass the dashboard's access rule (./recipients.ts); the actor is not
 * told of their own change. A reporter gets at most one pending notice per case: several changes
 * before it is sent (a reply with a status change) make one mail, of the kind that says most.
 */

type PlanClient = Prisma.TransactionClient;

export type PlannedEvent = CaseEventForNotification & { actorId?: string | null; createdAt?: Date };

export async function planNotificationsForEvent(tx: PlanClient, event: PlannedEvent): Promise<void> {
  const planned = notificationsForEvent(event);
  const retaliationCaseId = retaliationCaseIdOf(event);
  if (retaliationCaseId) planned.push({ kind: "ESCALATED", audience: { kind: "scopeSupervisors" } });
  if (planned.length === 0 || event.caseId === null) return;
  const caseId = retaliationCaseId ?? event.caseId;
  const found = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, officeId: true, assigneeId: true, office: { select: { regionalOfficeId: true } } } });
  if (!found) return;
  const caseRef: CaseRef = { id: found.id, officeId: found.officeId, regionalOfficeId: found.office.regionalOfficeId, assigneeId: found.assigneeId };
  const createdAt = event.createdAt ?? clockNow();

  for (const { kind, audience } of planned) {
    if (audience.kind === "reporter") {
      await planReporterNotice(tx, event.caseId, kind, createdAt);
      continue;
    }
    const recipients = (await resolveStaff(tx, caseRef, audience)).filter((staff) => staff.id !== event.actorId);
    await planStaffNotices(tx, { caseId: caseRef.id, kind, recipients, createdAt });
  }
}

async function resolveStaff(tx: PlanClient, caseRef: CaseRef, audience: Exclude<Audience, { kind: "reporter" }>): Promise<StaffRecipientRow[]> {
  switch (audience.kind) {
    case "officeOfficers":
      return findOfficeOfficers(tx, caseRef);
    case "assigneeOrOfficeOfficers":
      return caseRef.assigneeId ? findStaffById(tx, caseRef.id, caseRef.assigneeId) : findOfficeOfficers(tx, caseRef);
    case "scopeSupervisors":
      return findScopeSupervisors(tx, caseRef);
    case "staffUser":
      return findStaffById(tx, caseRef.id, audience.staffUserId);
  }
}

/** The mail status a staff notification starts with: muted kinds get none, new cases wait for the batch. */
export function initialStaffMailStatus(role: string, kind: NotificationKind, mutedKinds: readonly NotificationKind[]): MailStatus {
  if (mutedKinds.includes(kind) && !isMailMandatory(role, kind)) return "NONE";
  return kind === "NEW_CASE" ? "BATCHED" : "PENDING";
}

export async function planStaffNotices(
  tx: PlanClient,
  input: { caseId: string | null; kind: NotificationKind; recipients: StaffRecipientRow[]; createdAt: Date; details?: Prisma.InputJsonObject; dedupeKeyOf?: (staffUserId: string) => string },
): Promise<number> {
  if (input.recipients.length === 0) return 0;
  const settings = await tx.staffNotificationSettings.findMany({
    where: { staffUserId: { in: input.recipients.map((staff) => staff.id) } },
    select: { staffUserId: true, mutedMailKinds: true },
  });
  const mutedOf = new Map(settings.map((row) => [row.staffUserId, row.mutedMailKinds]));
  let created = 0;
  for (const staff of input.recipients) {
    const mailStatus = initialStaffMailStatus(staff.role, input.kind, mutedOf.get(staff.id) ?? []);
    const dedupeKey = input.dedupeKeyOf?.(staff.id) ?? null;
    if (dedupeKey && (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } }))) continue;
    const row = await tx.notification.create({
      data: { recipientKind: "STAFF", staffUserId: staff.id, kind: input.kind, caseId: input.caseId, details: input.details, dedupeKey, mailStatus, createdAt: input.createdAt },
      select: { id: true },
    });
    created += 1;
    if (mailStatus === "PENDING") await enqueueNotificationMail(tx, row.id);
  }
  return created;
}

async function planReporterNotice(tx: PlanClient, caseId: string, kind: NotificationKind, createdAt: Date): Promise<void> {
  const contact = await tx.reporterContact.findUnique({ where: { caseId }, select: { email: true } });
  const notice = await tx.reporterNoticeEmail.findUnique({ where: { caseId }, select: { email: true, stoppedAt: true } });
  if (notice?.stoppedAt) return;
  if (!contact?.email && !notice?.email) return;
  const pending = await tx.notification.findFirst({
    where: { caseId, recipientKind: "REPORTER", mailStatus: "PENDING" },
    select: { id: true, kind: true },
    orderBy: { createdAt: "desc" },
  });
  if (pending) {
    const stronger = strongerReporterKind(pending.kind, kind);
    if (stronger !== pending.kind) await tx.notification.update({ where: { id: pending.id }, data: { kind: stronger } });
    return;
  }
  const row = await tx.notification.create({ data: { recipientKind: "REPORTER", kind, caseId, mailStatus: "PENDING", createdAt }, select: { id: true } });
  await enqueueNotificationMail(tx, row.id);
}
