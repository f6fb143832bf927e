import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { deadlineThresholds, findDeadlineYearsWithoutHolidays, getDeadlineState, currentDueAt, type DeadlineState } from "@/lib/deadlines/case-clock";
import { loadNationalHolidayCalendar } from "@/lib/deadlines/holidays";
import { endOfJakartaDay } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, CaseStatus, Channel, DeadlineTier } from "@/lib/generated/prisma/enums";
import { normalizeTrackingCode } from "@/lib/reports/receipt";
import {
  DECIDED_AT_SQL,
  ESCALATED_SQL,
  PUNGLI_ABOVE_FEE_SQL,
  PUNGLI_WITH_AMOUNT_SQL,
  PUNGLI_WITH_BROKER_SQL,
  RESOLUTION_ON_TIME_SQL,
  VERIFICATION_ON_TIME_SQL,
  ratedSql,
  resolutionLateSql,
  verificationLateSql,
} from "@/lib/statistics/definitions-sql";

import { caseAccessSql, officeScopeWhere } from "./access";
import { CURRENT_DUE_SQL, deadlineStateSql, statusInSql } from "./deadline-sql";
import { countQueueCases } from "./queue-counts";
import { QUEUE_PAGE_SIZE, type QueueFilters, type QueueSort } from "./queue-filters";
import { OPEN_STATUSES } from "./workflow";

/**
 * The case queue at /dasbor: the cases in the actor's scope, filtered, searched and sorted, one
 * page at a time.
 *
 * Pagination is by keyset, not OFFSET: the cursor carries the last row's sort key and id, and the
 * next page starts strictly after that pair, so a page deep in the list costs what the first one
 * does, and a case saved meanwhile is neither skipped nor repeated. The selection is one raw
 * query because full-text search (the generated "searchVector" column) and the deadline sort
 * (verification or resolution due date) have no Prisma form; every value goes in as a bound
 * parameter through Prisma.sql. The counts above the list come from ./queue-counts.ts.
 */

/** What the page query returns per case: the columns of the list and the deadline clock. */
type QueueRow = {
  id: string;
  sortKey: Date;
  trackingCode: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  deadlineTier: DeadlineTier;
  receivedAt: Date;
  verificationDueAt: Date;
  verifiedAt: Date | null;
  resolutionDueAt: Date | null;
  clockPausedAt: Date | null;
  pausedWorkingDays: number;
  isEscalated: boolean;
  isObjected: boolean;
  /** The description cut one character past the excerpt, to tell whether it was cut. */
  descriptionStart: string;
  officeName: string;
  serviceNameId: string | null;
  serviceNameEn: string | null;
  categoryCode: string;
  categoryNameId: string;
  categoryNameEn: string;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type QueueCase = {
  id: string;
  trackingCode: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  deadlineTier: DeadlineTier;
  receivedAt: Date;
  dueAt: Date;
  deadlineState: DeadlineState;
  isEscalated: boolean;
  /** The reporter objected to a decision on it (lib/objections). */
  isObjected: boolean;
  officeName: string;
  service: { nameId: string; nameEn: string } | null;
  category: { code: string; nameId: string; nameEn: string };
  assignee: { id: string; name: string } | null;
  /** The start of the description, for recognising a case in the list. */
  excerpt: string;
};

export type QueuePage = {
  cases: QueueCase[];
  /** Cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * Cases per status under every filter but the status filter itself; null when a filtered view
   * matches more than QUEUE_COUNT_LIMIT cases (./queue-counts.ts says why).
   */
  statusCounts: Record<CaseStatus, number> | null;
  /** Open escalated cases in scope, whatever the filters: what a supervisor must look at. */
  escalatedOpenCount: number;
  /** Years a listed due date falls in without holiday data (see lib/deadlines). */
  yearsWithoutHolidays: number[];
};

const EXCERPT_LENGTH = 160;

/** The reporter objected to a decision on the case (one "CaseObjection" row at most, by its unique index). */
const OBJECTED_SQL = Prisma.sql`EXISTS (SELECT 1 FROM "CaseObjection" objection WHERE objection."caseId" = c."id")`;

type Cursor = { sort: QueueSort; key: string; id: string };

export function encodeQueueCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

/** Null for anything that is not a cursor of this sort (a hand-edited URL starts from the top). */
export function decodeQueueCursor(value: string | undefined, sort: QueueSort): Cursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, key, id] = parsed as unknown[];
    if (cursorSort !== sort || typeof key !== "string" || typeof id !== "string") return null;
    // Only what Postgres accepts: a canonical UUID and an ISO instant between years 1 and 9999.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(key) || Number.isNaN(Date.parse(key))) return null;
    return { sort, key, id };
  } catch {
    return null;
  }
}

