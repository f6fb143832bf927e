import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { officeScopeWhere } from "@/lib/cases/access";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { hasCasePermission } from "@/lib/cases/permissions";
import { getQueueFilterOptions } from "@/lib/cases/queue";
import { readDb } from "@/lib/db";
import type { Holidays } from "@/lib/deadlines/case-clock";
import { loadNationalHolidayKeys } from "@/lib/deadlines/holidays";
import { getEnvironment } from "@/lib/env";

import { queryBacklog } from "./queries-backlog";
import { queryBreakdowns, queryClosings, type Breakdowns } from "./queries-breakdowns";
import { queryPungli } from "./queries-pungli";
import { casesInPeriodSql, scopeAndFiltersSql, toShare } from "./queries-sql";
import { queryRollupFigures, type RollupFigures } from "./queries-rollups";
import { queryPeriodSummary } from "./queries-summary";
import type { OfficeComparisonRow, StatisticsFilters, StatisticsReport, StatisticsScope } from "./types";

/**
 * The statistics of /dasbor/statistik, its XLSX summary sheet and its PDF report: every figure
 * over the cases in the actor's scope (lib/cases/access.ts) under the filters, summed from the
 * statistics cubes (./queries-rollups.ts), or computed from the case rows by a handful of SQL
 * aggregations (./queries-*.ts, the reference); no case is loaded into memory.
 * They read through `readDb` (DATABASE_READ_URL's replica when set).
 *
 * - Period figures count the reports *received* in the period. "Now" figures (backlog, overdue)
 *   count the cases open now, whatever the period.
 * - What on time means is ./definitions-sql.ts; medians are percentile_cont (./queries-sql.ts).
 * - The office comparison lists the offices in scope that received at least one report in the
 *   period. Shares, satisfaction average and rank are given only for offices with at least
 *   `minimumCases` reports (STATS_MIN_CASES), and each share and the average only when it rests
 *   on at least that many cases or ratings itself; the counts behind them are always given.
 */

export type GetStatisticsOptions = {
  now?: Date;
  /** Overrides STATS_MIN_CASES (tests). */
  minimumCases?: number;
};

/** Label of the reports that named no service (a complaint about the office in general). */
const NO_SERVICE = { nameId: "Tanpa layanan", nameEn: "No service" } as const;
const REJECTION_REASONS_SHOWN = 10;

export async function getStatistics(actor: StaffActor, filters: StatisticsFilters, options: GetStatisticsOptions = {}): Promise<StatisticsReport> {
  return computeStatistics(actor, filters, options, "rollups");
}

/**
 * The same report computed straight from the case rows with the definitions of
 * ./definitions-sql.ts: the reference the rollups are tested against
 * (tests/integration/statistics-rollups.test.ts) and the baseline of the bench. A national
 * year takes seconds at a million cases: the pages never call it.
 */
export async function getStatisticsFromCaseRows(actor: StaffActor, filters: StatisticsFilters, options: GetStatisticsOptions = {}): Promise<StatisticsReport> {
  return computeStatistics(actor, filters, options, "case rows");
}

