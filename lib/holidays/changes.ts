import "server-only";

import { randomUUID } from "node:crypto";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NATIONAL_SCOPE_KEY, parseScopeKey } from "@/lib/deadlines/holiday-scope";
import { lockHolidaysForChange } from "@/lib/deadlines/holidays";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import { findHolidayPlaces, holidayEntrySelect, isKnownPlace, toHolidayEntry, type HolidayEntry } from "./calendar";
import { recomputeOpenCaseDeadlines, type ChangedHolidayDay } from "./recompute-deadlines";
import type { AddHolidayInput, DeleteHolidayInput, UpdateHolidayInput } from "./schemas";

/**
 * Adding, editing and deleting single holidays. Each change is one transaction: the holiday
 * lock (lib/deadlines/holidays.ts), the row, the recomputed deadlines of the open cases it moves
 * (./recompute-deadlines.ts), and last one HOLIDAYS_CHANGED event saying what changed and how many
 * cases moved. Edits and deletes carry the version the admin saw (optimistic locking).
 */

export type HolidayChangeResult = { movedCases: number };

/** A recomputation over ~200,000 open cases takes a while; the transaction must outlive it. */
export const HOLIDAY_CHANGE_TRANSACTION = { maxWait: 10_000, timeout: 15 * 60_000 } as const;

const HOLIDAY_UNIQUE = { index: "Holiday_date_scopeKey_key", fields: ["date", "scopeKey"] } as const;

/** How a holiday appears in the HOLIDAYS_CHANGED event. */
export function describeHoliday(holiday: Pick<HolidayEntry, "dateKey" | "scopeKey" | "nameId" | "nameEn" | "kind">): Prisma.InputJsonObject {
  return { date: holiday.dateKey, place: holiday.scopeKey, nameId: holiday.nameId, nameEn: holiday.nameEn, kind: holiday.kind };
}

/**
 * Runs a holiday change: `work` writes the holiday rows and says which days off changed; the open
 * cases' deadlines follow and the change is audited, all in one transaction.
 */
export async function commitHolidayChange(
  actor: StaffActor,
  now: Date,
  work: (tx: Prisma.TransactionClient) => Promise<{ changedDays: ChangedHolidayDay[]; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject }>,
): Promise<HolidayChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      await lockHolidaysForChange(tx);
      const { changedDays, before, after } = await work(tx);
      const changeId = randomUUID();
      const { movedCases } = await recomputeOpenCaseDeadlines(tx, { changedDays, actorId: actor.id, changeId, now });
      await recordEvent(tx, {
        caseId: null,
        actorKind: "STAFF",
        actorId: actor.id,
        action: AUDIT_ACTIONS.HOLIDAYS_CHANGED,
        isPublic: false,
        before,
        after: { ...after, movedCases, changeId },
        createdAt: now,
      });
      return { movedCases };
    }, HOLIDAY_CHANGE_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error, HOLIDAY_UNIQUE)) throw new AdminRuleError("holidayDuplicate");
    throw error;
  }
}

function asDate(dateKey: string): Date {
  return new Date(`${dateKey}T00:00:00.000Z`);
}

/** National kinds belong to the national place, the regional kind to a province or office. */
function assertKindFitsPlace(kind: HolidayEntry["kind"], scopeKey: string): void {
  const isNational = scopeKey === NATIONAL_SCOPE_KEY;
  if (isNational === (kind === "REGIONAL_HOLIDAY")) throw new AdminRuleError("kindPlaceMismatch");
}

async function assertDayFree(tx: Prisma.TransactionClient, dateKey: string, scopeKey: string, exceptId?: number): Promise<void> {
  const taken = await tx.holiday.findUnique({ where: { date_scopeKey: { date: asDate(dateKey), scopeKey } }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new AdminRuleError("holidayDuplicate");
}

export async function addHoliday(actor: StaffActor, input: AddHolidayInput, options: { now?: Date } = {}): Promise<HolidayChangeResult> {
  assertAdmin(actor);
  const now = options.now ?? new Date();
  const places = await findHolidayPlaces(actor);
  if (!isKnownPlace(places, input.place)) throw new AdminRuleError("placeUnknown");
  assertKindFitsPlace(input.kind, input.place);
  const place = parseScopeKey(input.place)!;

  return commitHolidayChange(actor, now, async (tx) => {
    await assertDayFree(tx, input.date, input.place);
    const created = await tx.holiday.create({
      data: {
        date: asDate(input.date),
        nameId: input.nameId,
        nameEn: input.nameEn,
        kind: input.kind,
        source: input.source,
        scopeKey: input.place,
        province: place.kind === "province" ? place.province : null,
        officeId: place.kind === "office" ? place.officeId : null,
      },
      select: holidayEntrySelect,
    });
    const entry = toHolidayEntry(created);
    return { changedDays: [{ dateKey: entry.dateKey, scopeKey: entry.scopeKey }], before: { operation: "add" }, after: { operation: "add", added: [describeHoliday(entry)] } };
  });
}

export async function updateHoliday(actor: StaffActor, input: UpdateHolidayInput, options: { now?: Date } = {}): Promise<HolidayChangeResult> {
  assertAdmin(actor);
  const now = options.now ?? new Date();
  return commitHolidayChange(actor, now, async (tx) => {
    const current = await tx.holiday.findUnique({ where: { id: input.id }, select: holidayEntrySelect });
    if (!current) throw new AdminNotFoundError();
    if (current.version !== input.version) throw new AdminConflictError();
    const before = toHolidayEntry(current);
    assertKindFitsPlace(input.kind, before.scopeKey);
    if (input.date !== before.dateKey) await assertDayFree(tx, input.date, before.scopeKey, before.id);

    const updated = await tx.holiday.updateMany({
      where: { id: input.id, version: input.version },
      data: { date: asDate(input.date), nameId: input.nameId, nameEn: input.nameEn, kind: input.kind, source: input.source, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AdminConflictError();
    const after = { ...before, dateKey: input.date, nameId: input.nameId, nameEn: input.nameEn, kind: input.kind };
    // A new name or kind leaves the days off as they were; a new date frees one day and takes another.
    const changedDays =
      input.date === before.dateKey
        ? []
        : [
            { dateKey: before.dateKey, scopeKey: before.scopeKey },
            { dateKey: input.date, scopeKey: before.scopeKey },
          ];
    return { changedDays, before: { operation: "update", holiday: describeHoliday(before) }, after: { operation: "update", holiday: describeHoliday(after) } };
  });
}

export async function deleteHoliday(actor: StaffActor, input: DeleteHolidayInput, options: { now?: Date } = {}): Promise<HolidayChangeResult> {
  assertAdmin(actor);
  const now = options.now ?? new Date();
  return commitHolidayChange(actor, now, async (tx) => {
    const current = await tx.holiday.findUnique({ where: { id: input.id }, select: holidayEntrySelect });
    if (!current) throw new AdminNotFoundError();
    const deleted = await tx.holiday.deleteMany({ where: { id: input.id, version: input.version } });
    if (deleted.count === 0) throw new AdminConflictError();
    const before = toHolidayEntry(current);
    return { changedDays: [{ dateKey: before.dateKey, scopeKey: before.scopeKey }], before: { operation: "delete", holiday: describeHoliday(before) }, after: { operation: "delete" } };
  });
}