const SORT_KEY_SQL: Record<QueueSort, Prisma.Sql> = {
  deadline: CURRENT_DUE_SQL,
  newest: Prisma.sql`c."receivedAt"`,
  oldest: Prisma.sql`c."receivedAt"`,
};

/**
 * The conditions on what a case is (kind, channel, category, service, office, by code) and on its
 * receipt date (`from` and `to` are Jakarta days, both included). The statistics
 * (lib/statistics/queries.ts) select their cases with these same conditions, so a figure and the
 * queue it links to list the same cases.
 */
export function caseAttributeConditions(filters: Partial<Pick<QueueFilters, "kind" | "channel" | "category" | "service" | "office">>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.kind) conditions.push(Prisma.sql`c."kind" = ${filters.kind}::"CaseKind"`);
  if (filters.channel) conditions.push(Prisma.sql`c."channel" = ${filters.channel}::"Channel"`);
  if (filters.category) conditions.push(Prisma.sql`c."categoryId" = (SELECT category."id" FROM "Category" category WHERE category."code" = ${filters.category})`);
  if (filters.service) conditions.push(Prisma.sql`c."serviceId" = (SELECT service."id" FROM "Service" service WHERE service."code" = ${filters.service})`);
  if (filters.office) conditions.push(Prisma.sql`c."officeId" = (SELECT office."id" FROM "Office" office WHERE office."code" = ${filters.office})`);
  return conditions;
}

export function receivedWithinConditions(filters: Partial<Pick<QueueFilters, "from" | "to">>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.from) conditions.push(Prisma.sql`c."receivedAt" > ${new Date(endOfJakartaDay(filters.from).getTime() - 24 * 60 * 60 * 1000)}`);
  if (filters.to) conditions.push(Prisma.sql`c."receivedAt" <= ${endOfJakartaDay(filters.to)}`);
  return conditions;
}

/** The filters a statistics figure links with (lib/statistics/definitions-sql.ts says what they mean). */
function statisticConditions(filters: QueueFilters, now: () => Date): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.verification) conditions.push(filters.verification === "on-time" ? VERIFICATION_ON_TIME_SQL : verificationLateSql(now()));
  if (filters.resolution) conditions.push(filters.resolution === "on-time" ? RESOLUTION_ON_TIME_SQL : resolutionLateSql(now()));
  if (filters.decided) conditions.push(Prisma.sql`${DECIDED_AT_SQL} IS NOT NULL`);
  if (filters.escalated) conditions.push(ESCALATED_SQL);
  if (filters.forwardedTo) conditions.push(Prisma.sql`c."forwardedTo" = ${filters.forwardedTo}::"ForwardTarget"`);
  if (filters.rating) conditions.push(ratedSql(filters.rating === "any" ? undefined : Number(filters.rating)));
  if (filters.broker) conditions.push(PUNGLI_WITH_BROKER_SQL);
  if (filters.amount) conditions.push(PUNGLI_WITH_AMOUNT_SQL);
  if (filters.aboveFee) conditions.push(PUNGLI_ABOVE_FEE_SQL);
  return conditions;
}

function requireThresholds<T>(thresholds: T | null): T {
  if (!thresholds) throw new Error("the deadline thresholds were not loaded for a filter that needs them (see needsThresholds)");
  return thresholds;
}

/** The filter conditions, all but status (counted per status) unless `withStatus`. */
function filterConditions(
  actor: StaffActor,
  filters: QueueFilters,
  thresholds: { overdueBefore: Date; dueSoonUntil: Date } | null,
  withStatus: boolean,
  namedBySearch: NamedBySearch,
): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [caseAccessSql(actor, "c")];
  if (withStatus && filters.status !== "all") conditions.push(statusInSql(filters.status === "open" ? OPEN_STATUSES : [filters.status]));
  if (filters.view === "mine") conditions.push(Prisma.sql`c."assigneeId" = ${actor.id}::uuid`);
  if (filters.view === "unassigned") conditions.push(Prisma.sql`c."assigneeId" IS NULL`);
  if (filters.view === "escalated") conditions.push(Prisma.sql`c."isEscalated" AND ${statusInSql(OPEN_STATUSES)}`);
  if (filters.view === "objected") conditions.push(OBJECTED_SQL);
  conditions.push(...caseAttributeConditions(filters));
  if (filters.assignee) conditions.push(Prisma.sql`c."assigneeId" = ${filters.assignee}::uuid`);
  if (filters.deadline) conditions.push(deadlineStateSql(filters.deadline, requireThresholds(thresholds)));
  conditions.push(...receivedWithinConditions(filters));
  // "Now" of the late filters is the overdue threshold: the same instant the deadline filter uses.
  conditions.push(...statisticConditions(filters, () => requireThresholds(thresholds).overdueBefore));
  if (filters.q) {
    // The words anywhere in the case text, the exact tracking code however it was typed, or the
    // name of the case's category or service (see findNamedBySearch).
    const code = normalizeTrackingCode(filters.q);
    const matches = [Prisma.sql`c."searchVector" @@ plainto_tsquery('indonesian', ${filters.q})`];
    if (code) matches.push(Prisma.sql`c."trackingCode" = ${code}`);
    if (namedBySearch.categoryIds.length > 0) matches.push(Prisma.sql`c."categoryId" = ANY(${namedBySearch.categoryIds}::int[])`);
    if (namedBySearch.serviceIds.length > 0) matches.push(Prisma.sql`c."serviceId" = ANY(${namedBySearch.serviceIds}::int[])`);
    conditions.push(matches.length === 1 ? matches[0]! : Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  }
  return conditions;
}

