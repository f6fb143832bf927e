import "server-only";

import { createHash } from "node:crypto";

import { AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { findHolidayPlaces, holidayEntrySelect, toHolidayEntry, yearRange } from "./calendar";
import { commitHolidayChange, describeHoliday, type HolidayChangeResult } from "./changes";
import { parseHolidayCsv, type HolidayCsvError } from "./csv-import";
import { daysOffChangedBy, isEmptyPlan, planHolidayImport, type HolidayImportPlan, type StoredHoliday } from "./import-plan";

/**
 * Importing a year of holidays from a CSV file (format: ./csv-import.ts; what it replaces:
 * ./import-plan.ts). Two steps, so the admin sees what changes before anything does:
 *
 * 1. previewHolidayImport parses the file, compares it with the stored days and returns the plan,
 *    the file's content, its SHA-256 and a fingerprint of the stored rows the plan was made from
 *    (ids and versions of the year's days of the places the file covers).
 * 2. applyHolidayImport gets the content back with both hashes. It refuses when the content is not
 *    the one previewed, or when those stored rows changed since the preview (someone edited a day,
 *    or applied another file): then the preview no longer says what would happen and must be made
 *    again. Otherwise it applies exactly the previewed plan, in one transaction with the deadline
 *    recomputation and one HOLIDAYS_CHANGED event.
 *
 * A file with any bad row is refused whole, with the line and reason of every bad row.
 */

export type HolidayImportPreview =
  | { ok: false; errors: HolidayCsvError[] }
  | { ok: true; year: number; plan: HolidayImportPlan; content: string; contentHash: string; stateFingerprint: string };

export type ApplyHolidayImportInput = { year: number; content: string; contentHash: string; stateFingerprint: string };

export function hashContent(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

async function readStoredHolidays(client: Pick<Prisma.TransactionClient, "holiday">, year: number, scopeKeys: readonly string[]): Promise<StoredHoliday[]> {
  const rows = await client.holiday.findMany({ where: { date: yearRange(year), scopeKey: { in: [...scopeKeys] } }, orderBy: { id: "asc" }, select: holidayEntrySelect });
  return rows.map(toHolidayEntry);
}

function fingerprintOf(year: number, coveredScopeKeys: readonly string[], stored: readonly StoredHoliday[]): string {
  const state = [String(year), coveredScopeKeys.join("\n"), ...stored.map((row) => `${row.id}:${row.version}`)].join("|");
  return createHash("sha256").update(state, "utf8").digest("hex");
}

async function parseForYear(actor: StaffActor, year: number, content: string) {
  const places = await findHolidayPlaces(actor);
  return parseHolidayCsv(content, {
    year,
    provinces: new Set(places.provinces),
    officeIdsByCode: new Map(places.offices.map((office) => [office.code, office.id])),
  });
}

export async function previewHolidayImport(actor: StaffActor, input: { year: number; content: string }): Promise<HolidayImportPreview> {
  assertAdmin(actor);
  const parsed = await parseForYear(actor, input.year, input.content);
  if (!parsed.ok) return parsed;
  const scopeKeys = [...new Set(parsed.rows.map((row) => row.scopeKey))];
  const stored = await readStoredHolidays(db, input.year, scopeKeys);
  const plan = planHolidayImport(parsed.rows, stored);
  return {
    ok: true,
    year: input.year,
    plan,
    content: input.content,
    contentHash: hashContent(input.content),
    stateFingerprint: fingerprintOf(input.year, plan.coveredScopeKeys, stored),
  };
}

export async function applyHolidayImport(actor: StaffActor, input: ApplyHolidayImportInput, options: { now?: Date } = {}): Promise<HolidayChangeResult> {
  assertAdmin(actor);
  const now = options.now ?? new Date();
  if (hashContent(input.content) !== input.contentHash) throw new AdminRuleError("importPreviewStale");
  const parsed = await parseForYear(actor, input.year, input.content);
  // The previewed file was valid; a file that no longer parses means the offices changed meanwhile.
  if (!parsed.ok) throw new AdminRuleError("importPreviewStale");

  return commitHolidayChange(actor, now, async (tx) => {
    const scopeKeys = [...new Set(parsed.rows.map((row) => row.scopeKey))];
    const stored = await readStoredHolidays(tx, input.year, scopeKeys);
    const plan = planHolidayImport(parsed.rows, stored);
    if (fingerprintOf(input.year, plan.coveredScopeKeys, stored) !== input.stateFingerprint) throw new AdminRuleError("importPreviewStale");
    if (isEmptyPlan(plan)) throw new AdminRuleError("importNothingToApply");

    if (plan.removed.length > 0) await tx.holiday.deleteMany({ where: { id: { in: plan.removed.map((row) => row.id) } } });
    for (const { before, after } of plan.changed) {
      await tx.holiday.update({ where: { id: before.id }, data: { nameId: after.nameId, nameEn: after.nameEn, kind: after.kind, source: after.source, version: { increment: 1 } } });
    }
    if (plan.added.length > 0) {
      await tx.holiday.createMany({
        data: plan.added.map((row) => ({
          date: new Date(`${row.dateKey}T00:00:00.000Z`),
          nameId: row.nameId,
          nameEn: row.nameEn,
          kind: row.kind,
          source: row.source,
          scopeKey: row.scopeKey,
          province: row.place.kind === "province" ? row.place.province : null,
          officeId: row.place.kind === "office" ? row.place.officeId : null,
        })),
      });
    }
    return {
      changedDays: daysOffChangedBy(plan),
      before: {
        operation: "import",
        year: input.year,
        places: plan.coveredScopeKeys,
        removed: plan.removed.map(describeHoliday),
        changed: plan.changed.map((change) => describeHoliday(change.before)),
      },
      after: {
        operation: "import",
        year: input.year,
        places: plan.coveredScopeKeys,
        contentHash: input.contentHash,
        added: plan.added.map(describeHoliday),
        changed: plan.changed.map((change) => describeHoliday(change.after)),
        unchanged: plan.unchangedCount,
      },
    };
  });
}
