import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { CLOSED_STATUSES } from "@/lib/cases/workflow";
import { now as currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The retaliation check (issue 13): 30 and 90 days after a case closed, its tracking page asks
 * the reporter whether they have faced any retaliation since reporting. The sweep below makes a
 * round due: it adds the RetaliationCheck row (case, round) and records the public
 * RETALIATION_CHECK_DUE event with `after: { round }` (lib/notify mails it to a reporter who left
 * an email). The question stays answerable until it is answered or the next round falls due
 * (findOpenRetaliationCheck); the answer is ./retaliation-report.ts.
 *
 * - Which cases: closed ones (RESOLVED, REJECTED, FORWARDED), except retaliation reports
 *   themselves (their reporter is already in touch with the supervisors above the office).
 * - A round is made due only while the case closed between `round` and `round + GRACE_DAYS` days
 *   ago: a run missed for a while still catches up, and the first run after an upgrade does not
 *   ask about every case ever closed.
 * - Safe on any number of instances and runs: the (caseId, round) primary key lets one insert
 *   through, and only the transaction whose insert went through records the event.
 * - Fast at a million cases: the closedAt index bounds each round to the cases closed in a
 *   30-day window; the check rows are found by their primary key.
 */

export const RETALIATION_ROUNDS = [30, 90] as const;
export type RetaliationRound = (typeof RETALIATION_ROUNDS)[number];

const GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 500;

export function isRetaliationRound(value: number): value is RetaliationRound {
  return (RETALIATION_ROUNDS as readonly number[]).includes(value);
}

/** Makes every retaliation check round due that has come; returns how many this run made due. */
export async function runRetaliationChecks(options: { now?: Date } = {}): Promise<{ due: number }> {
  const now = options.now ?? currentTime();
  let due = 0;
  for (const round of RETALIATION_ROUNDS) {
    const closedNoLaterThan = new Date(now.getTime() - round * DAY_MS);
    const closedAfter = new Date(now.getTime() - (round + GRACE_DAYS) * DAY_MS);
    for (;;) {
      const candidates = await db.$queryRaw<{ id: string }[]>`
        SELECT c."id" FROM "Case" c
        WHERE c."closedAt" > ${closedAfter} AND c."closedAt" <= ${closedNoLaterThan}
          AND c."status" IN (${Prisma.join(CLOSED_STATUSES.map((status) => Prisma.sql`${status}::"CaseStatus"`))})
          AND c."kind" <> 'RETALIATION'
          AND NOT EXISTS (SELECT 1 FROM "RetaliationCheck" r WHERE r."caseId" = c."id" AND r."round" = ${round})
        ORDER BY c."closedAt", c."id"
        LIMIT ${BATCH_SIZE}`;
      for (const candidate of candidates) {
        if (await makeCheckDue(candidate.id, round, now)) due += 1;
      }
      // Every candidate either got its row now or already had one (another instance): the next query moves on.
      if (candidates.length < BATCH_SIZE) break;
    }
  }
  return { due };
}

async function makeCheckDue(caseId: string, round: RetaliationRound, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "RetaliationCheck" ("caseId", "round", "dueAt") VALUES (${caseId}::uuid, ${round}, ${now})
      ON CONFLICT ("caseId", "round") DO NOTHING`;
    if (inserted !== 1) return false;
    await recordEvent(tx, {
      caseId,
      actorKind: "SYSTEM",
      action: AUDIT_ACTIONS.RETALIATION_CHECK_DUE,
      isPublic: true,
      after: { round },
      createdAt: now,
    });
    return true;
  });
}

export type OpenRetaliationCheck = { round: RetaliationRound; dueAt: Date };

/**
 * The question the tracking page shows for a case: its newest round, while unanswered. A newer
 * round supersedes an older one left unanswered. Null when none is due or the newest is answered.
 */
export async function findOpenRetaliationCheck(client: Pick<Prisma.TransactionClient, "retaliationCheck">, caseId: string): Promise<OpenRetaliationCheck | null> {
  const newest = await client.retaliationCheck.findFirst({ where: { caseId }, orderBy: { round: "desc" }, select: { round: true, dueAt: true, answer: true } });
  if (!newest || newest.answer !== null || !isRetaliationRound(newest.round)) return null;
  return { round: newest.round, dueAt: newest.dueAt };
}
