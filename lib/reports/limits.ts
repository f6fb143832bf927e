import type { ReportErrorCode } from "./error-codes";

/**
 * The reporting forms' limits and the checks that need no schema library. The browser imports
 * these on first load; lib/reports/schemas.ts (zod) re-exports them and is loaded only when a
 * form is checked. No server imports here.
 */

const MEBIBYTE = 1024 * 1024;

export const REPORT_LIMITS = {
  descriptionMin: 30,
  descriptionMax: 5000,
  placeMax: 200,
  accusedMax: 1000,
  nameMax: 120,
  emailMax: 254,
  phoneMax: 32,
  files: 5,
  fileBytes: 10 * MEBIBYTE,
  messageMax: 3000,
  commentMax: 1000,
  amountMin: 0,
  amountMax: 1_000_000_000,
  incidentMaxAgeYears: 2,
  objectionReasonMin: 20,
  objectionReasonMax: 3000,
} as const;

export const REPORT_KINDS = ["COMPLAINT", "PUNGLI"] as const;
export const PAYMENT_METHODS = ["CASH", "TRANSFER", "E_WALLET", "OTHER"] as const;
export const REPORTER_MODES = ["ANONYMOUS", "IDENTIFIED"] as const;
export const TRI_STATE_ANSWERS = ["yes", "no", "unknown"] as const;

/** The report form's text fields, by their FormData names. */
export const REPORT_TEXT_FIELDS = [
  "kind",
  "officeCode",
  "serviceCode",
  "categoryCode",
  "incidentDate",
  "incidentPlace",
  "description",
  "amountDemanded",
  "amountPaid",
  "paymentMethod",
  "brokerInvolved",
  "receiptGiven",
  "accusedDescription",
  "reporterMode",
  "reporterName",
  "reporterEmail",
  "reporterPhone",
  "noticeEmail",
  "idempotencyKey",
] as const;

/** A field an error can point at: the text fields plus the evidence picker. */
export type ReportField = (typeof REPORT_TEXT_FIELDS)[number] | "evidence";

export type FieldErrors<Field extends string> = Partial<Record<Field, string[]>>;

/**
 * Reads a rupiah amount as people write it: "1500000", "1.500.000", "Rp 1.500.000",
 * "Rp1.500.000,-", "1.500.000,00", "1 500 000" or "1,500,000". Decimals other than zero are
 * refused: rupiah amounts are whole.
 */
export function parseRupiahAmount(input: string): { amount: number } | { error: "invalidAmount" | "amountTooLarge" } {
  const compact = input
    .trim()
    .replace(/^(?:rp|idr)\.?/i, "")
    .replace(/\s+/g, "")
    .replace(/(?:,-|\.-|,00?)$/, "");
  const isPlain = /^\d+$/.test(compact);
  const isDotGrouped = /^\d{1,3}(?:\.\d{3})+$/.test(compact);
  const isCommaGrouped = /^\d{1,3}(?:,\d{3})+$/.test(compact);
  if (!isPlain && !isDotGrouped && !isCommaGrouped) return { error: "invalidAmount" };
  const digits = compact.replace(/[.,]/g, "").replace(/^0+(?=\d)/, "");
  if (digits.length > 10) return { error: "amountTooLarge" };
  const amount = Number(digits);
  if (amount > REPORT_LIMITS.amountMax) return { error: "amountTooLarge" };
  return { amount };
}

/**
 * Early feedback on chosen files before they are sent: too many, or too large. The type is
 * checked on the server from the content.
 */
export function checkEvidenceSelection(selection: { alreadyAccepted: number; files: readonly { size: number }[] }): ReportErrorCode[] {
  const codes: ReportErrorCode[] = [];
  if (selection.alreadyAccepted + selection.files.length > REPORT_LIMITS.files) codes.push("tooManyFiles");
  if (selection.files.some((file) => file.size > REPORT_LIMITS.fileBytes)) codes.push("fileTooLarge");
  if (selection.files.some((file) => file.size === 0)) codes.push("fileEmpty");
  return codes;
}
