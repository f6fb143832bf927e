import { performance } from "node:perf_hooks";

import pg from "pg";

import type { StaffActor } from "@/lib/auth/session";
import { escalateOverdueCases } from "@/lib/cases/escalation";
import { decodeQueueCursor, findQueueCases, type QueuePage } from "@/lib/cases/queue";
import { queueFiltersSchema, type QueueFilters } from "@/lib/cases/queue-filters";
import { CASE_STATUSES, OPEN_STATUSES } from "@/lib/cases/workflow";
import { db, disconnectDatabases } from "@/lib/db";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { printComparisons, type Compared, type Timed } from "./report";

/**
 * The case queue (lib/cases/queue.ts) as /dasbor loads it, for a national supervisor and for
 * the officer of the busiest office, each figure beside the raw SQL of the same page run in the
 * same pass: one hand-written statement for the listed rows with everything the list shows, and
 * the counts the page shows (the counts table, or the capped count of a filtered view), both at
 * once on two connections as the queue does. Figure and baseline runs alternate, so a busy
 * machine slows both alike. Then the escalation sweep with nothing left to escalate, beside its
 * selecting statement alone.
 */

const RUNS = 30;
const WARM_UP_RUNS = 5;
const DEEP_PAGE = 200;
const PAGE_SIZE = 25;
const COUNT_LIMIT = 1000;
const ACTORS = [
  { email: "supervisor.nasional@demo.lapor-imigrasi.id", label: "national supervisor" },
  { email: "petugas.bekasi@demo.lapor-imigrasi.id", label: "officer kanim-bekasi" },
] as const;
/** In about 60 % of the demo cases. */
const COMMON_WORD = "paspor";
/** A category's name ("Calo atau perantara"), rarely in the cases' own text. */
const CATEGORY_WORD = "calo";

const CURRENT_DUE = `(CASE WHEN c."verifiedAt" IS NULL THEN c."verificationDueAt" ELSE COALESCE(c."resolutionDueAt", c."verificationDueAt") END)`;
const statusList = (statuses: readonly CaseStatus[]) => statuses.map((status) => `'${status}'`).join(", ");

type View = { name: string; filters: QueueFilters; page: number };

const VIEWS: View[] = [
  { name: "all, newest, page 1", filters: queueFiltersSchema.parse({ status: "all", sort: "newest" }), page: 1 },
  { name: `all, newest, page ${DEEP_PAGE}`, filters: queueFiltersSchema.parse({ status: "all", sort: "newest" }), page: DEEP_PAGE },
  { name: "default view (open, by deadline), page 1", filters: queueFiltersSchema.parse({}), page: 1 },
  { name: `default view (open, by deadline), page ${DEEP_PAGE}`, filters: queueFiltersSchema.parse({}), page: DEEP_PAGE },
  { name: "status tab IN_PROGRESS, by deadline, page 1", filters: queueFiltersSchema.parse({ status: "IN_PROGRESS" }), page: 1 },
  { name: `search "${COMMON_WORD}", all, newest, page 1`, filters: queueFiltersSchema.parse({ status: "all", sort: "newest", q: COMMON_WORD }), page: 1 },
  { name: `search "${CATEGORY_WORD}", open, by deadline, page 1`, filters: queueFiltersSchema.parse({ q: CATEGORY_WORD }), page: 1 },
];

export async function runQueueBenchmark(databaseUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    for (const { email, label } of ACTORS) {
      const actor = await db.staffUser.findUniqueOrThrow({
        where: { email },
        select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
      });
      const rows: Compared[] = [];
      for (const view of VIEWS) {
        const deep = view.page > 1 ? await cursorOfPage(actor, view.filters, view.page) : null;
        const filters = deep ? { ...view.filters, cursor: deep.cursor } : view.filters;
        const reached = deep ? `page ${deep.page} (the last)` : "page 1 (the only)";
        const name = view.page > 1 && deep?.page !== view.page ? view.name.replace(`page ${view.page}`, reached) : view.name;
        rows.push(await compare(`${label}: ${name}`, () => findQueueCases(actor, filters).then(describePage), () => rawPage(pool, actor, filters)));
      }
      printComparisons(`Queue at /dasbor, ${label} (figure: findQueueCases; baseline: the same page in raw SQL)`, rows);
    }
    printComparisons("Escalation sweep with nothing to escalate (baseline: its selecting statement alone)", [await measureIdleSweep(pool)]);
  } finally {
    await pool.end();
    await disconnectDatabases();
  }
}

