import "server-only";

import { now as clockNow } from "@/lib/clock";
import type { StaffActor } from "@/lib/auth/session";
import { caseAccessWhere } from "@/lib/cases/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, NotificationKind } from "@/lib/generated/prisma/enums";

import { isMailMandatory, STAFF_MAIL_KINDS } from "./rules";

/**
 * A staff member's own notifications in the dashboard and their mail settings. Every function
 * reads and writes only the actor's own rows, and a notification whose case the actor may no
 * longer see (lib/cases/access.ts) is neither listed nor counted.
 */

const PAGE_SIZE = 50;

export const NOTIFICATIONS_PATH = "/dasbor/pemberitahuan";

function ownVisibleWhere(actor: StaffActor): Prisma.NotificationWhereInput {
  return { staffUserId: actor.id, OR: [{ caseId: null }, { case: caseAccessWhere(actor) }] };
}

export type NotificationListItem = {
  id: string;
  kind: NotificationKind;
  caseId: string | null;
  trackingCode: string | null;
  createdAt: Date;
  isRead: boolean;
};

export async function listNotifications(actor: StaffActor): Promise<NotificationListItem[]> {
  const rows = await db.notification.findMany({
    where: ownVisibleWhere(actor),
    select: { id: true, kind: true, caseId: true, createdAt: true, readAt: true, case: { select: { trackingCode: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE,
  });
  return rows.map((row) => ({ id: row.id, kind: row.kind, caseId: row.caseId, trackingCode: row.case?.trackingCode ?? null, createdAt: row.createdAt, isRead: row.readAt !== null }));
}

export async function countUnreadNotifications(actor: StaffActor): Promise<number> {
  return db.notification.count({ where: { AND: [ownVisibleWhere(actor), { readAt: null }] } });
}

/** Marks the actor's own notifications read: the given ones, or all. Ids of others' rows change nothing. */
export async function markNotificationsRead(actor: StaffActor, ids: readonly string[] | "all", now: Date = clockNow()): Promise<number> {
  const where: Prisma.NotificationWhereInput = { staffUserId: actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) };
  return (await db.notification.updateMany({ where, data: { readAt: now } })).count;
}

export type MailSettings = { locale: Locale; choices: { kind: NotificationKind; isOn: boolean; isMandatory: boolean }[] };

export function mailKindsFor(actor: Pick<StaffActor, "role">): readonly NotificationKind[] {
  return STAFF_MAIL_KINDS[actor.role];
}

export async function getMailSettings(actor: StaffActor): Promise<MailSettings> {
  const settings = await db.staffNotificationSettings.findUnique({ where: { staffUserId: actor.id }, select: { mutedMailKinds: true, locale: true } });
  const muted = settings?.mutedMailKinds ?? [];
  return {
    locale: settings?.locale ?? "id",
    choices: mailKindsFor(actor).map((kind) => {
      const isMandatory = isMailMandatory(actor.role, kind);
      return { kind, isOn: isMandatory || !muted.includes(kind), isMandatory };
    }),
  };
}

/** Stores the kinds the actor wants by mail; kinds they cannot turn off stay on whatever was sent. */
export async function updateMailSettings(actor: StaffActor, input: { wanted: readonly NotificationKind[]; locale: Locale }): Promise<void> {
  const muted = mailKindsFor(actor).filter((kind) => !input.wanted.includes(kind) && !isMailMandatory(actor.role, kind));
  await db.staffNotificationSettings.upsert({
    where: { staffUserId: actor.id },
    create: { staffUserId: actor.id, mutedMailKinds: muted, locale: input.locale },
    update: { mutedMailKinds: muted, locale: input.locale },
  });
}
