import "server-only";

import { db, readDb } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { getEnvironment } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedSurveyResponseSql } from "@/lib/surveys/counted";
import { RANDOM_SURVEY_CHANNELS, SURVEY_ELEMENTS } from "@/lib/surveys/elements";

import { computeIkmFromSums, judgeIkm, type ElementScores, type IkmCategory } from "./ikm";

/**
 * The IKM published on /transparansi: per office, per half-year (January–June, July–December,
 * Asia/Jakarta), for the last two complete half-years, and only where the random sample reached the
 * Krejcie–Morgan minimum for the office's services in that half-year (ServiceVolume; none entered:
 * 384). Offices below it are not listed, only counted. Nothing else about the surveys is public.
 *
 * Computed in SQL (sums per element per office, bounded by the half-year and served by the
 * SurveyResponse (submittedOn, officeId, serviceId) index) and kept in PublicStatsSnapshot like the
 * other public figures, recomputed when older than PUBLIC_STATS_REFRESH_MINUTES.
 */

export type PublicIkmOffice = { code: string; name: string; index: number; category: IkmCategory; respondents: number };
export type PublicIkmHalfYear = { label: string; from: string; to: string; offices: PublicIkmOffice[]; officesBelowSample: number };
export type PublicIkm = { halfYears: PublicIkmHalfYear[]; computedAt: string };

const SNAPSHOT_KEY = "public-ikm-v1";

/** The last two complete half-years before `now`, newest first. */
export function completeHalfYears(now: Date): { label: string; from: string; to: string }[] {
  const today = toJakartaDateKey(now);
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const result: { label: string; from: string; to: string }[] = [];
  for (let index = 0; index < 2; index += 1) {
    // Step back one half-year from the current (incomplete) one.
    if (half === 1) {
      half = 2;
      year -= 1;
    } else {
      half = 1;
    }
    result.push(half === 1 ? { label: `${year}-S1`, from: `${year}-01-01`, to: `${year}-06-30` } : { label: `${year}-S2`, from: `${year}-07-01`, to: `${year}-12-31` });
  }
  return result;
}

type Row = { officeId: number; code: string; name: string; respondents: number; volume: number | null } & ElementScores;

async function computeHalfYear(period: { label: string; from: string; to: string }): Promise<PublicIkmHalfYear> {
  const scoreSums = Prisma.join(SURVEY_ELEMENTS.map(({ key, column }) => Prisma.sql`COALESCE(sum(r.${Prisma.raw(`"${column}"`)}), 0)::int AS ${Prisma.raw(`"${key}"`)}`));
  const indexChannels = Prisma.join(RANDOM_SURVEY_CHANNELS.map((channel) => Prisma.sql`${channel}::"SurveyChannel"`));
  const rows = await readDb.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."officeId", o."code", o."name", count(*)::int AS "respondents", ${scoreSums},
      (SELECT sum(v."count")::int FROM "ServiceVolume" v WHERE v."officeId" = r."officeId" AND v."month" BETWEEN ${period.from}::date AND ${period.to}::date) AS "volume"
    FROM "SurveyResponse" r JOIN "Office" o ON o."id" = r."officeId"
    WHERE r."submittedOn" BETWEEN ${period.from}::date AND ${period.to}::date AND r."channel" IN (${indexChannels}) AND ${countedSurveyResponseSql("r")}
    GROUP BY r."officeId", o."code", o."name"
    ORDER BY o."name"`);
  const offices: PublicIkmOffice[] = [];
  let officesBelowSample = 0;
  for (const row of rows) {
    const verdict = judgeIkm(computeIkmFromSums(row, row.respondents), row.volume);
    if (verdict.kind === "index") offices.push({ code: row.code, name: row.name, index: verdict.result.index, category: verdict.result.category, respondents: row.respondents });
    else officesBelowSample += 1;
  }
  return { ...period, offices, officesBelowSample };
}

export async function getPublicIkm(options: { now?: Date } = {}): Promise<PublicIkm> {
  const now = options.now ?? new Date();
  const stored = await db.publicStatsSnapshot.findUnique({ where: { key: SNAPSHOT_KEY } });
  const maxAge = getEnvironment().PUBLIC_STATS_REFRESH_MINUTES * 60_000;
  if (stored && now.getTime() - stored.computedAt.getTime() < maxAge) return stored.payload as unknown as PublicIkm;
  const halfYears = await Promise.all(completeHalfYears(now).map(computeHalfYear));
  const payload: PublicIkm = { halfYears, computedAt: now.toISOString() };
  await db.publicStatsSnapshot.upsert({
    where: { key: SNAPSHOT_KEY },
    create: { key: SNAPSHOT_KEY, payload: payload as unknown as Prisma.InputJsonObject, computedAt: now },
    update: { payload: payload as unknown as Prisma.InputJsonObject, computedAt: now },
  });
  return payload;
}
