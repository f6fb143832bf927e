import "server-only";

import { CaseKind, CaseStatus, Channel, DeadlineTier, ForwardTarget } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type exportMessages from "@/messages/exports/id.json";

import { exportOnTimeSql, type ExportCaseRow } from "./case-rows";
import { formatCsvCell } from "./csv";
import { csvDateTimeCellSql, csvNumberCellSql, csvTextCellSql, flagSql, jakartaDateTimeSql, labelSql } from "./csv-sql";
import { formatJakartaDateTime } from "./jakarta-time";
import type { ExportTranslators } from "./texts";

/**
 * The columns of the case exports, shared by the CSV and the XLSX writers so both hold the same
 * fields in the same order with the same headers. `type` says how a writer stores the value:
 * text, a whole number, or an instant (CSV: Jakarta "YYYY-MM-DD HH:mm"; XLSX: a date cell).
 *
 * Each column says what it holds twice, side by side: `value` reads it from a row of
 * ./case-rows.ts (the XLSX writer), `sql` computes the same from the export query's tables, and
 * `csvCell` is that as a CSV cell (./csv-sql.ts): the CSV is written by PostgreSQL itself
 * (./write-csv.ts). The integration tests hold the two to each other on tricky values.
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
  /** The same value in SQL over the export query's tables (./case-rows.ts exportSourceSql): text, a whole number or a UTC timestamp. */
  sql: Prisma.Sql;
  /** `sql` as the text of a CSV cell. */
  csvCell: Prisma.Sql;
};

export type ExportColumnOptions = {
  locale: "id" | "en";
  includeFreeText: boolean;
  /** The moment on-time flags are measured at (./case-rows.ts CaseRowOptions). */
  now: Date;
};

/** The label of every value of an enum, for labelSql. */
function labelsOf(values: Record<string, string>, label: (value: string) => string): Map<string, string> {
  return new Map(Object.values(values).map((value) => [value, label(value)]));
}

