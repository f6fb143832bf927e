import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";

import { CaseActionForbiddenError, CaseNotFoundError } from "./errors";
import { hasCasePermission, type CasePermission } from "./permissions";

/**
 * Which cases a staff user can see: the one rule every case read and write goes through.
 *
 * - OFFICER: the cases of their own office.
 * - SUPERVISOR: their scope: one office (OFFICE), the offices of their regional office
 *   (REGIONAL), or all (NATIONAL).
 * - ADMIN: all.
 * - SURVEYOR: none (they enter visitor surveys only, lib/surveys/access.ts).
 * - Whoever is marked as involved in a case (conflict of interest) can neither open nor find it,
 *   whatever their role (who may mark whom, and how a mark is undone: ./involvement.ts).
 * - A scope that names no office or region (an incomplete account) sees nothing.
 *
 * A case outside the scope is reported as not found (404), never as forbidden, so a probe
 * cannot learn that a case exists. What a role may do with a case it sees is ./permissions.ts.
 */

type CaseScope =
  | { kind: "all" }
  | { kind: "office"; officeId: number }
  | { kind: "region"; regionalOfficeId: number }
  | { kind: "none" };

function scopeOf(actor: StaffActor): CaseScope {
  if (actor.role === "ADMIN") return { kind: "all" };
  if (actor.role === "SURVEYOR") return { kind: "none" };
  if (actor.role === "OFFICER") return actor.officeId != null ? { kind: "office", officeId: actor.officeId } : { kind: "none" };
  switch (actor.scopeLevel) {
    case "NATIONAL":
      return { kind: "all" };
    case "REGIONAL":
      return actor.regionalOfficeId != null ? { kind: "region", regionalOfficeId: actor.regionalOfficeId } : { kind: "none" };
    case "OFFICE":
      return actor.officeId != null ? { kind: "office", officeId: actor.officeId } : { kind: "none" };
  }
}

/**
 * A stable name of the scope `actor` sees ("all", "region:3", "office:7", "none"), for caches
 * keyed by what a user can see (lib/statistics/snapshots.ts). It does not cover the
 * involvement exclusion: a cache keyed by it must bypass actors marked involved in a case.
 */
export function caseScopeKey(actor: StaffActor): string {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case "all":
    case "none":
      return scope.kind;
    case "office":
      return `office:${scope.officeId}`;
    case "region":
      return `region:${scope.regionalOfficeId}`;
  }
}

/** The Prisma `where` of the cases `actor` can see. Combine it with AND, never replace it. */
export function caseAccessWhere(actor: StaffActor): Prisma.CaseWhereInput {
  const notInvolved: Prisma.CaseWhereInput = { involvements: { none: { staffUserId: actor.id } } };
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case "all":
      return notInvolved;
    case "office":
      return { AND: [{ officeId: scope.officeId }, notInvolved] };
    case "region":
      return { AND: [{ office: { regionalOfficeId: scope.regionalOfficeId } }, notInvolved] };
    case "none":
      return { id: { in: [] } };
  }
}

/**
 * The same rule as SQL, for the queue's one raw query (full-text search and the deadline sort
 * have no Prisma form). Built from the same scope as caseAccessWhere, and the integration tests
 * check that both select the same cases for every kind of actor. `alias` names the "Case" table.
 */
export function caseAccessSql(actor: StaffActor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const notInvolved = Prisma.sql`NOT EXISTS (SELECT 1 FROM "CaseInvolvement" involvement WHERE involvement."caseId" = ${table}."id" AND involvement."staffUserId" = ${actor.id}::uuid)`;
  const scope = scopeOf(actor);
  if (scope.kind === "all") return notInvolved;
  if (scope.kind === "none") return Prisma.sql`FALSE`;
  return Prisma.sql`(${officeScopeSql(actor, alias)} AND ${notInvolved})`;
}

/**
 * The offices part of caseAccessSql alone, over any table with an "officeId" column (the
 * statistics rollups, lib/statistics/rollups.ts). It is not an access rule by itself: the
 * caller takes out the cases the actor is involved in, as caseAccessSql does.
 */
export function officeScopeSql(actor: StaffActor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return officeInScopeSql(actor, Prisma.sql`${table}."officeId"`);
}

