import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { caseAttributeConditions, receivedWithinConditions } from "@/lib/cases/queue";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, CaseStatus, Channel, DeadlineTier, ForwardTarget, MessageKind } from "@/lib/generated/prisma/enums";
import { RESOLUTION_ON_TIME_SQL, VERIFICATION_ON_TIME_SQL, resolutionMeasuredSql, verificationMeasuredSql } from "@/lib/statistics/definitions-sql";
import type { StatisticsFilters } from "@/lib/statistics/types";

/**
 * The cases of an export: one row per case in the actor's scope (caseAccessSql, the only scope
 * rule) received in the filters' period, in receipt order (receivedAt, id). Two readers:
 *
 * - streamExportCaseRows, for the XLSX (at most XLSX_MAX_ROWS rows): keyset batches, so memory
 *   holds one batch and a case saved meanwhile is neither skipped nor repeated.
 * - exportSelectSql, for the CSV at any size: the same source and order with every record
 *   formatted by PostgreSQL (./columns.ts csvCell), streamed by one COPY (./write-csv.ts).
 *
 * What a row never holds: the reporter's identity or contact (ReporterContact is not joined),
 * staff names, internal notes. Free text (description, place, accused, rejection reason, forward
 * note, rating comment, the reporter's messages and the public replies) only when asked for.
 */

export const EXPORT_BATCH_SIZE = 1000;

export type ExportMessage = { at: string; kind: MessageKind; body: string };

export type ExportFreeText = {
  description: string;
  incidentPlace: string | null;
  accusedDescription: string | null;
  rejectionReason: string | null;
  forwardNote: string | null;
  ratingComment: string | null;
  messages: ExportMessage[];
};

export type ExportCaseRow = {
  id: string;
  trackingCode: string;
  receivedAt: Date;
  verifiedAt: Date | null;
  closedAt: Date | null;
  officeCode: string;
  officeName: string;
  serviceName: string | null;
  categoryName: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  deadlineTier: DeadlineTier;
  verificationDueAt: Date;
  resolutionDueAt: Date | null;
  /** Null when the case does not count for the figure yet (lib/statistics/definitions-sql.ts). */
  verificationOnTime: boolean | null;
  resolutionOnTime: boolean | null;
  verificationWorkingDays: number | null;
  resolutionWorkingDays: number | null;
  forwardedTo: ForwardTarget | null;
  isEscalated: boolean;
  ratingScore: number | null;
  amountDemandedRupiah: number | null;
  amountPaidRupiah: number | null;
  officialFeeRupiah: number | null;
  feeDifferenceRupiah: number | null;
  brokerInvolved: boolean | null;
  /** Present only when the export includes free text. */
  freeText: ExportFreeText | null;
};

/** The export's filters as SQL over "Case" aliased `c`: the queue's conditions (lib/cases/queue.ts) and its receipt-date boundaries. */
export function exportCaseConditions(actor: StaffActor, filters: StatisticsFilters): Prisma.Sql[] {
  return [caseAccessSql(actor, "c"), ...caseAttributeConditions(filters), ...receivedWithinConditions(filters.period)];
}

/** The tables every export reads, aliased as the columns' SQL expects (./columns.ts): c, office, category, service, rating. */
function exportSourceSql(actor: StaffActor, filters: StatisticsFilters): Prisma.Sql {
  return Prisma.sql`
      FROM "Case" c
      JOIN "Office" office ON office."id" = c."officeId"
      JOIN "Category" category ON category."id" = c."categoryId"
      LEFT JOIN "Service" service ON service."id" = c."serviceId"
      LEFT JOIN "SatisfactionRating" rating ON rating."caseId" = c."id"
      WHERE ${Prisma.join(exportCaseConditions(actor, filters), " AND ")}`;
}

/** The on-time flags of a case measured at `now`: NULL while the case does not count for the figure yet (lib/statistics/definitions-sql.ts). */
export function exportOnTimeSql(now: Date): { verification: Prisma.Sql; resolution: Prisma.Sql } {
  return {
    verification: Prisma.sql`(CASE WHEN ${verificationMeasuredSql(now)} THEN ${VERIFICATION_ON_TIME_SQL} END)`,
    resolution: Prisma.sql`(CASE WHEN ${resolutionMeasuredSql(now)} THEN ${RESOLUTION_ON_TIME_SQL} END)`,
  };
}

