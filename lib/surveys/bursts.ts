import "server-only";

import type { StaffActor } from "@/lib/auth/session-policy";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SurveyBurstStatus, SurveyChannel } from "@/lib/generated/prisma/enums";
import { windowStartOf } from "@/lib/rate-limit/bucket-key";

import { canOnSurveysOf, surveyOfficesWhere } from "./access";

/**
 * Implausible bursts: more than a handful of answers for one office and way in within a few
 * minutes (SURVEY_BURST_ANSWERS within SURVEY_BURST_MINUTES). Answers are counted per fixed
 * window in SurveyBurstWindow, which holds the window's answer ids only until the window is over,
 * so a burst can flag the answers that came before the threshold too. A flagged answer is left
 * out of the figures (./counted.ts) until a supervisor of the office accepts the burst; nothing
 * is dropped, and nothing is counted silently.
 */

export async function recordBurstCandidate(
  tx: Prisma.TransactionClient,
  input: { officeId: number; channel: SurveyChannel; responseId: string; now: Date; windowMinutes: number; threshold: number },
): Promise<{ flagged: boolean }> {
  const windowSeconds = input.windowMinutes * 60;
  const windowStart = windowStartOf(input.now, windowSeconds);
  const windowEnd = new Date(windowStart.getTime() + windowSeconds * 1000);
  await tx.$executeRaw`DELETE FROM "SurveyBurstWindow" WHERE "expiresAt" < ${input.now}`;
  const rows = await tx.$queryRaw<{ count: number; responseIds: string[] }[]>`
    INSERT INTO "SurveyBurstWindow" ("officeId", "channel", "windowStart", "count", "responseIds", "expiresAt")
    VALUES (${input.officeId}, ${input.channel}::"SurveyChannel", ${windowStart}, 1, ARRAY[${input.responseId}::uuid], ${windowEnd})
    ON CONFLICT ("officeId", "channel", "windowStart") DO UPDATE
      SET "count" = "SurveyBurstWindow"."count" + 1,
          "responseIds" = array_append("SurveyBurstWindow"."responseIds", ${input.responseId}::uuid)
    RETURNING "count", "responseIds"::text[] AS "responseIds"`;
  const row = rows[0];
  if (!row || Number(row.count) < input.threshold) return { flagged: false };

  const flag = await tx.surveyBurstFlag.upsert({
    where: { officeId_channel_windowStart: { officeId: input.officeId, channel: input.channel, windowStart } },
    create: { officeId: input.officeId, channel: input.channel, windowStart, windowEnd },
    update: {},
    select: { id: true },
  });
  await tx.surveyResponse.updateMany({ where: { id: { in: row.responseIds }, burstFlagId: null }, data: { burstFlagId: flag.id } });
  return { flagged: true };
}

export type SurveyBurstFlagView = {
  id: string;
  officeName: string;
  channel: SurveyChannel;
  windowStart: string;
  windowEnd: string;
  answerCount: number;
  status: SurveyBurstStatus;
  reviewedByName: string | null;
};

/** The burst flags of the offices `actor` reviews (newest first), optionally of one office. */
export async function listSurveyBurstFlags(actor: StaffActor, options: { officeId?: number; limit?: number } = {}): Promise<SurveyBurstFlagView[]> {
  const flags = await db.surveyBurstFlag.findMany({
    where: { office: { AND: [surveyOfficesWhere(actor, "reviewBursts"), options.officeId === undefined ? {} : { id: options.officeId }] } },
    orderBy: [{ windowStart: "desc" }],
    take: options.limit ?? 50,
    select: {
      id: true,
      channel: true,
      windowStart: true,
      windowEnd: true,
      status: true,
      office: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      _count: { select: { responses: true } },
    },
  });
  return flags.map((flag) => ({
    id: flag.id,
    officeName: flag.office.name,
    channel: flag.channel,
    windowStart: flag.windowStart.toISOString(),
    windowEnd: flag.windowEnd.toISOString(),
    answerCount: flag._count.responses,
    status: flag.status,
    reviewedByName: flag.reviewedBy?.name ?? null,
  }));
}

/** A supervisor's decision on a burst: ACCEPTED counts its answers, REJECTED keeps them out. Outside the actor's scope it does not exist. */
export async function reviewSurveyBurstFlag(actor: StaffActor, flagId: string, decision: "ACCEPTED" | "REJECTED", now: Date = new Date()): Promise<"reviewed" | "notFound"> {
  const flag = await db.surveyBurstFlag.findUnique({ where: { id: flagId }, select: { status: true, office: { select: { id: true, regionalOfficeId: true } } } });
  if (!flag || !canOnSurveysOf(actor, "reviewBursts", flag.office)) return "notFound";
  // The decision changes which answers the index counts: it is written to the audit trail with it.
  await db.$transaction(async (tx) => {
    await tx.surveyBurstFlag.update({ where: { id: flagId }, data: { status: decision, reviewedById: actor.id, reviewedAt: now } });
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: "SURVEY_BURST_REVIEWED",
      isPublic: false,
      before: { burstFlagId: flagId, officeId: flag.office.id, status: flag.status },
      after: { status: decision },
      createdAt: now,
    });
  });
  return "reviewed";
}
