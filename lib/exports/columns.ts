import "server-only";

import type exportMessages from "@/messages/exports/id.json";

import type { ExportCaseRow } from "./case-rows";
import { formatJakartaDateTime } from "./jakarta-time";
import type { ExportTranslators } from "./texts";

/**
 * The columns of the case exports, shared by the CSV and the XLSX writers so both hold the same
 * fields in the same order with the same headers. `type` says how a writer stores the value:
 * text, a whole number, or an instant (CSV: Jakarta "YYYY-MM-DD HH:mm"; XLSX: a date cell).
 */

type ColumnId = keyof (typeof exportMessages)["Exports"]["columns"];

export type ExportColumnType = "text" | "number" | "datetime";
export type ExportCellValue = string | number | Date | null;

export type ExportColumn = {
  id: ColumnId;
  header: string;
  type: ExportColumnType;
  /** Width in characters for the XLSX sheet. */
  width: number;
  value: (row: ExportCaseRow) => ExportCellValue;
};

export function buildExportColumns({ t, labels }: ExportTranslators, includeFreeText: boolean): ExportColumn[] {
  const flag = (value: boolean | null) => (value === null ? null : value ? labels("yes") : labels("no"));
  const column = (id: ColumnId, type: ExportColumnType, width: number, value: ExportColumn["value"]): ExportColumn => ({
    id,
    header: t(`columns.${id}`),
    type,
    width,
    value,
  });
  const columns: ExportColumn[] = [
    column("trackingCode", "text", 16, (row) => row.trackingCode),
    column("receivedAt", "datetime", 17, (row) => row.receivedAt),
    column("verifiedAt", "datetime", 17, (row) => row.verifiedAt),
    column("closedAt", "datetime", 17, (row) => row.closedAt),
    column("officeCode", "text", 16, (row) => row.officeCode),
    column("office", "text", 28, (row) => row.officeName),
    column("service", "text", 28, (row) => row.serviceName),
    column("category", "text", 22, (row) => row.categoryName),
    column("kind", "text", 16, (row) => labels(`kind.${row.kind}`)),
    column("channel", "text", 14, (row) => labels(`channel.${row.channel}`)),
    column("status", "text", 16, (row) => labels(`status.${row.status}`)),
    column("deadlineTier", "text", 24, (row) => labels(`tier.${row.deadlineTier}`)),
    column("verificationDueAt", "datetime", 17, (row) => row.verificationDueAt),
    column("resolutionDueAt", "datetime", 17, (row) => row.resolutionDueAt),
    column("verificationOnTime", "text", 10, (row) => flag(row.verificationOnTime)),
    column("resolutionOnTime", "text", 10, (row) => flag(row.resolutionOnTime)),
    column("workingDaysToVerify", "number", 10, (row) => row.verificationWorkingDays),
    column("workingDaysToResolve", "number", 10, (row) => row.resolutionWorkingDays),
    column("forwardedTo", "text", 22, (row) => (row.forwardedTo ? labels(`forwardTarget.${row.forwardedTo}`) : null)),
    column("escalated", "text", 10, (row) => flag(row.isEscalated)),
    column("ratingScore", "number", 8, (row) => row.ratingScore),
    column("amountDemanded", "number", 14, (row) => row.amountDemandedRupiah),
    column("amountPaid", "number", 14, (row) => row.amountPaidRupiah),
    column("officialFee", "number", 14, (row) => row.officialFeeRupiah),
    column("differenceAboveFee", "number", 14, (row) => row.feeDifferenceRupiah),
    column("broker", "text", 10, (row) => flag(row.brokerInvolved)),
  ];
  if (!includeFreeText) return columns;
  const messageKind = (kind: string) => t(`messageKind.${kind === "PUBLIC_REPLY" ? "PUBLIC_REPLY" : "REPORTER_MESSAGE"}`);
  return [
    ...columns,
    column("description", "text", 60, (row) => row.freeText?.description ?? null),
    column("incidentPlace", "text", 24, (row) => row.freeText?.incidentPlace ?? null),
    column("accusedDescription", "text", 40, (row) => row.freeText?.accusedDescription ?? null),
    column("rejectionReason", "text", 40, (row) => row.freeText?.rejectionReason ?? null),
    column("forwardNote", "text", 40, (row) => row.freeText?.forwardNote ?? null),
    column("ratingComment", "text", 40, (row) => row.freeText?.ratingComment ?? null),
    column("messages", "text", 80, (row) => {
      const messages = row.freeText?.messages ?? [];
      if (messages.length === 0) return null;
      // json_agg renders the timestamp column without a zone; it is UTC.
      return messages.map((message) => `${formatJakartaDateTime(new Date(`${message.at.replace(/Z?$/, "Z")}`))} [${messageKind(message.kind)}] ${message.body}`).join("\n");
    }),
  ];
}

/** A value as a CSV cell: instants in Jakarta time, numbers as numbers, text as text. */
export function toCsvCell(value: ExportCellValue): string | number | null {
  if (value === null) return null;
  if (value instanceof Date) return formatJakartaDateTime(value);
  return value;
}
