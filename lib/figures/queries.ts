import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql, officeInScopeSql, officeScopeWhere } from "@/lib/cases/access";
import { hasCasePermission } from "@/lib/cases/permissions";
import { readDb } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { monthsOfPeriod } from "@/lib/statistics/period";
import type { StatisticsFilters } from "@/lib/statistics/types";
import { countedSurveyResponseSql } from "@/lib/surveys/counted";
import { RANDOM_SURVEY_CHANNELS, SURVEY_ELEMENTS } from "@/lib/surveys/elements";

import { computeIkmFromSums, judgeIkm, type ElementScores, type IkmVerdict } from "./ikm";
import { isPungliLikelyUnderReported, perTenThousand, wholeMonthsOf, type GapThresholds } from "./rates";

/**
 * The integrity figures of a supervisor's scope (issue 14): IKM per office and per service from the
 * visitor surveys, complaints and pungli reports per 10,000 services, and the pungli gap. Separate
 * queries beside lib/statistics (its cubes are not touched); the same filters and period, the same
 * scope rule (lib/cases/access.ts: surveys and volumes by office scope, cases also without those the
 * actor is involved in), and only for those who may read statistics.
 *
 * Each query is bounded by the period and the scope and served by an index: SurveyResponse
 * (submittedOn, officeId, serviceId), ServiceVolume (month, officeId), Case (officeId, receivedAt).
 * A period's answers are aggregated in SQL (sums per element), never read row by row.
 */

export class FiguresForbiddenError extends Error {
  constructor() {
    super("Not found");
    this.name = "FiguresForbiddenError";
  }
}

export type PosterFigures = { respondents: number; index: number | null };

export type OfficeIntegrityFigures = {
  officeId: number;
  code: string;
  name: string;
  ikm: IkmVerdict;
  /** Self-selected answers from the open poster: shown apart, never part of the index. */
  poster: PosterFigures;
  /** Services delivered in the months of the period; null when a month has no volume entered. */
  volume: number | null;
  complaints: number;
  pungli: number;
  complaintsPer10k: number | null;
  pungliPer10k: number | null;
  askedToPay: number;
  askedToPayShare: number | null;
  isPungliLikelyUnderReported: boolean;
};

export type ServiceIntegrityFigures = { serviceId: number; code: string; nameId: string; nameEn: string; volume: number | null; ikm: IkmVerdict };

export type IntegrityFigures = {
  period: { from: string; to: string };
  /** The whole months the rates and the survey population cover. */
  months: string[];
  total: { ikm: IkmVerdict; poster: PosterFigures; respondents: number; volume: number | null };
  offices: OfficeIntegrityFigures[];
  services: ServiceIntegrityFigures[];
  thresholds: GapThresholds;
};

type SurveySums = { officeId: number; serviceId: number; indexSample: boolean; respondents: number; askedToPay: number } & ElementScores;

const emptySums = (): ElementScores => Object.fromEntries(SURVEY_ELEMENTS.map(({ key }) => [key, 0])) as ElementScores;

function addSums(target: { respondents: number; askedToPay: number; sums: ElementScores }, row: SurveySums): void {
  target.respondents += row.respondents;
  target.askedToPay += row.askedToPay;
  for (const { key } of SURVEY_ELEMENTS) target.sums[key] += row[key];
}

export function gapThresholds(): GapThresholds {
  const environment = getEnvironment();
  return { minAskedShare: environment.PUNGLI_GAP_MIN_ASKED_PERCENT / 100, maxReportsPer10k: environment.PUNGLI_GAP_MAX_REPORTS_PER_10K / 100 };
}

