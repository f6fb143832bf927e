import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { caseAttributeConditions, receivedWithinConditions } from "@/lib/cases/queue";
import { Prisma } from "@/lib/generated/prisma/client";

import type { Share, StatisticsFilters } from "./types";

/**
 * What the statistics queries (./queries-*.ts) share: which cases they count, and how a row of
 * SQL aggregates becomes a figure. The cases are selected with the queue's own conditions
 * (lib/cases/queue.ts), so every figure links to a queue listing exactly the cases behind it.
 *
 * Medians and 90th percentiles are percentile_cont (interpolated between the two middle values,
 * as in a textbook median), rounded to one decimal for working days (computed from a histogram,
 * ./working-days-percentile.ts) and to whole rupiah for amounts: the median of 2 and 3 working
 * days is 2.5.
 */

/** The cases in the actor's scope under the non-period filters: what "now" figures (backlog, overdue) count. */
export function scopeAndFiltersSql(actor: StaffActor, filters: StatisticsFilters): Prisma.Sql {
  return Prisma.join([caseAccessSql(actor, "c"), ...caseAttributeConditions(filters)], " AND ");
}

/** The same, received within the period (Jakarta days, both included): what every other figure counts. */
export function casesInPeriodSql(actor: StaffActor, filters: StatisticsFilters): Prisma.Sql {
  return Prisma.join([caseAccessSql(actor, "c"), ...caseAttributeConditions(filters), ...receivedWithinConditions(filters.period)], " AND ");
}

/** Median of a rupiah amount, rounded to whole rupiah; null over no rows. */
export function rupiahMedianSql(expression: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round((percentile_cont(0.5::float8) WITHIN GROUP (ORDER BY ${expression}) FILTER (WHERE ${where}))::numeric, 0)::float8`;
}

/** Average satisfaction score of the joined "SatisfactionRating" aliased `r`, to two decimals. */
export const AVERAGE_SCORE_SQL = Prisma.sql`round(avg(r."score")::numeric, 2)::float8`;

export function toShare(numerator: number, denominator: number): Share {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** A bigint sum from Postgres (null over no rows) as a number; rupiah totals stay far below 2^53. */
export function toNumber(value: bigint | number | null | undefined): number {
  return value == null ? 0 : Number(value);
}
