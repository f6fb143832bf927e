import type { ReportField } from "@/lib/reports/schemas";

/** The report form's fields in the order they appear, which is the order of the error summary. */
export const REPORT_FIELD_ORDER = [
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
  "evidence",
  "reporterMode",
  "reporterName",
  "reporterEmail",
  "reporterPhone",
  "noticeEmail",
] as const satisfies readonly ReportField[];

/** Radio groups: the error summary links to their first button. */
const FIRST_CHOICE: Partial<Record<ReportField, string>> = {
  kind: "COMPLAINT",
  paymentMethod: "CASH",
  brokerInvolved: "yes",
  receiptGiven: "yes",
  reporterMode: "ANONYMOUS",
};

/** The id of the control a field's errors point at. */
export function controlIdOf(field: ReportField): string {
  const firstChoice = FIRST_CHOICE[field];
  return firstChoice ? `${field}-${firstChoice}` : field;
}