/** The categories and services a queue search names, by id. */
export type NamedBySearch = { categoryIds: number[]; serviceIds: number[] };

const NOTHING_NAMED: NamedBySearch = { categoryIds: [], serviceIds: [] };
/** Shorter searches would name half the list ("a" is in most names) and match most cases. */
export const NAME_SEARCH_MIN_LENGTH = 3;

/**
 * A search for "calo" must find the cases filed under "Calo atau perantara" / "Broker (calo)",
 * whatever their text says. The search is matched, as whole words and without regard to case,
 * against the names in both languages and the codes of the categories and services (a few
 * dozen rows), and the ids found are ORed into the case query, where the indexes on categoryId
 * and serviceId serve them: no join to those tables in the case query's WHERE, which would
 * keep the planner from the case indexes at a million cases.
 */
export async function findNamedBySearch(q: string | undefined): Promise<NamedBySearch> {
  const term = q?.trim() ?? "";
  if (term.length < NAME_SEARCH_MIN_LENGTH) return NOTHING_NAMED;
  // \m and \M are PostgreSQL's word boundaries; the term itself is matched literally.
  const pattern = `\\m${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`;
  const [categories, services] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Category" WHERE "nameId" ~* ${pattern} OR "nameEn" ~* ${pattern} OR "code" ~* ${pattern}`,
    db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Service" WHERE "nameId" ~* ${pattern} OR "nameEn" ~* ${pattern} OR "code" ~* ${pattern}`,
  ]);
  return { categoryIds: categories.map((row) => row.id), serviceIds: services.map((row) => row.id) };
}

export async function findQueueCases(actor: StaffActor, filters: QueueFilters, options: { now?: Date; pageSize?: number } = {}): Promise<QueuePage> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE;
  // One threshold pair serves the SQL filter over every office in scope, so the list counts the
  // national days only; the badges use the same, so a filtered list and its badges agree. The
  // case page counts the office's regional days too (lib/deadlines/holidays.ts says why). Only
  // the deadline and lateness filters need the days before the query; otherwise they load
  // alongside it.
  const calendarLoad = loadNationalHolidayCalendar();
  const [thresholds, namedBySearch] = await Promise.all([
    needsThresholds(filters) ? calendarLoad.then((calendar) => deadlineThresholds(now, calendar.days)) : null,
    filters.q ? findNamedBySearch(filters.q) : NOTHING_NAMED,
  ]);

  const sortKey = SORT_KEY_SQL[filters.sort];
  const direction = filters.sort === "newest" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const cursor = decodeQueueCursor(filters.cursor, filters.sort);
  const conditions = filterConditions(actor, filters, thresholds, true, namedBySearch);
  if (cursor) {
    const after = filters.sort === "newest" ? Prisma.sql`<` : Prisma.sql`>`;
    conditions.push(Prisma.sql`(${sortKey}, c."id") ${after} (${new Date(cursor.key)}, ${cursor.id}::uuid)`);
  }

  // One statement for the page with everything the list shows: at a million cases every round
  // trip counts, and the access rule is already in its WHERE.
  const [pageRows, counts, calendar] = await Promise.all([
    db.$queryRaw<QueueRow[]>`
      SELECT c."id", ${sortKey} AS "sortKey", c."trackingCode", c."kind", c."channel", c."status", c."deadlineTier", c."receivedAt",
             c."verificationDueAt", c."verifiedAt", c."resolutionDueAt", c."clockPausedAt", c."pausedWorkingDays", c."isEscalated",
             ${OBJECTED_SQL} AS "isObjected",
             left(c."description", ${EXCERPT_LENGTH + 1}) AS "descriptionStart", office."name" AS "officeName",
             service."nameId" AS "serviceNameId", service."nameEn" AS "serviceNameEn",
             category."code" AS "categoryCode", category."nameId" AS "categoryNameId", category."nameEn" AS "categoryNameEn",
             assignee."id" AS "assigneeId", assignee."name" AS "assigneeName"
      FROM "Case" c
      JOIN "Office" office ON office."id" = c."officeId"
      JOIN "Category" category ON category."id" = c."categoryId"
      LEFT JOIN "Service" service ON service."id" = c."serviceId"
      LEFT JOIN "StaffUser" assignee ON assignee."id" = c."assigneeId"
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${sortKey} ${direction}, c."id" ${direction}
      LIMIT ${pageSize + 1}`,
    countQueueCases(actor, filters, filterConditions(actor, filters, thresholds, false, namedBySearch)),
    calendarLoad,
  ]);

  const hasMore = pageRows.length > pageSize;
  const listed = pageRows.slice(0, pageSize);
  const cases = listed.map((row) => toQueueCase(row, now, calendar.days));
  const last = listed[pageSize - 1];
  const yearsWithoutHolidays = [...new Set(listed.flatMap((row) => findDeadlineYearsWithoutHolidays(row, now, calendar)))].sort();
  return {
    cases,
    nextCursor: hasMore && last ? encodeQueueCursor({ sort: filters.sort, key: last.sortKey.toISOString(), id: last.id }) : null,
    statusCounts: counts.statusCounts,
    escalatedOpenCount: counts.escalatedOpenCount,
    yearsWithoutHolidays,
  };
}

