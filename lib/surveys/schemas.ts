import { parseRupiahAmount } from "@/lib/reports/limits";

import { SURVEY_ELEMENTS, type SurveyElementKey, type SurveyScoreColumn } from "./elements";

/**
 * The survey form's fields and their server-side check. Pure (no Next, no Prisma): the public
 * form, the interviewer's form and the tests share it. Every problem is a code the page
 * translates; the typed values come back with them, so a half-filled survey loses nothing.
 */

export const SURVEY_COMMENT_MAX = 1000;

export const SURVEY_TEXT_FIELDS = [
  "serviceCode",
  ...SURVEY_ELEMENTS.map((element) => element.key),
  "askedToPay",
  "askedToPayAmount",
  "askedToPayBy",
  "offeredShortcut",
  "receiptGiven",
  "comment",
] as const;

export type SurveyField = (typeof SURVEY_TEXT_FIELDS)[number];

export type SurveyErrorCode = "required" | "invalidChoice" | "invalidAmount" | "amountTooLarge" | "commentTooLong";

export type SurveyFieldErrors = Partial<Record<SurveyField, SurveyErrorCode>>;

export const YES_NO = ["yes", "no"] as const;
export const RECEIPT_ANSWERS = ["yes", "no", "notPaid"] as const;
export const ASKED_BY = ["STAFF", "BROKER"] as const;

export type SurveyAnswers = {
  serviceCode: string;
  scores: Record<SurveyScoreColumn, number>;
  askedToPay: boolean;
  askedToPayAmountRupiah: number | null;
  askedToPayBy: (typeof ASKED_BY)[number] | null;
  offeredShortcutByBroker: boolean;
  receiptGiven: boolean | null;
  comment: string | null;
};

export type SurveyParseResult =
  | { success: true; answers: SurveyAnswers; values: Record<SurveyField, string> }
  | { success: false; fieldErrors: SurveyFieldErrors; values: Record<SurveyField, string> };

/** The form's text values, each trimmed to a bounded length (anything longer is not this form). */
export function readSurveyValues(formData: FormData): Record<SurveyField, string> {
  const values = {} as Record<SurveyField, string>;
  for (const field of SURVEY_TEXT_FIELDS) {
    const raw = formData.get(field);
    values[field] = typeof raw === "string" ? raw.slice(0, SURVEY_COMMENT_MAX * 4) : "";
  }
  return values;
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

/** `serviceCodes`: the services the form offers (active ones). */
export function parseSurveyValues(values: Record<SurveyField, string>, serviceCodes: ReadonlySet<string>): SurveyParseResult {
  const fieldErrors: SurveyFieldErrors = {};
  const choice = <T extends string>(field: SurveyField, choices: readonly T[]): T | null => {
    const value = values[field].trim();
    if (value === "") {
      fieldErrors[field] = "required";
      return null;
    }
    if (!isOneOf(choices, value)) {
      fieldErrors[field] = "invalidChoice";
      return null;
    }
    return value;
  };

  const serviceCode = values.serviceCode.trim();
  if (serviceCode === "") fieldErrors.serviceCode = "required";
  else if (!serviceCodes.has(serviceCode)) fieldErrors.serviceCode = "invalidChoice";

  const scores = {} as Record<SurveyScoreColumn, number>;
  for (const element of SURVEY_ELEMENTS) {
    const score = choice<string>(element.key, ["1", "2", "3", "4"]);
    if (score !== null) scores[element.column] = Number(score);
  }

  const askedToPay = choice("askedToPay", YES_NO);
  let amount: number | null = null;
  let askedBy: (typeof ASKED_BY)[number] | null = null;
  if (askedToPay === "yes") {
    const typedAmount = values.askedToPayAmount.trim();
    if (typedAmount !== "") {
      const parsed = parseRupiahAmount(typedAmount);
      if ("error" in parsed) fieldErrors.askedToPayAmount = parsed.error;
      else amount = parsed.amount;
    }
    askedBy = choice("askedToPayBy", ASKED_BY);
  }
  const offeredShortcut = choice("offeredShortcut", YES_NO);
  const receipt = choice("receiptGiven", RECEIPT_ANSWERS);
  const comment = values.comment.trim();
  if (comment.length > SURVEY_COMMENT_MAX) fieldErrors.comment = "commentTooLong";

  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors, values };
  return {
    success: true,
    values,
    answers: {
      serviceCode,
      scores,
      askedToPay: askedToPay === "yes",
      askedToPayAmountRupiah: amount,
      askedToPayBy: askedBy,
      offeredShortcutByBroker: offeredShortcut === "yes",
      receiptGiven: receipt === "notPaid" ? null : receipt === "yes",
      comment: comment === "" ? null : comment,
    },
  };
}

/** The fields in the order the form shows them, for the error summary. */
export const SURVEY_FIELD_ORDER: readonly SurveyField[] = SURVEY_TEXT_FIELDS;

export type { SurveyElementKey };
