import "server-only";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import type { OfficeCreateInput, OfficeListFilters, OfficeStatusInput, OfficeUpdateInput } from "./schemas";

/**
 * Offices for admins: list, add, edit, close and reopen. A closed office (isActive false) is no
 * longer offered on /lapor nor at the desk intake, and filing refuses it; its cases, staff and
 * statistics stay as they are and remain workable, and the staff pages keep offering it in their
 * filters, marked as closed. Offices are never deleted. Every change is one transaction that
 * checks the version the admin saw and ends with its audit event.
 */

const officeRowSelect = {
  id: true,
  code: true,
  name: true,
  officeClass: true,
  city: true,
  province: true,
  isActive: true,
  regionalOffice: { select: { id: true, name: true } },
} satisfies Prisma.OfficeSelect;

export type AdminOfficeRow = Prisma.OfficeGetPayload<{ select: typeof officeRowSelect }>;

const officeDetailSelect = {
  ...officeRowSelect,
  address: true,
  phone: true,
  openingHours: true,
  version: true,
  _count: { select: { cases: true, staff: true } },
} satisfies Prisma.OfficeSelect;

export type AdminOfficeDetail = Prisma.OfficeGetPayload<{ select: typeof officeDetailSelect }>;

/** What an office's audit events record of it. */
const auditedOfficeSelect = {
  code: true,
  name: true,
  officeClass: true,
  address: true,
  phone: true,
  openingHours: true,
  city: true,
  province: true,
  regionalOfficeId: true,
  isActive: true,
} satisfies Prisma.OfficeSelect;

export async function listOfficesForAdmin(actor: StaffActor, filters: OfficeListFilters): Promise<AdminOfficeRow[]> {
  assertAdmin(actor);
  const search: Prisma.OfficeWhereInput = filters.q
    ? {
        OR: [
          { name: { contains: filters.q, mode: "insensitive" } },
          { code: { contains: filters.q, mode: "insensitive" } },
          { city: { contains: filters.q, mode: "insensitive" } },
          { province: { contains: filters.q, mode: "insensitive" } },
        ],
      }
    : {};
  return db.office.findMany({
    where: {
      ...search,
      ...(filters.regionalOfficeId ? { regionalOfficeId: filters.regionalOfficeId } : {}),
      ...(filters.status === "open" ? { isActive: true } : filters.status === "closed" ? { isActive: false } : {}),
    },
    orderBy: [{ province: "asc" }, { name: "asc" }],
    select: officeRowSelect,
  });
}

export async function listRegionalOfficesForAdmin(actor: StaffActor): Promise<{ id: number; name: string }[]> {
  assertAdmin(actor);
  return db.regionalOffice.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function getOfficeForAdmin(actor: StaffActor, officeId: number): Promise<AdminOfficeDetail> {
  assertAdmin(actor);
  const office = await db.office.findUnique({ where: { id: officeId }, select: officeDetailSelect });
  if (!office) throw new AdminNotFoundError();
  return office;
}

export async function createOffice(actor: StaffActor, input: OfficeCreateInput): Promise<{ id: number }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const region = await tx.regionalOffice.findUnique({ where: { id: input.regionalOfficeId }, select: { id: true } });
      if (!region) throw new AdminRuleError("regionalOfficeUnknown");
      const created = await tx.office.create({ data: input, select: { id: true, ...auditedOfficeSelect } });
      const { id, ...after } = created;
      await recordOfficeEvent(tx, actor, AUDIT_ACTIONS.OFFICE_CREATED, id, null, after);
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error, { index: "Office_code_key", fields: ["code"] })) throw new AdminRuleError("duplicateCode");
    throw error;
  }
}

export async function updateOffice(actor: StaffActor, input: OfficeUpdateInput): Promise<void> {
  assertAdmin(actor);
  const { officeId, version, ...data } = input;
  await changeOfficeAtVersion(actor, { officeId, version }, data, AUDIT_ACTIONS.OFFICE_UPDATED);
}

/** Closes an office: gone from /lapor and the desk intake, everything it has stays. */
export async function closeOffice(actor: StaffActor, input: OfficeStatusInput): Promise<void> {
  assertAdmin(actor);
  await changeOfficeAtVersion(actor, input, { isActive: false }, AUDIT_ACTIONS.OFFICE_CLOSED);
}

export async function reopenOffice(actor: StaffActor, input: OfficeStatusInput): Promise<void> {
  assertAdmin(actor);
  // A region's oversight desk (lib/rules/oversight-desk.ts) holds retaliation reports: offered on
  // /lapor, reports about an office would be filed out of its sight by mistake.
  const office = await db.office.findUnique({ where: { id: input.officeId }, select: { isOversightDesk: true } });
  if (office?.isOversightDesk) throw new AdminRuleError("oversightDeskStaysClosed");
  await changeOfficeAtVersion(actor, input, { isActive: true }, AUDIT_ACTIONS.OFFICE_REOPENED);
}

async function changeOfficeAtVersion(
  actor: StaffActor,
  ref: { officeId: number; version: number },
  data: Prisma.OfficeUncheckedUpdateManyInput,
  action: AuditAction,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.office.findUnique({ where: { id: ref.officeId }, select: auditedOfficeSelect });
    if (!before) throw new AdminNotFoundError();
    const updated = await tx.office.updateMany({ where: { id: ref.officeId, version: ref.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AdminConflictError();
    const after = await tx.office.findUniqueOrThrow({ where: { id: ref.officeId }, select: auditedOfficeSelect });
    await recordOfficeEvent(tx, actor, action, ref.officeId, before, after);
  });
}

function recordOfficeEvent(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  action: AuditAction,
  officeId: number,
  before: Prisma.InputJsonObject | null,
  after: Prisma.InputJsonObject,
) {
  return recordEvent(tx, {
    caseId: null,
    actorKind: "STAFF",
    actorId: actor.id,
    action,
    isPublic: false,
    before: before ? { officeId, ...before } : null,
    after: { officeId, ...after },
  });
}