/**
 * The scope part of caseAccessSql alone, over any column holding an office id: for tables kept
 * per office (the queue counts of ./queue-counts.ts). Whoever uses it must still leave out the
 * cases the actor is involved in.
 */
export function officeInScopeSql(actor: StaffActor, officeIdColumn: Prisma.Sql): Prisma.Sql {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "office":
      return Prisma.sql`${officeIdColumn} = ${scope.officeId}`;
    case "region":
      return Prisma.sql`${officeIdColumn} IN (SELECT office."id" FROM "Office" office WHERE office."regionalOfficeId" = ${scope.regionalOfficeId})`;
    case "none":
      return Prisma.sql`FALSE`;
  }
}

/** Which offices' staff and cases `actor` oversees, for filters and pickers (not a substitute for caseAccessWhere). */
export function officeScopeWhere(actor: StaffActor): Prisma.OfficeWhereInput {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case "all":
      return {};
    case "office":
      return { id: scope.officeId };
    case "region":
      return { regionalOfficeId: scope.regionalOfficeId };
    case "none":
      return { id: { in: [] } };
  }
}

/**
 * The staff who can see a case of office `officeId` (in region `regionalOfficeId`): the same rule
 * as scopeOf, read from the other side, for the involvement pickers and checks. Excludes staff
 * already involved in the case and inactive accounts.
 */
export function staffWhoCanSeeCaseWhere(caseRef: { id: string; officeId: number; regionalOfficeId: number }): Prisma.StaffUserWhereInput {
  return {
    isActive: true,
    involvements: { none: { caseId: caseRef.id } },
    OR: [
      { role: "ADMIN" },
      { role: "OFFICER", officeId: caseRef.officeId },
      { role: "SUPERVISOR", scopeLevel: "NATIONAL" },
      { role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: caseRef.regionalOfficeId },
      { role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: caseRef.officeId },
    ],
  };
}

/**
 * Who may still work a case: the active officers and supervisors of its scope who can open it.
 * Admins are not counted: they see everything, so a case only they can open has been taken away
 * from the office and its oversight. ./involvement.ts refuses any mark that would empty this set.
 */
export function caseWorkersWhere(caseRef: { id: string; officeId: number; regionalOfficeId: number }): Prisma.StaffUserWhereInput {
  return { AND: [staffWhoCanSeeCaseWhere(caseRef), { role: { in: ["OFFICER", "SUPERVISOR"] } }] };
}

/**
 * Whom `actor` may mark as involved (or confirm a report about): nobody whose oversight reaches
 * wider than the actor's own. An office supervisor marks officers and office supervisors, a
 * regional one also regional supervisors, a national one every supervisor, and only an admin marks
 * an admin. Otherwise an accused office head could hide a case from everyone above them, who could
 * then not even see it to undo the mark. Combine it with staffWhoCanSeeCaseWhere.
 */
export function markableStaffWhere(actor: StaffActor): Prisma.StaffUserWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "OFFICER") return { id: { in: [] } };
  switch (actor.scopeLevel) {
    case "NATIONAL":
      return { role: { not: "ADMIN" } };
    case "REGIONAL":
      return { OR: [{ role: "OFFICER" }, { role: "SUPERVISOR", scopeLevel: { in: ["OFFICE", "REGIONAL"] } }] };
    case "OFFICE":
      return { OR: [{ role: "OFFICER" }, { role: "SUPERVISOR", scopeLevel: "OFFICE" }] };
  }
}

type CaseReader = Pick<Prisma.TransactionClient, "case">;

/**
 * Loads one case the actor can see, with `select`; throws CaseNotFoundError otherwise. Ids that
 * are not UUIDs are refused here, before Postgres would fail on the cast.
 */
export async function findAccessibleCase<Select extends Prisma.CaseSelect>(
  client: CaseReader,
  actor: StaffActor,
  caseId: string,
  select: Select,
): Promise<Prisma.CaseGetPayload<{ select: Select }>> {
  if (!isUuid(caseId)) throw new CaseNotFoundError();
  const found = await client.case.findFirst({ where: { AND: [caseAccessWhere(actor), { id: caseId }] }, select });
  if (!found) throw new CaseNotFoundError();
  return found as Prisma.CaseGetPayload<{ select: Select }>;
}

export function assertCasePermission(actor: StaffActor, permission: CasePermission): void {
  if (!hasCasePermission(actor, permission)) throw new CaseActionForbiddenError(permission);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
