import "server-only";

import { deadlineStateSql, statusInSql } from "@/lib/cases/deadline-sql";
import { receivedWithinConditions } from "@/lib/cases/queue";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import { readDb } from "@/lib/db";
import { deadlineThresholds, type Holidays } from "@/lib/deadlines/case-clock";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";

import type { BacklogAgeBucket, StatisticsReport } from "./types";

/**
 * The open backlog now, whatever the period (the other filters apply): how many cases are open,
 * how long ago they were received in calendar days, and how many are past their deadline. Each
 * age bucket is a range of Jakarta receipt days, selected with the queue's own date conditions,
 * so the queue link of a bucket (status open, from, to) lists exactly its cases.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Age in calendar days (0 = received today): the youngest and oldest age of each bucket. */
const BUCKET_AGES: readonly { bucket: BacklogAgeBucket; youngest: number; oldest: number | null }[] = [
  { bucket: "0-7", youngest: 0, oldest: 7 },
  { bucket: "8-30", youngest: 8, oldest: 30 },
  { bucket: "31-90", youngest: 31, oldest: 90 },
  { bucket: "91+", youngest: 91, oldest: null },
];

function daysBefore(dateKey: string, days: number): string {
  return new Date(Date.parse(`${dateKey}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The age buckets as ranges of Jakarta receipt days, relative to `today` (a Jakarta date key). */
export function backlogBuckets(today: string): { bucket: BacklogAgeBucket; receivedFrom: string | null; receivedTo: string }[] {
  return BUCKET_AGES.map(({ bucket, youngest, oldest }) => ({
    bucket,
    receivedFrom: oldest === null ? null : daysBefore(today, oldest),
    receivedTo: daysBefore(today, youngest),
  }));
}

type BacklogRow = { open: number; overdue: number; oldest: Date | null } & Record<`bucket${number}`, number>;

export async function queryBacklog(scopeAndFilters: Prisma.Sql, now: Date, holidays: Holidays): Promise<StatisticsReport["backlog"] & { overdueNow: number }> {
  const buckets = backlogBuckets(toJakartaDateKey(now));
  const bucketCounts = buckets.map((bucket, index) => {
    const within = receivedWithinConditions({ from: bucket.receivedFrom ?? undefined, to: bucket.receivedTo });
    return Prisma.sql`count(*) FILTER (WHERE ${Prisma.join(within, " AND ")})::int AS ${Prisma.raw(`"bucket${index}"`)}`;
  });
  const [row] = await readDb.$queryRaw<BacklogRow[]>`
    SELECT
      count(*)::int AS "open",
      count(*) FILTER (WHERE ${deadlineStateSql("OVERDUE", deadlineThresholds(now, holidays))})::int AS "overdue",
      min(c."receivedAt") AS "oldest",
      ${Prisma.join(bucketCounts, ", ")}
    FROM "Case" c
    WHERE ${scopeAndFilters} AND ${statusInSql(OPEN_STATUSES)}`;
  if (!row) throw new Error("An aggregate without GROUP BY returned no row");
  return {
    open: row.open,
    byAge: buckets.map((bucket, index) => ({ ...bucket, count: row[`bucket${index}`] ?? 0 })),
    oldestReceivedAt: row.oldest ? row.oldest.toISOString() : null,
    overdueNow: row.overdue,
  };
}