async function computeStatistics(actor: StaffActor, filters: StatisticsFilters, options: GetStatisticsOptions, source: "rollups" | "case rows"): Promise<StatisticsReport> {
  if (!hasCasePermission(actor, "viewStatistics")) throw new CaseActionForbiddenError("viewStatistics");
  const now = options.now ?? new Date();
  const minimumCases = options.minimumCases ?? getEnvironment().STATS_MIN_CASES;

  // Thresholds over many offices count the national days only (see lib/deadlines/holidays.ts).
  const holidays = await loadNationalHolidayKeys();
  const [{ summary, breakdowns, closings, pungli, backlog }, names, scope] = await Promise.all([
    source === "rollups" ? queryRollupFigures(actor, filters, now, holidays) : queryCaseRowFigures(actor, filters, now, holidays),
    loadNames(actor),
    describeScope(actor),
  ]);
  const { overdueNow, ...backlogNow } = backlog;
  const serviceName = (serviceId: number | null) => (serviceId === null ? NO_SERVICE : (names.services.get(serviceId) ?? { code: "", nameId: "", nameEn: "" }));
  const serviceCode = (serviceId: number | null) => (serviceId === null ? null : (names.services.get(serviceId)?.code ?? ""));
  /** Largest count first; equal counts in the order of `tieBreak` (a code or name), so the order is stable. */
  const mostFirst = <Row extends { count: number }>(rows: Row[], tieBreak: (row: Row) => string) =>
    rows.sort((a, b) => b.count - a.count || tieBreak(a).localeCompare(tieBreak(b)));

  return {
    generatedAt: now.toISOString(),
    scope,
    filters,
    minimumCases,
    volume: {
      received: summary.received,
      byKind: mostFirst(breakdowns.byKind.map((row) => ({ kind: row.kind, count: row.received })), (row) => row.kind),
      byChannel: mostFirst(breakdowns.byChannel.map((row) => ({ channel: row.channel, count: row.received })), (row) => row.channel),
      byCategory: mostFirst(breakdowns.byCategory.map((row) => ({ ...(names.categories.get(row.categoryId) ?? { code: "", nameId: "", nameEn: "" }), count: row.received })), (row) => row.code),
      byService: mostFirst(breakdowns.byService.map((row) => ({ ...serviceName(row.serviceId), code: serviceCode(row.serviceId), count: row.received })), (row) => row.code ?? "~"),
      byOffice: mostFirst(breakdowns.byOffice.map((row) => ({ ...(names.offices.get(row.officeId) ?? { code: "", name: "" }), count: row.received })), (row) => row.name),
      byMonth: summary.byMonth,
    },
    backlog: backlogNow,
    deadlines: { ...summary.deadlines, overdueNow },
    outcomes: {
      ...summary.outcomes,
      rejectionReasons: mostFirst(closings.byRejectionReason, (row) => row.reason).slice(0, REJECTION_REASONS_SHOWN),
      forwardedTo: mostFirst(closings.byForwardTarget, (row) => row.target),
    },
    satisfaction: summary.satisfaction,
    pungli: {
      ...pungli.total,
      byService: pungli.byService
        .map((row) => ({
          ...serviceName(row.serviceId),
          code: serviceCode(row.serviceId),
          reports: row.reports,
          withAmount: row.withAmount,
          totalAboveFeeRupiah: row.totalAboveFeeRupiah,
          medianAboveFeeRupiah: row.medianAboveFeeRupiah,
          withBroker: row.withBroker,
        }))
        .sort((a, b) => b.reports - a.reports || (a.code ?? "~").localeCompare(b.code ?? "~")),
    },
    offices: compareOffices(breakdowns, names, minimumCases),
  };
}

async function queryCaseRowFigures(actor: StaffActor, filters: StatisticsFilters, now: Date, holidays: Holidays): Promise<RollupFigures> {
  const casesInPeriod = casesInPeriodSql(actor, filters);
  const [summary, breakdowns, closings, pungli, backlog] = await Promise.all([
    queryPeriodSummary(casesInPeriod, filters.period, now),
    queryBreakdowns(casesInPeriod, now),
    queryClosings(casesInPeriod),
    queryPungli(casesInPeriod),
    queryBacklog(scopeAndFiltersSql(actor, filters), now, holidays),
  ]);
  return { summary, breakdowns, closings, pungli, backlog };
}

type Names = Awaited<ReturnType<typeof loadNames>>;