export function buildExportColumns({ t, labels }: ExportTranslators, options: ExportColumnOptions): ExportColumn[] {
  const yes = labels("yes");
  const no = labels("no");
  const flag = (value: boolean | null) => (value === null ? null : value ? yes : no);
  const csvCellOf = (type: ExportColumnType, sql: Prisma.Sql) => (type === "text" ? csvTextCellSql(sql) : type === "number" ? csvNumberCellSql(sql) : csvDateTimeCellSql(sql));
  const column = (id: ColumnId, type: ExportColumnType, width: number, value: ExportColumn["value"], sql: Prisma.Sql, csvCell = csvCellOf(type, sql)): ExportColumn => ({
    id,
    header: t(`columns.${id}`),
    type,
    width,
    value,
    sql,
    csvCell,
  });
  /** A translated enum value: the labels go into the SQL, for the CSV already made cells by ./csv.ts. */
  const labelColumn = (id: ColumnId, width: number, value: ExportColumn["value"], enumSql: Prisma.Sql, values: Record<string, string>, label: (value: string) => string) => {
    const texts = labelsOf(values, label);
    const cells = new Map([...texts].map(([key, text]) => [key, formatCsvCell(text)]));
    return column(id, "text", width, value, labelSql(enumSql, texts), Prisma.sql`COALESCE(${labelSql(enumSql, cells)}, '')`);
  };
  const flagColumn = (id: ColumnId, width: number, value: (row: ExportCaseRow) => boolean | null, condition: Prisma.Sql) =>
    column(id, "text", width, (row) => flag(value(row)), flagSql(condition, yes, no), Prisma.sql`COALESCE(${flagSql(condition, formatCsvCell(yes), formatCsvCell(no))}, '')`);
  const english = options.locale === "en";
  const onTime = exportOnTimeSql(options.now);
  const columns: ExportColumn[] = [
    column("trackingCode", "text", 16, (row) => row.trackingCode, Prisma.sql`c."trackingCode"`),
    column("receivedAt", "datetime", 17, (row) => row.receivedAt, Prisma.sql`c."receivedAt"`),
    column("verifiedAt", "datetime", 17, (row) => row.verifiedAt, Prisma.sql`c."verifiedAt"`),
    column("closedAt", "datetime", 17, (row) => row.closedAt, Prisma.sql`c."closedAt"`),
    column("officeCode", "text", 16, (row) => row.officeCode, Prisma.sql`office."code"`),
    column("office", "text", 28, (row) => row.officeName, Prisma.sql`office."name"`),
    column("service", "text", 28, (row) => row.serviceName, english ? Prisma.sql`service."nameEn"` : Prisma.sql`service."nameId"`),
    column("category", "text", 22, (row) => row.categoryName, english ? Prisma.sql`category."nameEn"` : Prisma.sql`category."nameId"`),
    labelColumn("kind", 16, (row) => labels(`kind.${row.kind}`), Prisma.sql`c."kind"`, CaseKind, (kind) => labels(`kind.${kind as CaseKind}`)),
    labelColumn("channel", 14, (row) => labels(`channel.${row.channel}`), Prisma.sql`c."channel"`, Channel, (channel) => labels(`channel.${channel as Channel}`)),
    labelColumn("status", 16, (row) => labels(`status.${row.status}`), Prisma.sql`c."status"`, CaseStatus, (status) => labels(`status.${status as CaseStatus}`)),
    labelColumn("deadlineTier", 24, (row) => labels(`tier.${row.deadlineTier}`), Prisma.sql`c."deadlineTier"`, DeadlineTier, (tier) => labels(`tier.${tier as DeadlineTier}`)),
    column("verificationDueAt", "datetime", 17, (row) => row.verificationDueAt, Prisma.sql`c."verificationDueAt"`),
    column("resolutionDueAt", "datetime", 17, (row) => row.resolutionDueAt, Prisma.sql`c."resolutionDueAt"`),
    flagColumn("verificationOnTime", 10, (row) => row.verificationOnTime, onTime.verification),
    flagColumn("resolutionOnTime", 10, (row) => row.resolutionOnTime, onTime.resolution),
    column("workingDaysToVerify", "number", 10, (row) => row.verificationWorkingDays, Prisma.sql`c."verificationWorkingDays"`),
    column("workingDaysToResolve", "number", 10, (row) => row.resolutionWorkingDays, Prisma.sql`c."resolutionWorkingDays"`),
    labelColumn(
      "forwardedTo",
      22,
      (row) => (row.forwardedTo ? labels(`forwardTarget.${row.forwardedTo}`) : null),
      Prisma.sql`c."forwardedTo"`,
      ForwardTarget,
      (target) => labels(`forwardTarget.${target as ForwardTarget}`),
    ),
    flagColumn("escalated", 10, (row) => row.isEscalated, Prisma.sql`c."isEscalated"`),
    column("ratingScore", "number", 8, (row) => row.ratingScore, Prisma.sql`rating."score"`),
    column("amountDemanded", "number", 14, (row) => row.amountDemandedRupiah, Prisma.sql`c."amountDemandedRupiah"`),
    column("amountPaid", "number", 14, (row) => row.amountPaidRupiah, Prisma.sql`c."amountPaidRupiah"`),
    column("officialFee", "number", 14, (row) => row.officialFeeRupiah, Prisma.sql`c."officialFeeRupiah"`),
    column("differenceAboveFee", "number", 14, (row) => row.feeDifferenceRupiah, Prisma.sql`c."feeDifferenceRupiah"`),
    flagColumn("broker", 10, (row) => row.brokerInvolved, Prisma.sql`c."brokerInvolved"`),
  ];
  if (!options.includeFreeText) return columns;
  const replyLabel = t("messageKind.PUBLIC_REPLY");
  const reporterLabel = t("messageKind.REPORTER_MESSAGE");
  const messagesSql = Prisma.sql`(SELECT string_agg(${jakartaDateTimeSql(Prisma.sql`message."createdAt"`)} || ' [' || (CASE WHEN message."kind" = 'PUBLIC_REPLY'::"MessageKind" THEN ${replyLabel}::text ELSE ${reporterLabel}::text END) || '] ' || message."body", E'\\n' ORDER BY message."createdAt", message."id")
      FROM "CaseMessage" message
      WHERE message."caseId" = c."id" AND message."kind" IN ('REPORTER_MESSAGE'::"MessageKind", 'PUBLIC_REPLY'::"MessageKind"))`;
  const messagesColumn: ExportColumn = {
    ...column(
      "messages",
      "text",
      80,
      (row) => {
        const messages = row.freeText?.messages ?? [];
        if (messages.length === 0) return null;
        // json_agg renders the timestamp column without a zone; it is UTC.
        return messages.map((message) => `${formatJakartaDateTime(new Date(`${message.at.replace(/Z?$/, "Z")}`))} [${message.kind === "PUBLIC_REPLY" ? replyLabel : reporterLabel}] ${message.body}`).join("\n");
      },
      messagesSql,
    ),
    // The cell names its value several times: the messages are joined once, in a subquery.
    csvCell: Prisma.sql`(SELECT ${csvTextCellSql(Prisma.sql`messages."text"`)} FROM (SELECT ${messagesSql} AS "text") messages)`,
  };
  return [
    ...columns,
    column("description", "text", 60, (row) => row.freeText?.description ?? null, Prisma.sql`c."description"`),
    column("incidentPlace", "text", 24, (row) => row.freeText?.incidentPlace ?? null, Prisma.sql`c."incidentPlace"`),
    column("accusedDescription", "text", 40, (row) => row.freeText?.accusedDescription ?? null, Prisma.sql`c."accusedDescription"`),
    column("rejectionReason", "text", 40, (row) => row.freeText?.rejectionReason ?? null, Prisma.sql`c."rejectionReason"`),
    column("forwardNote", "text", 40, (row) => row.freeText?.forwardNote ?? null, Prisma.sql`c."forwardNote"`),
    column("ratingComment", "text", 40, (row) => row.freeText?.ratingComment ?? null, Prisma.sql`rating."comment"`),
    messagesColumn,
  ];
}

/** A value as a CSV cell: instants in Jakarta time, numbers as numbers, text as text. */
export function toCsvCell(value: ExportCellValue): string | number | null {
  if (value === null) return null;
  if (value instanceof Date) return formatJakartaDateTime(value);
  return value;
}
