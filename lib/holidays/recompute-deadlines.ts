import "server-only";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvents, type AuditEventInput } from "@/lib/audit/record";
import { CURRENT_DUE_SQL, statusInSql } from "@/lib/cases/deadline-sql";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import { computeResolutionDueAt, computeVerificationDueAt, type Holidays } from "@/lib/deadlines/case-clock";
import { holidayKeysForOffice, parseScopeKey } from "@/lib/deadlines/holiday-scope";
import { loadAllHolidayKeyRows } from "@/lib/deadlines/holidays";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeadlineTier } from "@/lib/generated/prisma/enums";

/**
 * After a holiday change, inside its transaction (holiday lock held, see lib/deadlines/holidays.ts):
 * the deadlines of the open cases it can move are computed again with the pure clock functions
 * (lib/deadlines/case-clock.ts) and the holidays as they now stand.
 *
 * Which cases: open (not resolved, rejected or forwarded), of an office the changed days apply to,
 * whose current due date has not passed and is on or after the earliest changed day (a day off
 * after the due date cannot move it). The deadline that counts is recomputed: verification while
 * the case is not verified (receipt + 3 working days), resolution once it is (verification + the
 * tier's working days + the working days already paused). A paused case keeps its pause: the
 * working days of the current pause are added when it resumes, as always. Closed cases and their
 * stored working-day figures are never touched, so published statistics do not move.
 *
 * Each case whose due date moves gets its version bumped (an officer's open form then reports a
 * conflict rather than saving over it) and a public DEADLINE_RECOMPUTED event: the reporter sees on
 * /lacak that the deadline moved, in neutral words; staff see the dates.
 *
 * Scale: a national archive may hold ~200,000 open cases. Every candidate row is first locked in one
 * statement that returns only a count (so no writer can hold one of them while waiting for the
 * audit chain this transaction then holds), then read, recomputed and written a batch at a time in
 * id order, with the timeline events of a batch appended in one insert. Memory holds one batch.
 */

const BATCH_SIZE = 1000;

export type ChangedHolidayDay = { dateKey: string; scopeKey: string };

type CandidateRow = {
  id: string;
  officeId: number;
  province: string;
  deadlineTier: DeadlineTier;
  receivedAt: Date;
  verificationDueAt: Date;
  verifiedAt: Date | null;
  resolutionDueAt: Date | null;
  pausedWorkingDays: number;
};

/** The first instant of a Jakarta calendar day. */
function startOfJakartaDay(dateKey: string): Date {
  return new Date(`${dateKey}T00:00:00.000+07:00`);
}

/** The offices the changed days apply to, as a condition on "Case" c joined to "Office" o. */
function affectedOfficesSql(changedDays: readonly ChangedHolidayDay[]): Prisma.Sql {
  const provinces = new Set<string>();
  const officeIds = new Set<number>();
  for (const day of changedDays) {
    const place = parseScopeKey(day.scopeKey);
    if (!place || place.kind === "national") return Prisma.sql`TRUE`;
    if (place.kind === "province") provinces.add(place.province);
    else officeIds.add(place.officeId);
  }
  const conditions: Prisma.Sql[] = [];
  if (provinces.size > 0) conditions.push(Prisma.sql`o."province" IN (${Prisma.join([...provinces])})`);
  if (officeIds.size > 0) conditions.push(Prisma.sql`c."officeId" IN (${Prisma.join([...officeIds])})`);
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}

export type RecomputeResult = { movedCases: number };