/** `selected` (SQL over the tables of exportSourceSql) for each case of the export, in receipt order: the CSV's records (./write-csv.ts). */
export function exportSelectSql(actor: StaffActor, filters: StatisticsFilters, selected: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${selected} ${exportSourceSql(actor, filters)} ORDER BY c."receivedAt", c."id"`;
}

export async function countExportCases(actor: StaffActor, filters: StatisticsFilters): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Case" c WHERE ${Prisma.join(exportCaseConditions(actor, filters), " AND ")}`;
  return rows[0]?.count ?? 0;
}

type RawRow = Omit<ExportCaseRow, "freeText"> & {
  description?: string;
  incidentPlace?: string | null;
  accusedDescription?: string | null;
  rejectionReason?: string | null;
  forwardNote?: string | null;
  ratingComment?: string | null;
  messages?: ExportMessage[] | null;
};

const FREE_TEXT_COLUMNS = Prisma.sql`,
  c."description", c."incidentPlace", c."accusedDescription", c."rejectionReason", c."forwardNote",
  rating."comment" AS "ratingComment",
  (SELECT json_agg(json_build_object('at', message."createdAt", 'kind', message."kind", 'body', message."body") ORDER BY message."createdAt", message."id")
     FROM "CaseMessage" message
    WHERE message."caseId" = c."id" AND message."kind" IN ('REPORTER_MESSAGE'::"MessageKind", 'PUBLIC_REPLY'::"MessageKind")) AS "messages"`;

export type CaseRowOptions = {
  /** The moment on-time flags are measured at (the request time, so a retried job gives the same file). */
  now: Date;
  locale: "id" | "en";
  includeFreeText: boolean;
  batchSize?: number;
};

/** The rows in batches; the next batch is read only when the consumer asks for it. */
export async function* streamExportCaseRows(actor: StaffActor, filters: StatisticsFilters, options: CaseRowOptions): AsyncGenerator<ExportCaseRow[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const english = options.locale === "en";
  const onTime = exportOnTimeSql(options.now);
  let after: { receivedAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after ? Prisma.sql`AND (c."receivedAt", c."id") > (${after.receivedAt}, ${after.id}::uuid)` : Prisma.empty;
    const rows: RawRow[] = await db.$queryRaw<RawRow[]>`
      SELECT c."id", c."trackingCode", c."receivedAt", c."verifiedAt", c."closedAt",
        office."code" AS "officeCode", office."name" AS "officeName",
        ${english ? Prisma.sql`service."nameEn"` : Prisma.sql`service."nameId"`} AS "serviceName",
        ${english ? Prisma.sql`category."nameEn"` : Prisma.sql`category."nameId"`} AS "categoryName",
        c."kind", c."channel", c."status", c."deadlineTier", c."verificationDueAt", c."resolutionDueAt",
        ${onTime.verification} AS "verificationOnTime",
        ${onTime.resolution} AS "resolutionOnTime",
        c."verificationWorkingDays", c."resolutionWorkingDays", c."forwardedTo", c."isEscalated",
        rating."score" AS "ratingScore",
        c."amountDemandedRupiah", c."amountPaidRupiah", c."officialFeeRupiah", c."feeDifferenceRupiah", c."brokerInvolved"
        ${options.includeFreeText ? FREE_TEXT_COLUMNS : Prisma.empty}
      ${exportSourceSql(actor, filters)} ${keyset}
      ORDER BY c."receivedAt", c."id"
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map((row) => toExportRow(row, options.includeFreeText));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { receivedAt: last.receivedAt, id: last.id };
  }
}

function toExportRow(row: RawRow, includeFreeText: boolean): ExportCaseRow {
  const { description, incidentPlace, accusedDescription, rejectionReason, forwardNote, ratingComment, messages, ...rest } = row;
  return {
    ...rest,
    freeText: includeFreeText
      ? {
          description: description ?? "",
          incidentPlace: incidentPlace ?? null,
          accusedDescription: accusedDescription ?? null,
          rejectionReason: rejectionReason ?? null,
          forwardNote: forwardNote ?? null,
          ratingComment: ratingComment ?? null,
          messages: messages ?? [],
        }
      : null,
  };
}