export async function getIntegrityFigures(actor: StaffActor, filters: StatisticsFilters): Promise<IntegrityFigures> {
  if (!hasCasePermission(actor, "viewStatistics")) throw new FiguresForbiddenError();
  const thresholds = gapThresholds();
  const { firstMonth, lastMonth, start, end } = wholeMonthsOf(filters.period);
  const months = monthsOfPeriod({ from: `${firstMonth}-01`, to: `${lastMonth}-01` });

  const offices = await readDb.office.findMany({
    where: { AND: [officeScopeWhere(actor), filters.office ? { code: filters.office } : {}] },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true },
  });
  const service = filters.service ? await readDb.service.findUnique({ where: { code: filters.service }, select: { id: true } }) : null;
  if (offices.length === 0 || (filters.service && !service)) return emptyFigures(filters, months, thresholds);
  const officeIds = offices.map((office) => office.id);
  const serviceCondition = (column: Prisma.Sql) => (service ? Prisma.sql`AND ${column} = ${service.id}` : Prisma.empty);

  const scoreSums = Prisma.join(SURVEY_ELEMENTS.map(({ key, column }) => Prisma.sql`COALESCE(sum(r.${Prisma.raw(`"${column}"`)}), 0)::int AS ${Prisma.raw(`"${key}"`)}`));
  const indexChannels = Prisma.join(RANDOM_SURVEY_CHANNELS.map((channel) => Prisma.sql`${channel}::"SurveyChannel"`));
  const [surveyRows, volumeRows, caseRows] = await Promise.all([
    readDb.$queryRaw<SurveySums[]>(Prisma.sql`
      SELECT r."officeId", r."serviceId", (r."channel" IN (${indexChannels})) AS "indexSample", count(*)::int AS "respondents",
        (count(*) FILTER (WHERE r."askedToPay"))::int AS "askedToPay", ${scoreSums}
      FROM "SurveyResponse" r
      WHERE r."submittedOn" BETWEEN ${filters.period.from}::date AND ${filters.period.to}::date
        AND r."officeId" = ANY(${officeIds}) AND ${officeInScopeSql(actor, Prisma.sql`r."officeId"`)} AND ${countedSurveyResponseSql("r")}
        ${serviceCondition(Prisma.sql`r."serviceId"`)}
      GROUP BY 1, 2, 3`),
    readDb.$queryRaw<{ officeId: number; serviceId: number; month: string; count: number }[]>(Prisma.sql`
      SELECT v."officeId", v."serviceId", to_char(v."month", 'YYYY-MM') AS "month", v."count"
      FROM "ServiceVolume" v
      WHERE v."month" BETWEEN ${`${firstMonth}-01`}::date AND ${`${lastMonth}-01`}::date
        AND v."officeId" = ANY(${officeIds}) AND ${officeInScopeSql(actor, Prisma.sql`v."officeId"`)}
        ${serviceCondition(Prisma.sql`v."serviceId"`)}`),
    readDb.$queryRaw<{ officeId: number; complaints: number; pungli: number }[]>(Prisma.sql`
      SELECT c."officeId", (count(*) FILTER (WHERE c."kind" = 'COMPLAINT'::"CaseKind"))::int AS "complaints",
        (count(*) FILTER (WHERE c."kind" = 'PUNGLI'::"CaseKind"))::int AS "pungli"
      FROM "Case" c
      WHERE c."officeId" = ANY(${officeIds}) AND c."receivedAt" >= ${start} AND c."receivedAt" < ${end} AND ${caseAccessSql(actor, "c")}
        ${serviceCondition(Prisma.sql`c."serviceId"`)}
      GROUP BY 1`),
  ]);

  // Volume per office (every month of the period must have one) and per service.
  const officeMonths = new Map<number, Map<string, number>>();
  const serviceVolumes = new Map<number, number>();
  for (const row of volumeRows) {
    const byMonth = officeMonths.get(row.officeId) ?? new Map<string, number>();
    byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.count);
    officeMonths.set(row.officeId, byMonth);
    serviceVolumes.set(row.serviceId, (serviceVolumes.get(row.serviceId) ?? 0) + row.count);
  }
  const volumeOf = (officeId: number): number | null => {
    const byMonth = officeMonths.get(officeId);
    if (!byMonth || months.some((month) => !byMonth.has(month))) return null;
    return [...byMonth.values()].reduce((sum, count) => sum + count, 0);
  };

  const perOffice = new Map<number, { index: { respondents: number; askedToPay: number; sums: ElementScores }; poster: { respondents: number; askedToPay: number; sums: ElementScores } }>();
  const perService = new Map<number, { respondents: number; askedToPay: number; sums: ElementScores }>();
  const totalIndex = { respondents: 0, askedToPay: 0, sums: emptySums() };
  const totalPoster = { respondents: 0, askedToPay: 0, sums: emptySums() };
  for (const row of surveyRows) {
    const entry = perOffice.get(row.officeId) ?? { index: { respondents: 0, askedToPay: 0, sums: emptySums() }, poster: { respondents: 0, askedToPay: 0, sums: emptySums() } };
    perOffice.set(row.officeId, entry);
    if (row.indexSample) {
      addSums(entry.index, row);
      addSums(totalIndex, row);
      const serviceEntry = perService.get(row.serviceId) ?? { respondents: 0, askedToPay: 0, sums: emptySums() };
      addSums(serviceEntry, row);
      perService.set(row.serviceId, serviceEntry);
    } else {
      addSums(entry.poster, row);
      addSums(totalPoster, row);
    }
  }
  const posterOf = (poster: { respondents: number; sums: ElementScores }): PosterFigures => ({ respondents: poster.respondents, index: computeIkmFromSums(poster.sums, poster.respondents)?.index ?? null });
  const casesByOffice = new Map(caseRows.map((row) => [row.officeId, row]));

  const officeFigures = offices.map((office): OfficeIntegrityFigures => {
    const survey = perOffice.get(office.id);
    const volume = volumeOf(office.id);
    const ikm = judgeIkm(survey ? computeIkmFromSums(survey.index.sums, survey.index.respondents) : null, volume);
    const cases = casesByOffice.get(office.id) ?? { complaints: 0, pungli: 0 };
    const respondents = survey?.index.respondents ?? 0;
    const askedToPay = survey?.index.askedToPay ?? 0;
    const askedToPayShare = respondents > 0 ? askedToPay / respondents : null;
    const pungliPer10k = perTenThousand(cases.pungli, volume);
    return {
      officeId: office.id,
      code: office.code,
      name: office.name,
      ikm,
      poster: posterOf(survey?.poster ?? { respondents: 0, sums: emptySums() }),
      volume,
      complaints: cases.complaints,
      pungli: cases.pungli,
      complaintsPer10k: perTenThousand(cases.complaints, volume),
      pungliPer10k,
      askedToPay,
      askedToPayShare,
      isPungliLikelyUnderReported: isPungliLikelyUnderReported({ sampleSuffices: ikm.kind === "index", askedToPayShare, pungliPer10k }, thresholds),
    };
  });

  const volumes = officeFigures.map((office) => office.volume);
  const totalVolume = volumes.some((volume) => volume === null) ? null : volumes.reduce<number>((sum, volume) => sum + (volume ?? 0), 0);
  const serviceRows = await readDb.service.findMany({ where: { id: { in: [...perService.keys()] } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, code: true, nameId: true, nameEn: true } });

  return {
    period: { from: filters.period.from, to: filters.period.to },
    months,
    total: { ikm: judgeIkm(computeIkmFromSums(totalIndex.sums, totalIndex.respondents), totalVolume), poster: posterOf(totalPoster), respondents: totalIndex.respondents, volume: totalVolume },
    offices: officeFigures,
    services: serviceRows.map((row) => {
      const entry = perService.get(row.id)!;
      const volume = serviceVolumes.get(row.id) ?? null;
      return { serviceId: row.id, code: row.code, nameId: row.nameId, nameEn: row.nameEn, volume, ikm: judgeIkm(computeIkmFromSums(entry.sums, entry.respondents), volume) };
    }),
    thresholds,
  };
}

function emptyFigures(filters: StatisticsFilters, months: string[], thresholds: GapThresholds): IntegrityFigures {
  return {
    period: { from: filters.period.from, to: filters.period.to },
    months,
    total: { ikm: judgeIkm(null, null), poster: { respondents: 0, index: null }, respondents: 0, volume: null },
    offices: [],
    services: [],
    thresholds,
  };
}