export async function recomputeOpenCaseDeadlines(
  tx: Prisma.TransactionClient,
  input: { changedDays: readonly ChangedHolidayDay[]; actorId: string; changeId: string; now: Date },
): Promise<RecomputeResult> {
  if (input.changedDays.length === 0) return { movedCases: 0 };
  const earliest = input.changedDays.map((day) => day.dateKey).sort()[0]!;
  const dueFrom = new Date(Math.max(input.now.getTime(), startOfJakartaDay(earliest).getTime()));
  const candidates = Prisma.sql`
    ${statusInSql(OPEN_STATUSES)}
    AND ${CURRENT_DUE_SQL} >= ${dueFrom}
    AND ${affectedOfficesSql(input.changedDays)}`;

  await tx.$queryRaw`
    SELECT count(*)::int AS "locked" FROM (
      SELECT c."id" FROM "Case" c JOIN "Office" o ON o."id" = c."officeId"
      WHERE ${candidates}
      FOR UPDATE OF c
    ) AS locked_cases`;

  const holidayRows = await loadAllHolidayKeyRows(tx);
  const holidaysByOffice = new Map<number, Holidays>();
  const holidaysOf = (row: CandidateRow) => {
    let keys = holidaysByOffice.get(row.officeId);
    if (!keys) {
      keys = holidayKeysForOffice(holidayRows, { officeId: row.officeId, province: row.province });
      holidaysByOffice.set(row.officeId, keys);
    }
    return keys;
  };

  let movedCases = 0;
  let afterId: string | null = null;
  for (;;) {
    const after: Prisma.Sql = afterId === null ? Prisma.sql`TRUE` : Prisma.sql`c."id" > ${afterId}::uuid`;
    const batch: CandidateRow[] = await tx.$queryRaw<CandidateRow[]>`
      SELECT c."id", c."officeId", o."province", c."deadlineTier", c."receivedAt", c."verificationDueAt", c."verifiedAt", c."resolutionDueAt", c."pausedWorkingDays"
      FROM "Case" c JOIN "Office" o ON o."id" = c."officeId"
      WHERE ${candidates} AND ${after}
      ORDER BY c."id"
      LIMIT ${BATCH_SIZE}`;
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;

    const moves = batch.flatMap((row) => planMove(row, holidaysOf(row)));
    if (moves.length > 0) {
      await tx.$executeRaw`
        UPDATE "Case" AS c
        SET "verificationDueAt" = v."verificationDueAt", "resolutionDueAt" = v."resolutionDueAt", "version" = c."version" + 1, "updatedAt" = ${input.now}
        FROM (VALUES ${Prisma.join(moves.map((move) => Prisma.sql`(${move.caseId}::uuid, ${move.verificationDueAt}::timestamp(3), ${move.resolutionDueAt}::timestamp(3))`))})
          AS v("id", "verificationDueAt", "resolutionDueAt")
        WHERE c."id" = v."id"`;
      await recordEvents(
        tx,
        moves.map(
          (move): AuditEventInput => ({
            caseId: move.caseId,
            actorKind: "STAFF",
            actorId: input.actorId,
            action: AUDIT_ACTIONS.DEADLINE_RECOMPUTED,
            isPublic: true,
            before: { kind: move.kind, dueAt: move.before.toISOString() },
            after: { kind: move.kind, dueAt: move.after.toISOString(), holidayChangeId: input.changeId },
            createdAt: input.now,
          }),
        ),
      );
      movedCases += moves.length;
    }
    if (batch.length < BATCH_SIZE) break;
  }
  return { movedCases };
}

type PlannedMove = {
  caseId: string;
  kind: "verification" | "resolution";
  before: Date;
  after: Date;
  verificationDueAt: Date;
  resolutionDueAt: Date | null;
};

/** The case's deadline as the holidays now stand, when it differs from the stored one. */
function planMove(row: CandidateRow, holidays: Holidays): PlannedMove[] {
  if (!row.verifiedAt) {
    const after = computeVerificationDueAt(row.receivedAt, holidays);
    if (after.getTime() === row.verificationDueAt.getTime()) return [];
    return [{ caseId: row.id, kind: "verification", before: row.verificationDueAt, after, verificationDueAt: after, resolutionDueAt: row.resolutionDueAt }];
  }
  if (!row.resolutionDueAt) return [];
  const after = computeResolutionDueAt(row.verifiedAt, row.deadlineTier, row.pausedWorkingDays, holidays);
  if (after.getTime() === row.resolutionDueAt.getTime()) return [];
  return [{ caseId: row.id, kind: "resolution", before: row.resolutionDueAt, after, verificationDueAt: row.verificationDueAt, resolutionDueAt: after }];
}
