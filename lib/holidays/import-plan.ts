import type { HolidayKind } from "@/lib/generated/prisma/enums";

import type { ImportedHoliday } from "./csv-import";

/**
 * What importing a holiday file changes. The file replaces, for its year, the days of every place
 * it names: the national days (national holidays and cuti bersama together) when it has any
 * national row, and the regional days of each province or office it names. A day of a covered
 * place that the file lacks is removed; places the file does not name are left as they are. So a
 * file with only national rows never touches regional days, and a corrected file can be imported
 * again: its second import changes nothing.
 *
 * Pure: no Next.js, no Prisma.
 */

export type StoredHoliday = {
  id: number;
  version: number;
  dateKey: string;
  nameId: string;
  nameEn: string;
  kind: HolidayKind;
  source: string | null;
  scopeKey: string;
};

export type HolidayImportPlan = {
  /** The places whose days of the year the file replaces. */
  coveredScopeKeys: string[];
  added: ImportedHoliday[];
  /** Same day and place, other names, kind or source. */
  changed: { before: StoredHoliday; after: ImportedHoliday }[];
  removed: StoredHoliday[];
  unchangedCount: number;
};

const dayKey = (holiday: { dateKey: string; scopeKey: string }) => `${holiday.dateKey}|${holiday.scopeKey}`;

const byDayThenPlace = (a: { dateKey: string; scopeKey: string }, b: { dateKey: string; scopeKey: string }) =>
  a.dateKey.localeCompare(b.dateKey) || a.scopeKey.localeCompare(b.scopeKey);

/** `stored` may hold any rows of the year; only those of the places the file covers are compared. */
export function planHolidayImport(imported: readonly ImportedHoliday[], stored: readonly StoredHoliday[]): HolidayImportPlan {
  const coveredScopeKeys = [...new Set(imported.map((row) => row.scopeKey))].sort();
  const covered = new Set(coveredScopeKeys);
  const storedByDay = new Map(stored.filter((row) => covered.has(row.scopeKey)).map((row) => [dayKey(row), row]));
  const importedDays = new Set(imported.map(dayKey));

  const added: ImportedHoliday[] = [];
  const changed: HolidayImportPlan["changed"] = [];
  let unchangedCount = 0;
  for (const row of imported) {
    const existing = storedByDay.get(dayKey(row));
    if (!existing) added.push(row);
    else if (existing.nameId !== row.nameId || existing.nameEn !== row.nameEn || existing.kind !== row.kind || existing.source !== row.source) changed.push({ before: existing, after: row });
    else unchangedCount += 1;
  }
  const removed = [...storedByDay.values()].filter((row) => !importedDays.has(dayKey(row)));

  return {
    coveredScopeKeys,
    added: added.sort(byDayThenPlace),
    changed: changed.sort((a, b) => byDayThenPlace(a.after, b.after)),
    removed: removed.sort(byDayThenPlace),
    unchangedCount,
  };
}

/** The days (and places) whose being a day off changes: only these can move a deadline. */
export function daysOffChangedBy(plan: HolidayImportPlan): { dateKey: string; scopeKey: string }[] {
  return [...plan.added, ...plan.removed].map((row) => ({ dateKey: row.dateKey, scopeKey: row.scopeKey }));
}

export function isEmptyPlan(plan: HolidayImportPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;
}
