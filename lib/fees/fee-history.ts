/**
 * Which official fee (tarif PNBP) applies on a day. A service's fee history is a list of fees,
 * each in force from its effective date until the next one. Pure, so the rule is tested alone,
 * and safe in the browser: the report form picks the fee of the incident date it is given.
 *
 * A day before the earliest known fee gets the earliest known fee: the history starts where the
 * agency's records start (PP 45/2024 for the seeded fees), and an incident reported from before
 * it is still compared with the best fee known, rather than with nothing.
 *
 * A history only grows: a fee row is never changed. A row not yet in force may be deleted (an
 * admin's mistake about next year's fee), as long as the service keeps one fee.
 */

/** effectiveFrom: a @db.Date column (stored at UTC midnight), or its "YYYY-MM-DD" key. */
export type FeeEntry = { feeRupiah: number; effectiveFrom: Date | string };

/** "YYYY-MM-DD" of a @db.Date column (stored at UTC midnight). */
export function dateKeyOf(date: Date | string): string {
  return typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

function sortByEffectiveDate<Entry extends FeeEntry>(history: readonly Entry[]): Entry[] {
  return [...history].sort((a, b) => dateKeyOf(a.effectiveFrom).localeCompare(dateKeyOf(b.effectiveFrom)));
}

function findEntryInForce<Entry extends FeeEntry>(history: readonly Entry[], day: string): Entry | null {
  const sorted = sortByEffectiveDate(history);
  let inForce = sorted[0] ?? null;
  for (const entry of sorted) {
    if (dateKeyOf(entry.effectiveFrom) <= day) inForce = entry;
  }
  return inForce;
}

export function pickFeeInForce(history: readonly FeeEntry[], day: string): number | null {
  return findEntryInForce(history, day)?.feeRupiah ?? null;
}

/** Where a fee stands on `today`: still to come, the one in force, or replaced. */
export type FeeState = "upcoming" | "inForce" | "replaced";

/** The history newest first, each fee with its state on `today` and whether it may still be deleted. */
export function describeFeeHistory<Entry extends FeeEntry>(history: readonly Entry[], today: string): (Entry & { state: FeeState; isDeletable: boolean })[] {
  const inForce = findEntryInForce(history, today);
  return sortByEffectiveDate(history)
    .reverse()
    .map((entry) => {
      const state: FeeState = entry === inForce ? "inForce" : dateKeyOf(entry.effectiveFrom) > today ? "upcoming" : "replaced";
      return { ...entry, state, isDeletable: state === "upcoming" && history.length > 1 };
    });
}
