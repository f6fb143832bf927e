import "server-only";

import { assertAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { MailStatus, NotificationKind } from "@/lib/generated/prisma/enums";

/**
 * For admins: the mails that failed or bounced, and how many wait, so a mail server that
 * refuses is noticed. A reporter's address is never shown (it is only ever decrypted to send);
 * a staff recipient is named.
 */

export type MailProblem = {
  id: string;
  kind: NotificationKind;
  status: MailStatus;
  staffName: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export type MailLog = { counts: Record<"pending" | "sent" | "failed" | "bounced", number>; problems: MailProblem[] };

export async function getMailLog(actor: StaffActor): Promise<MailLog> {
  assertAdmin(actor);
  const grouped = await db.notification.groupBy({ by: ["mailStatus"], _count: { _all: true } });
  const countOf = (status: MailStatus) => grouped.find((row) => row.mailStatus === status)?._count._all ?? 0;
  const rows = await db.notification.findMany({
    where: { mailStatus: { in: ["FAILED", "BOUNCED"] } },
    select: { id: true, kind: true, mailStatus: true, mailAttempts: true, mailLastError: true, createdAt: true, staffUser: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return {
    counts: { pending: countOf("PENDING") + countOf("BATCHED"), sent: countOf("SENT"), failed: countOf("FAILED"), bounced: countOf("BOUNCED") },
    problems: rows.map((row) => ({ id: row.id, kind: row.kind, status: row.mailStatus, staffName: row.staffUser?.name ?? null, attempts: row.mailAttempts, lastError: row.mailLastError, createdAt: row.createdAt })),
  };
}
