import "server-only";

import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { caseAccessSql } from "@/lib/cases/access";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind } from "@/lib/generated/prisma/enums";

import { canSeeAccusedGroups } from "./access";
import { groupAccusedCases, type AccusedCaseInput, type AccusedGroup } from "./grouping";

/**
 * The repeated-accused signal, for supervisors and admins only (./access.ts), over exactly the
 * cases they can see (lib/cases/access.ts caseAccessSql: their scope, minus the cases they are
 * involved in). An officer, whoever asks on their behalf, gets AccusedGroupsForbiddenError: the
 * rule is here, not in the page, so no route, action or export can hand the groups to the office
 * that may be the accused. Never used by a public page.
 *
 * Bounded at any size: only reports received in the last ACCUSED_SIGNAL_WINDOW_DAYS, of the scope,
 * newest first, at most ACCUSED_SIGNAL_MAX_CASES of them; the "Case" indexes on (officeId,
 * receivedAt, id) and (receivedAt, id) serve that read. Opening a group (openAccusedGroup) appends
 * an ACCUSED_GROUP_OPENED audit event naming the group's reports.
 */

export class AccusedGroupsForbiddenError extends Error {
  constructor() {
    super("Not found");
    this.name = "AccusedGroupsForbiddenError";
  }
}

export type AccusedSignalSettings = { windowDays: number; minReports: number; similarity: number; maxCases: number };

export function accusedSignalSettings(): AccusedSignalSettings {
  const environment = getEnvironment();
  return {
    windowDays: environment.ACCUSED_SIGNAL_WINDOW_DAYS,
    minReports: environment.ACCUSED_SIGNAL_MIN_REPORTS,
    similarity: environment.ACCUSED_SIGNAL_SIMILARITY_PERCENT / 100,
    maxCases: environment.ACCUSED_SIGNAL_MAX_CASES,
  };
}

type CaseRow = {
  id: string;
  officeId: number;
  serviceId: number | null;
  receivedAt: Date;
  brokerInvolved: boolean | null;
  categoryCode: string;
  accusedDescription: string | null;
  incidentPlace: string | null;
  description: string;
};

async function readWindow(actor: StaffActor, settings: AccusedSignalSettings, now: Date): Promise<{ cases: AccusedCaseInput[]; truncated: boolean }> {
  const since = new Date(now.getTime() - settings.windowDays * 86_400_000);
  const rows = await db.$queryRaw<CaseRow[]>(Prisma.sql`
    SELECT c."id"::text AS "id", c."officeId", c."serviceId", c."receivedAt", c."brokerInvolved", category."code" AS "categoryCode",
      c."accusedDescription", c."incidentPlace", left(c."description", 2000) AS "description"
    FROM "Case" c JOIN "Category" category ON category."id" = c."categoryId"
    WHERE c."receivedAt" >= ${since} AND c."receivedAt" <= ${now} AND ${caseAccessSql(actor, "c")}
    ORDER BY c."receivedAt" DESC, c."id" DESC
    LIMIT ${settings.maxCases + 1}`);
  const truncated = rows.length > settings.maxCases;
  return {
    truncated,
    cases: rows.slice(0, settings.maxCases).map((row) => ({
      id: row.id,
      officeId: row.officeId,
      serviceId: row.serviceId,
      receivedAt: row.receivedAt,
      isBroker: row.brokerInvolved === true || row.categoryCode === "CALO",
      accusedDescription: row.accusedDescription,
      incidentPlace: row.incidentPlace,
      description: row.description,
    })),
  };
}

export type AccusedGroupList = { groups: AccusedGroup[]; settings: AccusedSignalSettings; truncated: boolean; officeNames: Record<number, string> };

export async function findAccusedGroups(actor: StaffActor, options: { now?: Date; settings?: AccusedSignalSettings } = {}): Promise<AccusedGroupList> {
  if (!canSeeAccusedGroups(actor)) throw new AccusedGroupsForbiddenError();
  const settings = options.settings ?? accusedSignalSettings();
  const { cases, truncated } = await readWindow(actor, settings, options.now ?? new Date());
  const groups = groupAccusedCases(cases, settings);
  const officeIds = [...new Set(groups.flatMap((group) => group.officeIds))];
  const offices = officeIds.length > 0 ? await db.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, name: true } }) : [];
  return { groups, settings, truncated, officeNames: Object.fromEntries(offices.map((office) => [office.id, office.name])) };
}

export type AccusedGroupCase = {
  id: string;
  trackingCode: string;
  kind: CaseKind;
  status: string;
  officeName: string;
  serviceNameId: string | null;
  serviceNameEn: string | null;
  receivedAt: Date;
  incidentPlace: string | null;
  accusedDescription: string | null;
};

export type OpenedAccusedGroup = { group: AccusedGroup; cases: AccusedGroupCase[]; settings: AccusedSignalSettings };

/** One group with its reports, audited; null when no such group exists (any more) in the actor's view. */
export async function openAccusedGroup(actor: StaffActor, key: string, options: { now?: Date; settings?: AccusedSignalSettings } = {}): Promise<OpenedAccusedGroup | null> {
  const now = options.now ?? new Date();
  const { groups, settings } = await findAccusedGroups(actor, { now, settings: options.settings });
  const group = groups.find((candidate) => candidate.key === key);
  if (!group) return null;
  const cases = await db.$transaction(async (tx) => {
    const rows = await tx.case.findMany({
      where: { id: { in: group.caseIds } },
      orderBy: { receivedAt: "asc" },
      select: {
        id: true,
        trackingCode: true,
        kind: true,
        status: true,
        receivedAt: true,
        incidentPlace: true,
        accusedDescription: true,
        office: { select: { name: true } },
        service: { select: { nameId: true, nameEn: true } },
      },
    });
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: "ACCUSED_GROUP_OPENED",
      isPublic: false,
      after: { groupKey: group.key, caseIds: group.caseIds, reasons: group.reasons, officeIds: group.officeIds },
      createdAt: now,
    });
    return rows;
  });
  return {
    group,
    settings,
    cases: cases.map((row) => ({
      id: row.id,
      trackingCode: row.trackingCode,
      kind: row.kind,
      status: row.status,
      officeName: row.office.name,
      serviceNameId: row.service?.nameId ?? null,
      serviceNameEn: row.service?.nameEn ?? null,
      receivedAt: row.receivedAt,
      incidentPlace: row.incidentPlace,
      accusedDescription: row.accusedDescription,
    })),
  };
}
