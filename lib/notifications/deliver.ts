import "server-only";

import { now as clockNow } from "@/lib/clock";
import { decryptContactValue } from "@/lib/contacts/encryption";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

import { isValidNoticeEmail, suppressionHashOf } from "./address";
import { PermanentMailError, sendMail } from "./mailer";
import { canStaffSeeCase, STAFF_ACTOR_SELECT } from "./recipients";
import { isMailMandatory } from "./rules";
import { buildReporterMail, buildStaffMail, type MailContent, type ReporterNoticeKind, type StaffNoticeKind } from "./templates";
import { unsubscribeUrl } from "./unsubscribe";

/**
 * Delivers the mail of one notification (the "notification-mail" job). Everything is decided
 * again when the mail is built, not trusted from when it was planned: the recipient must still
 * see the case by the dashboard's access rule, still want this kind of mail, still have an
 * address that has not bounced. A refusing or unreachable server throws, so the job library
 * retries with backoff; a permanent refusal (5xx) marks the notification BOUNCED and suppresses
 * the address instead, so it is not retried forever. Safe to run twice: a mail already sent,
 * bounced or skipped is not sent again.
 */

export type DeliveryResult = "sent" | "captured" | "skipped" | "bounced" | "done-before";

/** The site's address for links in mails; without PUBLIC_BASE_URL, the local server `npm start` runs. */
export function mailBaseUrl(): string {
  return getEnvironment().PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

const REPORTER_KINDS: readonly NotificationKind[] = ["CASE_UPDATED", "CASE_CLOSED", "CASE_AUTO_CLOSED", "RETALIATION_CHECK"];
const STAFF_CASE_KINDS: readonly NotificationKind[] = ["NEW_CASE", "CASE_ASSIGNED", "REPORTER_REPLIED", "DEADLINE_DUE", "ESCALATED"];

type Prepared = { to: string; content: MailContent } | { skip: string };

async function prepareMail(notificationId: string): Promise<Prepared | null> {
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      recipientKind: true,
      kind: true,
      mailStatus: true,
      case: { select: { id: true, trackingCode: true, locale: true } },
      staffUser: { select: { ...STAFF_ACTOR_SELECT, notificationSettings: { select: { mutedMailKinds: true, locale: true } } } },
    },
  });
  if (!notification || (notification.mailStatus !== "PENDING" && notification.mailStatus !== "FAILED")) return null;
  const baseUrl = mailBaseUrl();

  if (notification.recipientKind === "REPORTER") {
    const found = notification.case;
    if (!found || !REPORTER_KINDS.includes(notification.kind)) return { skip: "no case" };
    const address = await findReporterAddress(found.id);
    if (!address) return { skip: "the reporter left no address or stopped notices" };
    const content = buildReporterMail({ kind: notification.kind as ReporterNoticeKind, locale: found.locale, trackingCode: found.trackingCode, baseUrl, unsubscribeUrl: unsubscribeUrl(baseUrl, found.id) });
    return { to: address, content };
  }

  const staff = notification.staffUser;
  if (!staff || !staff.isActive) return { skip: "the staff account is gone or inactive" };
  const settings = staff.notificationSettings;
  if (settings?.mutedMailKinds.includes(notification.kind) && !isMailMandatory(staff.role, notification.kind)) return { skip: "turned off by the recipient" };
  const found = notification.case;
  if (!found || !STAFF_CASE_KINDS.includes(notification.kind)) return { skip: "not a case notification" };
  if (!(await canStaffSeeCase(db, staff, found.id))) return { skip: "the recipient may no longer see the case" };
  const content = buildStaffMail({ kind: notification.kind as StaffNoticeKind, locale: settings?.locale ?? "id", cases: [{ id: found.id, trackingCode: found.trackingCode }], baseUrl });
  return { to: staff.email, content };
}

/** The reporter's address for notices: the identified contact's email, else the notice-only one; none once stopped. */
export async function findReporterAddress(caseId: string): Promise<string | null> {
  const notice = await db.reporterNoticeEmail.findUnique({ where: { caseId }, select: { email: true, stoppedAt: true } });
  if (notice?.stoppedAt) return null;
  const contact = await db.reporterContact.findUnique({ where: { caseId }, select: { email: true } });
  if (contact?.email) return decryptContactValue(contact.email, caseId, "email");
  if (notice?.email) return decryptContactValue(notice.email, caseId, "notice-email");
  return null;
}

/** Sends to one address with the bounce and suppression rules; the caller records the outcome. */
export async function sendGuarded(to: string, content: MailContent, client: Pick<Prisma.TransactionClient, "mailSuppression"> = db): Promise<{ outcome: "sent" | "captured" } | { outcome: "skipped" | "bounced"; reason: string }> {
  if (!isValidNoticeEmail(to)) return { outcome: "skipped", reason: "not a valid email address" };
  const addressHash = suppressionHashOf(to);
  if (await client.mailSuppression.findUnique({ where: { addressHash }, select: { addressHash: true } })) return { outcome: "bounced", reason: "the address bounced before" };
  try {
    const sent = await sendMail(to, content);
    return { outcome: sent.status };
  } catch (error) {
    if (!(error instanceof PermanentMailError)) throw error;
    await client.mailSuppression.upsert({ where: { addressHash }, create: { addressHash, reason: `${error.responseCode}: ${error.message}`.slice(0, 500) }, update: {} });
    return { outcome: "bounced", reason: `${error.responseCode}: ${error.message}`.slice(0, 500) };
  }
}

export async function deliverNotificationMail(notificationId: string, options: { now?: Date } = {}): Promise<DeliveryResult> {
  const now = options.now ?? clockNow();
  const prepared = await prepareMail(notificationId);
  if (prepared === null) return "done-before";
  if ("skip" in prepared) {
    await db.notification.update({ where: { id: notificationId }, data: { mailStatus: "SKIPPED", mailLastError: prepared.skip } });
    return "skipped";
  }
  try {
    const result = await sendGuarded(prepared.to, prepared.content);
    if (!("reason" in result)) {
      await db.notification.update({ where: { id: notificationId }, data: { mailStatus: "SENT", mailSentAt: now, mailAttempts: { increment: 1 }, mailLastError: null } });
      return result.outcome;
    }
    await db.notification.update({
      where: { id: notificationId },
      data: { mailStatus: result.outcome === "bounced" ? "BOUNCED" : "SKIPPED", mailAttempts: { increment: result.outcome === "bounced" ? 1 : 0 }, mailLastError: result.reason },
    });
    return result.outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.notification.update({ where: { id: notificationId }, data: { mailStatus: "FAILED", mailAttempts: { increment: 1 }, mailLastError: message.slice(0, 500) } });
    // Thrown again so the job library retries with backoff; the failure stays visible to admins.
    throw error;
  }
}