function compareOffices(breakdowns: Breakdowns, names: Names, minimumCases: number): OfficeComparisonRow[] {
  const rows = breakdowns.byOffice.map((office): OfficeComparisonRow => {
    const isComparable = office.received >= minimumCases;
    // A share needs the minimum in its own denominator too: 12 reports with one measured case
    // must not show 100 % and rank first.
    const share = (numerator: number, denominator: number) => (isComparable && denominator >= minimumCases ? toShare(numerator, denominator) : { numerator, denominator, value: null });
    const { code, name } = names.offices.get(office.officeId) ?? { code: "", name: "" };
    return {
      code,
      name,
      received: office.received,
      pungli: office.pungli,
      byService: breakdowns.byOfficeAndService
        .filter((row) => row.officeId === office.officeId)
        .map((row) => ({ code: row.serviceId === null ? null : (names.services.get(row.serviceId)?.code ?? ""), count: row.received }))
        .sort((a, b) => b.count - a.count || (a.code ?? "~").localeCompare(b.code ?? "~")),
      verificationOnTime: share(office.verificationOnTime, office.verificationMeasured),
      resolutionOnTime: share(office.resolutionOnTime, office.resolutionMeasured),
      satisfaction: { ratings: office.ratings, average: isComparable && office.ratings >= minimumCases ? office.ratingAverage : null },
      isComparable,
      rank: null,
    };
  });
  rankByResolutionOnTime(rows);
  return rows.sort((a, b) => b.received - a.received || a.name.localeCompare(b.name));
}

/**
 * Ranks the comparable offices that have a resolution share, best first; equal shares share a
 * rank (1, 2, 2, 4). Shares are compared as fractions, so 2/3 and 4/6 tie exactly.
 */
function rankByResolutionOnTime(rows: OfficeComparisonRow[]): void {
  const ranked = rows.filter((row) => row.isComparable && row.resolutionOnTime.value !== null);
  const better = (a: OfficeComparisonRow, b: OfficeComparisonRow) =>
    a.resolutionOnTime.numerator * b.resolutionOnTime.denominator > b.resolutionOnTime.numerator * a.resolutionOnTime.denominator;
  for (const row of ranked) row.rank = 1 + ranked.filter((other) => better(other, row)).length;
}

async function loadNames(actor: StaffActor) {
  const [categories, services, offices] = await Promise.all([
    readDb.category.findMany({ select: { id: true, code: true, nameId: true, nameEn: true } }),
    readDb.service.findMany({ select: { id: true, code: true, nameId: true, nameEn: true } }),
    readDb.office.findMany({ where: officeScopeWhere(actor), select: { id: true, code: true, name: true } }),
  ]);
  return {
    categories: new Map(categories.map(({ id, ...category }) => [id, category])),
    services: new Map(services.map(({ id, ...service }) => [id, service])),
    offices: new Map(offices.map(({ id, ...office }) => [id, office])),
  };
}

/** What the figures cover, named for the page and the PDF. Mirrors the scopes of lib/cases/access.ts. */
async function describeScope(actor: StaffActor): Promise<StatisticsScope> {
  if (actor.role === "ADMIN" || (actor.role === "SUPERVISOR" && actor.scopeLevel === "NATIONAL")) return { kind: "all" };
  if (actor.role === "SUPERVISOR" && actor.scopeLevel === "REGIONAL") {
    const region = actor.regionalOfficeId == null ? null : await readDb.regionalOffice.findUnique({ where: { id: actor.regionalOfficeId }, select: { name: true } });
    return region ? { kind: "region", name: region.name } : { kind: "none" };
  }
  const office = actor.officeId == null ? null : await readDb.office.findUnique({ where: { id: actor.officeId }, select: { name: true } });
  return office ? { kind: "office", name: office.name } : { kind: "none" };
}

/**
 * The choices of the statistics filter form: the queue's own (offices in scope, categories and
 * services, retired and closed ones included and marked), without the assignees the statistics
 * do not filter by.
 */
export async function getStatisticsFilterOptions(actor: StaffActor) {
  if (!hasCasePermission(actor, "viewStatistics")) throw new CaseActionForbiddenError("viewStatistics");
  const { categories, services, offices } = await getQueueFilterOptions(actor);
  return { categories, services, offices };
}
