import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { deadlineThresholds } from "@/lib/deadlines/case-clock";
import { loadNationalHolidayKeys } from "@/lib/deadlines/holidays";
import { Prisma } from "@/lib/generated/prisma/client";

import { assertCasePermission, findAccessibleCase } from "./access";
import { CURRENT_DUE_SQL, deadlineStateSql } from "./deadline-sql";
import { CaseRuleError } from "./errors";
import { isClosedStatus } from "./workflow";

/**
 * Escalation: an open case whose deadline has passed is marked escalated (isEscalated,
 * escalatedAt, an ESCALATED event), so it surfaces on the supervisors' view of the queue. A
 * supervisor can also escalate a case by hand.
 *
 * The flag is not part of what officers edit, so setting it leaves Case.version alone: an
 * officer's open form stays valid when the sweep passes by.
 */

/** The one advisory lock of the sweep; any number, the same in every instance ("ESCL"). */
const ESCALATION_SWEEP_LOCK = BigInt(0x4553_434c);
/** Cases marked per run, so one run never holds the audit chain for long; the next run takes the rest. */
const SWEEP_BATCH = 500;

export type EscalationSweepResult = { status: "done"; escalated: number } | { status: "skipped" };

/**
 * Marks the open overdue cases not yet escalated. Safe with several app instances running it at
 * once: only the instance that gets the transaction-scoped advisory lock works, the others skip.
 */
export async function escalateOverdueCases(now: Date = new Date()): Promise<EscalationSweepResult> {
  // "Overdue" is "due before now" and needs no office's days; the national ones fill the threshold pair.
  const holidays = await loadNationalHolidayKeys();
  const overdue = deadlineStateSql("OVERDUE", deadlineThresholds(now, holidays));
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ acquired: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ESCALATION_SWEEP_LOCK}) AS "acquired"`;
      if (!lock?.acquired) return { status: "skipped" } as const;

      // Read in due-date order from the partial index "Case_escalation_due_idx" (prisma/raw/010),
      // which holds only the running cases not yet escalated: with nothing overdue this reads
      // one index page, where ordering by id walked the whole table through a filter.
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT c."id" FROM "Case" c
        WHERE NOT c."isEscalated" AND ${overdue}
        ORDER BY ${CURRENT_DUE_SQL}
        LIMIT ${SWEEP_BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return { status: "done", escalated: 0 } as const;

      const ids = due.map((row) => row.id);
      await tx.$executeRaw`UPDATE "Case" SET "isEscalated" = TRUE, "escalatedAt" = ${now}, "updatedAt" = ${now} WHERE "id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
      for (const caseId of ids) {
        await recordEvent(tx, {
          caseId,
          actorKind: "SYSTEM",
          action: AUDIT_ACTIONS.ESCALATED,
          isPublic: false,
          before: { isEscalated: false },
          after: { isEscalated: true, reason: "overdue" },
          createdAt: now,
        });
      }
      return { status: "done", escalated: ids.length } as const;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** A supervisor escalates a case by hand (it needs attention before its deadline passes). */
export async function escalateCase(actor: StaffActor, input: { caseId: string; note: string }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await findAccessibleCase(tx, actor, input.caseId, { id: true, status: true, isEscalated: true });
    assertCasePermission(actor, "escalate");
    if (isClosedStatus(current.status)) throw new CaseRuleError("caseClosed");
    const updated = await tx.case.updateMany({ where: { id: current.id, isEscalated: false }, data: { isEscalated: true, escalatedAt: now } });
    if (updated.count === 0) throw new CaseRuleError("alreadyEscalated");
    await recordEvent(tx, {
      caseId: current.id,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.ESCALATED,
      isPublic: false,
      before: { isEscalated: false },
      after: { isEscalated: true, note: input.note },
      createdAt: now,
    });
  });
}
