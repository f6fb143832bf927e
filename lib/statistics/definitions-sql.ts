import "server-only";

import { statusInSql } from "@/lib/cases/deadline-sql";
import { CLOCK_RUNNING_STATUSES, CLOSED_STATUSES } from "@/lib/cases/workflow";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What the deadline figures mean, as SQL over the "Case" table aliased `c`: the one place the
 * statistics (./queries.ts), the exports (lib/exports) and the queue's statistic filters
 * (lib/cases/queue.ts) read them from, so a figure and the list of cases behind it agree.
 *
 * - The *first decision* on a report is its verification, or closing it straight from NEW
 *   (rejected or forwarded without verification). It is due 3 working days after receipt
 *   (verificationDueAt).
 * - A report counts for the verification figure once it was decided, or once its verification
 *   deadline passed undecided (it is late already; leaving it out would reward not deciding).
 *   It is on time when decided no later than verificationDueAt.
 * - A verified report counts for the resolution figure once it was closed (resolved, rejected
 *   or forwarded), or once its resolution deadline passed while the clock runs. A case waiting
 *   for the reporter has its deadline moved when the wait ends, so it is not late yet, unless the
 *   deadline had already passed when the wait began: then it is late, and stays late however
 *   long the wait lasts (putting an overdue case on hold must not take it out of the figure).
 *   It is on time when closed no later than resolutionDueAt (moved by every paused working day).
 */

export const DECIDED_AT_SQL = Prisma.sql`COALESCE(c."verifiedAt", c."closedAt")`;

export function verificationMeasuredSql(now: Date): Prisma.Sql {
  return Prisma.sql`(${DECIDED_AT_SQL} IS NOT NULL OR c."verificationDueAt" < ${now})`;
}

export const VERIFICATION_ON_TIME_SQL = Prisma.sql`(${DECIDED_AT_SQL} IS NOT NULL AND ${DECIDED_AT_SQL} <= c."verificationDueAt")`;

export function verificationLateSql(now: Date): Prisma.Sql {
  return Prisma.sql`(${verificationMeasuredSql(now)} AND NOT ${VERIFICATION_ON_TIME_SQL})`;
}

/** Waiting for the reporter, on hold since after its resolution deadline had passed. */
const PAUSED_WHEN_LATE_SQL = Prisma.sql`(c."status" = 'WAITING_FOR_REPORTER'::"CaseStatus" AND c."clockPausedAt" IS NOT NULL AND c."resolutionDueAt" < c."clockPausedAt")`;

export function resolutionMeasuredSql(now: Date): Prisma.Sql {
  return Prisma.sql`(c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND (${statusInSql(CLOSED_STATUSES)} OR (${statusInSql(CLOCK_RUNNING_STATUSES)} AND c."resolutionDueAt" < ${now}) OR ${PAUSED_WHEN_LATE_SQL}))`;
}

export const RESOLUTION_ON_TIME_SQL = Prisma.sql`(c."verifiedAt" IS NOT NULL AND c."closedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND c."closedAt" <= c."resolutionDueAt")`;

export function resolutionLateSql(now: Date): Prisma.Sql {
  return Prisma.sql`(${resolutionMeasuredSql(now)} AND NOT ${RESOLUTION_ON_TIME_SQL})`;
}

/**
 * Escalated at some point: the sweep (lib/cases/escalation.ts) and a supervisor both set
 * isEscalated and escalatedAt, and nothing clears them when the case closes; either one counts,
 * so a flag set by hand in the database without a date is not missed.
 */
export const ESCALATED_SQL = Prisma.sql`(c."isEscalated" OR c."escalatedAt" IS NOT NULL)`;

/** Pungli reports that give the amount demanded. */
export const PUNGLI_WITH_AMOUNT_SQL = Prisma.sql`(c."kind" = 'PUNGLI'::"CaseKind" AND c."amountDemandedRupiah" IS NOT NULL)`;

/** Pungli reports whose amount demanded was above the service's official fee (at filing time). */
export const PUNGLI_ABOVE_FEE_SQL = Prisma.sql`(c."kind" = 'PUNGLI'::"CaseKind" AND c."feeDifferenceRupiah" > 0)`;

/** Pungli reports that say a broker (calo) was involved. */
export const PUNGLI_WITH_BROKER_SQL = Prisma.sql`(c."kind" = 'PUNGLI'::"CaseKind" AND c."brokerInvolved" IS TRUE)`;

/** The case was rated by its reporter (`score` 1..5), or rated at all (`score` undefined). */
export function ratedSql(score?: number): Prisma.Sql {
  const scoreCondition = score === undefined ? Prisma.empty : Prisma.sql` AND rating."score" = ${score}`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "SatisfactionRating" rating WHERE rating."caseId" = c."id"${scoreCondition})`;
}