function needsThresholds(filters: QueueFilters): boolean {
  return Boolean(filters.deadline || filters.verification === "late" || filters.resolution === "late");
}

function toQueueCase(row: QueueRow, now: Date, holidays: ReadonlySet<string>): QueueCase {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    deadlineTier: row.deadlineTier,
    receivedAt: row.receivedAt,
    dueAt: currentDueAt(row),
    deadlineState: getDeadlineState(row, now, holidays),
    isEscalated: row.isEscalated,
    isObjected: row.isObjected,
    officeName: row.officeName,
    service: row.serviceNameId !== null && row.serviceNameEn !== null ? { nameId: row.serviceNameId, nameEn: row.serviceNameEn } : null,
    category: { code: row.categoryCode, nameId: row.categoryNameId, nameEn: row.categoryNameEn },
    assignee: row.assigneeId !== null && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
    excerpt: row.descriptionStart.length > EXCERPT_LENGTH ? `${row.descriptionStart.slice(0, EXCERPT_LENGTH).trimEnd()}…` : row.descriptionStart,
  };
}

/**
 * Retired categories, inactive services and closed offices stay in the choices (after the active
 * ones, with isActive false for the form to mark them): their cases are still there to find.
 */
export type QueueFilterOptions = {
  categories: { code: string; nameId: string; nameEn: string; isActive: boolean }[];
  services: { code: string; nameId: string; nameEn: string; isActive: boolean }[];
  /** Offices in scope, when there is more than one to choose from. */
  offices: { code: string; name: string; isActive: boolean }[];
  /** Officers of the office in view, for the assignee filter (see assigneesNeedOffice). */
  assignees: { id: string; name: string; officeName: string }[];
  /**
   * True when the scope spans several offices and none is chosen: the officers are then not
   * listed (nationally that is every officer, in every page of the queue), only the one already
   * filtered by, and the form asks for an office first.
   */
  assigneesNeedOffice: boolean;
};

/** The choices of the queue's filter form, limited to the actor's scope. */
export async function getQueueFilterOptions(actor: StaffActor, filters: Partial<Pick<QueueFilters, "office" | "assignee">> = {}): Promise<QueueFilterOptions> {
  const officeWhere = officeScopeWhere(actor);
  const [categories, services, offices] = await Promise.all([
    db.category.findMany({ orderBy: [{ isActive: "desc" }, { sortOrder: "asc" }, { code: "asc" }], select: { code: true, nameId: true, nameEn: true, isActive: true } }),
    db.service.findMany({ orderBy: [{ isActive: "desc" }, { sortOrder: "asc" }, { code: "asc" }], select: { code: true, nameId: true, nameEn: true, isActive: true } }),
    db.office.findMany({ where: officeWhere, orderBy: [{ isActive: "desc" }, { name: "asc" }], select: { code: true, name: true, isActive: true } }),
  ]);
  const assigneesNeedOffice = offices.length > 1 && !filters.office;
  const inView: Prisma.StaffUserWhereInput = assigneesNeedOffice
    ? { id: filters.assignee ?? { in: [] } }
    : { office: filters.office ? { AND: [officeWhere, { code: filters.office }] } : officeWhere };
  const assignees = await db.staffUser.findMany({
    where: { AND: [{ isActive: true, role: "OFFICER", office: officeWhere }, inView] },
    orderBy: [{ office: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, office: { select: { name: true } } },
    take: 500,
  });
  return {
    categories,
    services,
    offices: offices.length > 1 ? offices : [],
    assignees: assignees.map((staff) => ({ id: staff.id, name: staff.name, officeName: staff.office?.name ?? "" })),
    assigneesNeedOffice,
  };
}