async function compare(name: string, figure: () => Promise<string>, baseline: () => Promise<string>): Promise<Compared> {
  const measured: Timed = { name, timesMs: [] };
  const raw: Timed = { name: `${name} (raw SQL)`, timesMs: [] };
  for (let index = 0; index < WARM_UP_RUNS; index += 1) {
    measured.rows = await figure();
    await baseline();
  }
  for (let index = 0; index < RUNS; index += 1) {
    measured.timesMs.push(await time(figure));
    raw.timesMs.push(await time(baseline));
  }
  return { figure: measured, baseline: raw };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** "25 rows, more than 1000 match" or "25 rows of 1000000 in scope" (all statuses). */
function describePage(page: QueuePage): string {
  if (!page.statusCounts) return `${page.cases.length} rows, more than ${COUNT_LIMIT} match`;
  return `${page.cases.length} rows of ${CASE_STATUSES.reduce((sum, status) => sum + page.statusCounts![status], 0)} in scope`;
}

/** The cursor that opens page `page`, or the last page when there are fewer (a small --cases run). */
async function cursorOfPage(actor: StaffActor, filters: QueueFilters, page: number): Promise<{ cursor: string; page: number } | null> {
  let cursor: string | undefined;
  for (let current = 1; current < page; current += 1) {
    const { nextCursor } = await findQueueCases(actor, { ...filters, cursor });
    if (!nextCursor) return cursor ? { cursor, page: current } : null;
    cursor = nextCursor;
  }
  return cursor ? { cursor, page } : null;
}

/** The page as hand-written SQL: its rows with what the list shows, and its counts, at once. */
async function rawPage(pool: pg.Pool, actor: StaffActor, filters: QueueFilters): Promise<string> {
  const parameters: unknown[] = [actor.id];
  const where = [`NOT EXISTS (SELECT 1 FROM "CaseInvolvement" i WHERE i."caseId" = c."id" AND i."staffUserId" = $1::uuid)`];
  let countsScope = "TRUE";
  if (actor.role === "OFFICER") {
    parameters.push(actor.officeId);
    where.push(`c."officeId" = $${parameters.length}`);
    countsScope = `counts."officeId" = $1`;
  }
  const filtered = [...where];
  if (filters.q) {
    // As the queue does: the category and service names first (small tables), their ids ORed in.
    const pattern = `\\m${filters.q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`;
    const [categories, services] = await Promise.all(
      ["Category", "Service"].map((table) => pool.query<{ id: number }>(`SELECT "id" FROM "${table}" WHERE "nameId" ~* $1 OR "nameEn" ~* $1 OR "code" ~* $1`, [pattern])),
    );
    parameters.push(filters.q, categories!.rows.map((row) => row.id), services!.rows.map((row) => row.id));
    const [q, categoryIds, serviceIds] = [parameters.length - 2, parameters.length - 1, parameters.length];
    filtered.push(`(c."searchVector" @@ plainto_tsquery('indonesian', $${q}) OR c."categoryId" = ANY($${categoryIds}::int[]) OR c."serviceId" = ANY($${serviceIds}::int[]))`);
  }
  const listed = [...filtered];
  if (filters.status !== "all") listed.push(`c."status" IN (${statusList(filters.status === "open" ? OPEN_STATUSES : [filters.status])})`);
  const key = filters.sort === "deadline" ? CURRENT_DUE : `c."receivedAt"`;
  const direction = filters.sort === "newest" ? "DESC" : "ASC";
  const cursor = decodeQueueCursor(filters.cursor, filters.sort);
  const pageParameters = [...parameters];
  if (cursor) {
    pageParameters.push(new Date(cursor.key), cursor.id);
    listed.push(`(${key}, c."id") ${filters.sort === "newest" ? "<" : ">"} ($${pageParameters.length - 1}, $${pageParameters.length}::uuid)`);
  }
  const page = pool.query(
    `SELECT c."id", c."trackingCode", c."kind", c."channel", c."status", c."deadlineTier", c."receivedAt", c."verificationDueAt", c."verifiedAt",
            c."resolutionDueAt", c."clockPausedAt", c."pausedWorkingDays", c."isEscalated", left(c."description", 160) AS "excerpt",
            office."name" AS "officeName", service."nameId" AS "serviceId", service."nameEn" AS "serviceEn", category."code", category."nameId",
            category."nameEn", assignee."id" AS "assigneeId", assignee."name" AS "assigneeName", ${key} AS "sortKey"
     FROM "Case" c
     JOIN "Office" office ON office."id" = c."officeId"
     JOIN "Category" category ON category."id" = c."categoryId"
     LEFT JOIN "Service" service ON service."id" = c."serviceId"
     LEFT JOIN "StaffUser" assignee ON assignee."id" = c."assigneeId"
     WHERE ${listed.join(" AND ")}
     ORDER BY ${key} ${direction}, c."id" ${direction}
     LIMIT ${PAGE_SIZE + 1}`,
    pageParameters,
  );
  const counts = filters.q
    ? pool.query(`SELECT matching."status", count(*) FROM (SELECT c."status" FROM "Case" c WHERE ${filtered.join(" AND ")} LIMIT ${COUNT_LIMIT + 1}) matching GROUP BY 1`, parameters)
    : pool.query(`SELECT counts."status", counts."isEscalated", sum(counts."count") FROM "CaseStatusCount" counts WHERE ${countsScope} GROUP BY 1, 2`, parameters.slice(1));
  const [pageResult] = await Promise.all([page, counts]);
  return `${Math.min(pageResult.rowCount ?? 0, PAGE_SIZE)} rows`;
}

/** Sweeps until nothing is left to escalate, then times the sweep that finds nothing. */
async function measureIdleSweep(pool: pg.Pool): Promise<Compared> {
  for (;;) {
    const result = await escalateOverdueCases();
    if (result.status === "done" && result.escalated === 0) break;
  }
  const now = new Date();
  const select = () =>
    pool.query(
      `SELECT c."id" FROM "Case" c
       WHERE NOT c."isEscalated" AND c."status" IN (${statusList(["NEW", "VERIFIED", "IN_PROGRESS"])}) AND ${CURRENT_DUE} < $1
       ORDER BY ${CURRENT_DUE} LIMIT 500`,
      [now],
    );
  return compare("escalateOverdueCases(), nothing overdue", async () => {
    const result = await escalateOverdueCases(now);
    return result.status === "done" ? `${result.escalated} escalated` : "skipped";
  }, async () => `${(await select()).rowCount} rows`);
}
