import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which survey answers count in the figures: every answer except those that came in an
 * implausible burst (SurveyBurstFlag), unless a supervisor reviewed the burst and accepted it.
 * An OPEN or REJECTED burst's answers stay out: flagged, never silently counted.
 * Combine with AND; the SQL form is the same rule for raw aggregates.
 */
export const countedSurveyResponseWhere = {
  OR: [{ burstFlagId: null }, { burstFlag: { status: "ACCEPTED" } }],
} satisfies Prisma.SurveyResponseWhereInput;

/** countedSurveyResponseWhere as SQL over a "SurveyResponse" row aliased `alias`. */
export function countedSurveyResponseSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${table}."burstFlagId" IS NULL OR EXISTS (SELECT 1 FROM "SurveyBurstFlag" flag WHERE flag."id" = ${table}."burstFlagId" AND flag."status" = 'ACCEPTED'))`;
}
