import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvents } from "@/lib/audit/record";
import { CLOSED_STATUSES } from "@/lib/cases/workflow";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Retention of reporters' contact data: once a case has been closed for CONTACT_RETENTION_DAYS
 * (default 365), its ReporterContact row (name, email, phone) is deleted and a CONTACT_ERASED
 * event goes into the case's timeline and the audit trail. The case itself stays, with its
 * reporterMode, for the statistics. Closed cases never reopen (lib/cases/workflow.ts), so the
 * erasure never takes a contact an open case still needs.
 *
 * Run hourly as the "contact-retention" job (lib/jobs/registry.ts); only the run that gets the
 * transaction-scoped advisory lock works, the others skip.
 */

/** The one advisory lock of the job; any number, the same in every instance ("CRET"). */
const CONTACT_RETENTION_LOCK = BigInt(0x4352_4554);
/** Contacts erased per run, so one run never holds the audit chain for long; the next run takes the rest. */
const ERASE_BATCH = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ContactRetentionResult = { status: "done"; erased: number } | { status: "skipped" };

export async function eraseExpiredContacts(options: { now?: Date; retentionDays?: number } = {}): Promise<ContactRetentionResult> {
  const now = options.now ?? new Date();
  const retentionDays = options.retentionDays ?? getEnvironment().CONTACT_RETENTION_DAYS;
  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS);
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ acquired: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CONTACT_RETENTION_LOCK}) AS "acquired"`;
      if (!lock?.acquired) return { status: "skipped" } as const;

      const due = await tx.$queryRaw<{ id: string; closedAt: Date }[]>`
        SELECT c."id", c."closedAt" FROM "Case" c
        JOIN "ReporterContact" rc ON rc."caseId" = c."id"
        WHERE c."status"::text IN (${Prisma.join(CLOSED_STATUSES)}) AND c."closedAt" <= ${closedBefore}
        ORDER BY c."closedAt", c."id"
        LIMIT ${ERASE_BATCH}
        FOR UPDATE OF rc SKIP LOCKED`;
      if (due.length === 0) return { status: "done", erased: 0 } as const;

      await tx.reporterContact.deleteMany({ where: { caseId: { in: due.map((row) => row.id) } } });
      await recordEvents(
        tx,
        due.map((row) => ({
          caseId: row.id,
          actorKind: "SYSTEM" as const,
          action: AUDIT_ACTIONS.CONTACT_ERASED,
          isPublic: false,
          after: { reason: "retention", retentionDays, closedAt: row.closedAt.toISOString() },
          createdAt: now,
        })),
      );
      return { status: "done", erased: due.length } as const;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Days after a case closes before an anonymous reporter's notice-only email is deleted (issue 13). */
export const NOTICE_EMAIL_RETENTION_DAYS = 30;

/**
 * An anonymous reporter's email left only for notices (lib/notifications) is deleted
 * NOTICE_EMAIL_RETENTION_DAYS after the case closes: by then the closing notice and the request
 * to rate have gone out. The row stays without the address, keeping a "stop notices" choice.
 * The retaliation check asks on the tracking page afterwards, not by mail.
 */
export async function eraseExpiredNoticeEmails(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const closedBefore = new Date(now.getTime() - NOTICE_EMAIL_RETENTION_DAYS * DAY_MS);
  return db.$executeRaw`
    UPDATE "ReporterNoticeEmail" n SET "email" = NULL
    FROM "Case" c
    WHERE c."id" = n."caseId" AND n."email" IS NOT NULL
      AND c."status"::text IN (${Prisma.join(CLOSED_STATUSES)}) AND c."closedAt" <= ${closedBefore}`;
}
