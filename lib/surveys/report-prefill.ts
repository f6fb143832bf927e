import type { SurveyAnswers } from "./schemas";

/**
 * The optional step from a survey to a pungli report: the thank-you page links to /lapor with
 * what the visitor answered filled in (office, service, amount, broker, receipt, today's date).
 * The values travel in the URL of the visitor's own browser only; nothing ties the report to the
 * survey answer (no id, no code), and the report is filed, or not, on its own. Pure.
 */

/** The /lapor form fields a prefill may set, with what each may hold. */
const PREFILL_FIELDS = {
  kind: /^PUNGLI$/,
  officeCode: /^[a-z0-9-]{1,80}$/,
  serviceCode: /^[a-z0-9-]{1,80}$/,
  categoryCode: /^(PUNGLI|CALO)$/,
  incidentDate: /^\d{4}-\d{2}-\d{2}$/,
  amountDemanded: /^\d{1,10}$/,
  brokerInvolved: /^(yes|no|unknown)$/,
  receiptGiven: /^(yes|no|unknown)$/,
} as const;

export type ReportPrefill = Partial<Record<keyof typeof PREFILL_FIELDS, string>>;

export function buildPungliReportPrefill(answers: SurveyAnswers, officeCode: string, dayKey: string): ReportPrefill {
  const byBroker = answers.askedToPayBy === "BROKER";
  return {
    kind: "PUNGLI",
    officeCode,
    serviceCode: answers.serviceCode,
    categoryCode: byBroker ? "CALO" : "PUNGLI",
    incidentDate: dayKey,
    ...(answers.askedToPayAmountRupiah !== null ? { amountDemanded: String(answers.askedToPayAmountRupiah) } : {}),
    brokerInvolved: answers.askedToPayBy === null ? "unknown" : byBroker ? "yes" : "no",
    receiptGiven: answers.receiptGiven === null ? "unknown" : answers.receiptGiven ? "yes" : "no",
  };
}

/** The prefill found in a URL's parameters: known fields with well-formed values only. */
export function readReportPrefill(search: Record<string, string | string[] | undefined>): ReportPrefill {
  const prefill: ReportPrefill = {};
  for (const [field, pattern] of Object.entries(PREFILL_FIELDS) as [keyof typeof PREFILL_FIELDS, RegExp][]) {
    const value = search[field];
    if (typeof value === "string" && pattern.test(value)) prefill[field] = value;
  }
  return prefill;
}

export function toSearchString(prefill: ReportPrefill): string {
  const parameters = new URLSearchParams(Object.entries(prefill).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const text = parameters.toString();
  return text === "" ? "" : `?${text}`;
}
