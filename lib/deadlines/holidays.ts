import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { HolidayCalendar, Holidays } from "./case-clock";
import { NATIONAL_SCOPE_KEY, nationalHolidayKeys } from "./holiday-scope";

/**
 * Loads the Holiday table as "YYYY-MM-DD" keys for the pure deadline functions.
 *
 * A case's deadline counts the days off of its office: national holidays and cuti bersama, its
 * province's regional holidays and its own (./holiday-scope.ts). Lists that span many offices at
 * once (the queue's "due soon" and "overdue" thresholds, the statistics' backlog, the escalation
 * sweep) use the national days alone: one threshold serves one SQL filter over every office, and a
 * regional day can only make a case look due one working day later than it is at that office
 * (never overdue early: "overdue" is simply "due before now" and needs no holidays). The case page
 * and /lacak show each case with its own office's days.
 *
 * Nothing is cached in the process: after an admin edits holidays every app instance must count
 * the same days at once, and the table is small (a few dozen rows a year), so it is read per call.
 * Every year is loaded: the "no holidays for this year" warning needs to see all of them.
 *
 * Writes that compute a deadline take the holiday lock shared (lockAndLoadHolidayKeysForOffice)
 * and a holiday change takes it exclusively (lockHolidaysForChange): a deadline is never computed
 * from holidays that a change running at that moment is replacing, and the change's recomputation
 * of open cases (lib/holidays/recompute-deadlines.ts) never misses a case written meanwhile.
 */

type QueryClient = Pick<Prisma.TransactionClient, "$queryRaw">;
type HolidayKeyRow = { dateKey: string; scopeKey: string };

/** The one advisory lock between holiday changes and deadline writes; any number, the same everywhere ("HOLI"). */
const HOLIDAY_LOCK = BigInt(0x484f_4c49);

/** The holiday rows that apply to an office: national, its province's and its own. */
async function queryOfficeHolidayRows(client: QueryClient, officeId: number): Promise<HolidayKeyRow[]> {
  return client.$queryRaw<HolidayKeyRow[]>`
    SELECT to_char(h."date", 'YYYY-MM-DD') AS "dateKey", h."scopeKey"
    FROM "Holiday" h
    WHERE h."scopeKey" = ${NATIONAL_SCOPE_KEY}
       OR h."scopeKey" IN (SELECT unnest(ARRAY['province:' || o."province", 'office:' || o."id"::text]) FROM "Office" o WHERE o."id" = ${officeId})`;
}

/** The days off of one office (national, its province's, its own). */
export async function loadHolidayKeysForOffice(client: QueryClient, officeId: number): Promise<Holidays> {
  const rows = await queryOfficeHolidayRows(client, officeId);
  return new Set(rows.map((row) => row.dateKey));
}

/** An office's days off, and the national days alone (whose years count as entered). */
export async function loadHolidayCalendarForOffice(client: QueryClient, officeId: number): Promise<HolidayCalendar> {
  const rows = await queryOfficeHolidayRows(client, officeId);
  return { days: new Set(rows.map((row) => row.dateKey)), nationalDays: nationalHolidayKeys(rows) };
}

/** National holidays and cuti bersama: the days every office is closed, for thresholds over many offices. */
export async function loadNationalHolidayKeys(client: Pick<Prisma.TransactionClient, "holiday"> = db): Promise<Holidays> {
  const rows = await client.holiday.findMany({ where: { scopeKey: NATIONAL_SCOPE_KEY }, select: { date: true } });
  return new Set(rows.map((row) => row.date.toISOString().slice(0, 10)));
}

/** The national days as a calendar for lists over many offices. */
export async function loadNationalHolidayCalendar(client: Pick<Prisma.TransactionClient, "holiday"> = db): Promise<HolidayCalendar> {
  const days = await loadNationalHolidayKeys(client);
  return { days, nationalDays: days };
}

/**
 * For a transaction that is about to write a deadline of a case of this office: waits for a
 * holiday change in progress to commit, keeps one from starting until this transaction ends, and
 * returns the office's days off as they stand.
 */
export async function lockAndLoadHolidayKeysForOffice(tx: Prisma.TransactionClient, officeId: number): Promise<Holidays> {
  await lockHolidaysForDeadlineWrite(tx);
  return loadHolidayKeysForOffice(tx, officeId);
}

/**
 * The shared side of the holiday lock, for a transaction that may write a deadline. Take it before
 * locking any case row or appending to the audit trail: a holiday change holds this lock, then
 * case rows, then the audit chain, and taking them in another order could deadlock with it.
 */
export async function lockHolidaysForDeadlineWrite(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${HOLIDAY_LOCK})`;
}

/** For a transaction that changes holidays: waits for deadline writes in progress and holds new ones off until it commits. */
export async function lockHolidaysForChange(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOLIDAY_LOCK})`;
}

/** Every holiday row as day and place, for recomputing the deadlines of many offices at once. */
export async function loadAllHolidayKeyRows(client: QueryClient): Promise<HolidayKeyRow[]> {
  return client.$queryRaw<HolidayKeyRow[]>`SELECT to_char(h."date", 'YYYY-MM-DD') AS "dateKey", h."scopeKey" FROM "Holiday" h`;
}
