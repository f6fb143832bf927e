/**
 * A rupiah amount written as the reporter types it: "1550000" shows as "1.550.000" (the field
 * has its "Rp" beside it), the way Indonesians write amounts in both of the site's languages.
 * Pure, so the browser and the tests format the same way. Only the display changes: the server
 * still reads whatever arrives (lib/reports/limits.ts parseRupiahAmount, lib/admin/reference-form.ts
 * rupiahAmount), so a form posted without JavaScript ("1550000", "Rp 1.550.000") is accepted too.
 */

/** A decimal part being typed or written out ("1,5", "1.500.000,00", "150.000,-"): left as typed. */
const DECIMAL_TAIL = /,(?:\d{0,2}|-)$/;

/**
 * The amount with its thousands grouped by dots. A leading "Rp"/"IDR" is dropped (the field shows
 * it). Text that is not an amount (letters, a decimal part) is returned as typed, so nothing
 * typed is lost and the server's message explains what is wrong.
 */
export function formatAmountAsTyped(typed: string): string {
  const withoutCurrency = typed.replace(/^\s*(?:rp|idr)\.?\s*/i, "");
  if (!/^[\d.,\s]*$/.test(withoutCurrency) || DECIMAL_TAIL.test(withoutCurrency.trimEnd())) return typed;
  const digits = withoutCurrency.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Where the caret goes after formatting: behind the same number of digits as before. */
export function caretAfterFormatting(typed: string, caret: number, formatted: string): number {
  if (formatted === typed) return caret;
  const digitsBefore = typed.slice(0, caret).replace(/\D/g, "").replace(/^0+/, "").length;
  if (digitsBefore === 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/\d/.test(formatted[index]!)) seen += 1;
    if (seen === digitsBefore) return index + 1;
  }
  return formatted.length;
}
