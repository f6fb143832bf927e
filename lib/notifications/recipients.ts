import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { caseAccessWhere, staffWhoCanSeeCaseWhere } from "@/lib/cases/access";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who may be told of a case: the dashboard's own access rule (lib/cases/access.ts), applied to
 * each recipient as if they opened the case. It is asked twice: when a notification is planned
 * and again when its mail is built, so that a recipient who lost the case in between (moved,
 * deactivated, marked involved, a retaliation case routed above their office) is not told.
 */

type StaffClient = Pick<Prisma.TransactionClient, "case" | "staffUser">;

export const STAFF_ACTOR_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  scopeLevel: true,
  officeId: true,
  regionalOfficeId: true,
  isActive: true,
} satisfies Prisma.StaffUserSelect;

export type StaffRecipientRow = Prisma.StaffUserGetPayload<{ select: typeof STAFF_ACTOR_SELECT }>;

export function actorOf(row: StaffRecipientRow): StaffActor {
  return { id: row.id, name: row.name, email: row.email, role: row.role, scopeLevel: row.scopeLevel, officeId: row.officeId, regionalOfficeId: row.regionalOfficeId };
}

export async function canStaffSeeCase(client: StaffClient, staff: StaffRecipientRow, caseId: string): Promise<boolean> {
  if (!staff.isActive) return false;
  const count = await client.case.count({ where: { AND: [{ id: caseId }, caseAccessWhere(actorOf(staff))] } });
  return count > 0;
}

/** The candidates who pass the access rule for the case. */
export async function filterStaffWhoCanSee(client: StaffClient, caseId: string, candidates: StaffRecipientRow[]): Promise<StaffRecipientRow[]> {
  const allowed: StaffRecipientRow[] = [];
  for (const candidate of candidates) {
    if (await canStaffSeeCase(client, candidate, caseId)) allowed.push(candidate);
  }
  return allowed;
}

export type CaseRef = { id: string; officeId: number; regionalOfficeId: number; assigneeId: string | null };

export async function findOfficeOfficers(client: StaffClient, caseRef: CaseRef): Promise<StaffRecipientRow[]> {
  const candidates = await client.staffUser.findMany({
    where: { AND: [staffWhoCanSeeCaseWhere(caseRef), { role: "OFFICER", officeId: caseRef.officeId }] },
    select: STAFF_ACTOR_SELECT,
    orderBy: { id: "asc" },
  });
  return filterStaffWhoCanSee(client, caseRef.id, candidates);
}

export async function findScopeSupervisors(client: StaffClient, caseRef: CaseRef): Promise<StaffRecipientRow[]> {
  const candidates = await client.staffUser.findMany({
    where: { AND: [staffWhoCanSeeCaseWhere(caseRef), { role: "SUPERVISOR" }] },
    select: STAFF_ACTOR_SELECT,
    orderBy: { id: "asc" },
  });
  return filterStaffWhoCanSee(client, caseRef.id, candidates);
}

export async function findStaffById(client: StaffClient, caseId: string, staffUserId: string): Promise<StaffRecipientRow[]> {
  const found = await client.staffUser.findUnique({ where: { id: staffUserId }, select: STAFF_ACTOR_SELECT });
  return found ? filterStaffWhoCanSee(client, caseId, [found]) : [];
}
