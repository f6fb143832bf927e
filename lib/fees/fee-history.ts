/**
 * Which official fee (tarif PNBP) applies on a day. A service's fee history is a list of fees,
 * each in force from its effective date until the next one. Pure, so the rule is tested alone.
 *
 * A day before the earliest known fee gets the earliest known fee: the history starts where the
 * agency's records start (PP 45/2024 for the seeded fees), and an incident reported from before
 * it is still compared with the best fee known, rather than with nothing.
 */

export type FeeEntry = { feeRupiah: number; effectiveFrom: Date };

/** "YYYY-MM-DD" of a @db.Date column (stored at UTC midnight). */
export function dateKeyOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function pickFeeInForce(history: readonly FeeEntry[], day: string): number | null {
  if (history.length === 0) return null;
  const sorted = [...history].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  let inForce = sorted[0]!;
  for (const entry of sorted) {
    if (dateKeyOf(entry.effectiveFrom) <= day) inForce = entry;
  }
  return inForce.feeRupiah;
}
