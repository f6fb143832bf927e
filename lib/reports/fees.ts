/**
 * How much more than the official fee (tarif PNBP) a reporter was asked for.
 * Null when either amount is unknown. Negative when less than the fee was
 * asked (still worth recording: a broker may have taken it).
 */
export function computeFeeDifference(amountDemandedRupiah: number | null | undefined, officialFeeRupiah: number | null | undefined): number | null {
  if (amountDemandedRupiah == null || officialFeeRupiah == null) return null;
  return amountDemandedRupiah - officialFeeRupiah;
}
