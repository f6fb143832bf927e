import "server-only";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { dateKeyOf, describeFeeHistory, pickFeeInForce, type FeeState } from "@/lib/fees/fee-history";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import type { FeeAddInput, FeeDeleteInput, ServiceCreateInput, ServiceUpdateInput } from "./schemas";

/**
 * Services and their official fees for admins. A fee change is a new ServiceFee row with the day
 * it takes effect; rows are never updated, so a pungli report is compared with the fee in force on
 * its incident date (lib/reports/file-report.ts) and a case keeps the fee it was compared with
 * (Case.officialFeeRupiah). Only a fee not yet in force may be deleted, and a service keeps at
 * least one. The fee history belongs to its service: adding or deleting a fee checks and bumps
 * Service.version, so two admins editing the same history cannot overwrite each other's view.
 */

export type AdminServiceRow = {
  id: number;
  code: string;
  nameId: string;
  nameEn: string;
  isActive: boolean;
  feeInForceRupiah: number | null;
  /** The next fee change, if one is entered. */
  upcoming: { feeRupiah: number; effectiveFrom: string } | null;
};

export type AdminFeeEntry = {
  id: number;
  feeRupiah: number;
  effectiveFrom: string;
  legalBasis: string | null;
  createdByName: string | null;
  createdAt: Date;
  state: FeeState;
  isDeletable: boolean;
};

export type AdminServiceDetail = {
  id: number;
  code: string;
  nameId: string;
  nameEn: string;
  feeUnit: string | null;
  isActive: boolean;
  version: number;
  caseCount: number;
  fees: AdminFeeEntry[];
};

export async function listServicesForAdmin(actor: StaffActor, now: Date = new Date()): Promise<AdminServiceRow[]> {
  assertAdmin(actor);
  const today = toJakartaDateKey(now);
  const services = await db.service.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameId: true, nameEn: true, isActive: true, fees: { select: { feeRupiah: true, effectiveFrom: true } } },
  });
  return services.map(({ fees, ...service }) => {
    const next = fees.filter((fee) => dateKeyOf(fee.effectiveFrom) > today).sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())[0];
    return {
      ...service,
      feeInForceRupiah: pickFeeInForce(fees, today),
      upcoming: next && fees.length > 1 ? { feeRupiah: next.feeRupiah, effectiveFrom: dateKeyOf(next.effectiveFrom) } : null,
    };
  });
}

export async function getServiceForAdmin(actor: StaffActor, serviceId: number, now: Date = new Date()): Promise<AdminServiceDetail> {
  assertAdmin(actor);
  const service = await db.service.findUnique({
    where: { id: serviceId },
    select: {
      id: true,
      code: true,
      nameId: true,
      nameEn: true,
      feeUnit: true,
      isActive: true,
      version: true,
      _count: { select: { cases: true } },
      fees: { select: { id: true, feeRupiah: true, effectiveFrom: true, legalBasis: true, createdAt: true, createdBy: { select: { name: true } } } },
    },
  });
  if (!service) throw new AdminNotFoundError();
  const { fees, _count, ...rest } = service;
  const history = fees.map(({ createdBy, effectiveFrom, ...fee }) => ({ ...fee, effectiveFrom: dateKeyOf(effectiveFrom), createdByName: createdBy?.name ?? null }));
  return { ...rest, caseCount: _count.cases, fees: describeFeeHistory(history, toJakartaDateKey(now)) };
}

export async function createService(actor: StaffActor, input: ServiceCreateInput): Promise<{ id: number }> {
  assertAdmin(actor);
  const { feeRupiah, effectiveFrom, legalBasis, ...service } = input;
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.service.aggregate({ _max: { sortOrder: true } });
      const created = await tx.service.create({
        data: {
          ...service,
          legalBasis,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          fees: { create: { feeRupiah, effectiveFrom: new Date(`${effectiveFrom}T00:00:00.000Z`), legalBasis, createdById: actor.id } },
        },
        select: { id: true },
      });
      await recordServiceEvent(tx, actor, AUDIT_ACTIONS.SERVICE_CREATED, created.id, null, { ...service, feeRupiah, effectiveFrom, legalBasis });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, { index: "Service_code_key", fields: ["code"] })) throw new AdminRuleError("duplicateCode");
    throw error;
  }
}

export async function updateService(actor: StaffActor, input: ServiceUpdateInput): Promise<void> {
  assertAdmin(actor);
  const { serviceId, version, ...data } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id: serviceId }, select: { nameId: true, nameEn: true, feeUnit: true } });
    if (!before) throw new AdminNotFoundError();
    await bumpServiceVersion(tx, { serviceId, version }, data);
    await recordServiceEvent(tx, actor, AUDIT_ACTIONS.SERVICE_UPDATED, serviceId, before, data);
  });
}

/** A new fee from `effectiveFrom` on; refused when the service already has a fee starting that day. */
export async function addServiceFee(actor: StaffActor, input: FeeAddInput): Promise<void> {
  assertAdmin(actor);
  const { serviceId, version, feeRupiah, effectiveFrom, legalBasis } = input;
  const effectiveDate = new Date(`${effectiveFrom}T00:00:00.000Z`);
  await db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true } });
    if (!service) throw new AdminNotFoundError();
    // Checked before the insert: a unique violation would abort the transaction.
    const sameDay = await tx.serviceFee.findUnique({ where: { serviceId_effectiveFrom: { serviceId, effectiveFrom: effectiveDate } }, select: { id: true } });
    if (sameDay) throw new AdminRuleError("feeDateTaken");
    await bumpServiceVersion(tx, { serviceId, version });
    const created = await tx.serviceFee.create({ data: { serviceId, feeRupiah, effectiveFrom: effectiveDate, legalBasis, createdById: actor.id }, select: { id: true } });
    await recordServiceEvent(tx, actor, AUDIT_ACTIONS.SERVICE_FEE_ADDED, serviceId, null, { feeId: created.id, feeRupiah, effectiveFrom, legalBasis });
  });
}

/** Deletes a fee that has not taken effect yet (a mistake about a future change). */
export async function deleteServiceFee(actor: StaffActor, input: FeeDeleteInput, now: Date = new Date()): Promise<void> {
  assertAdmin(actor);
  const { serviceId, version, feeId } = input;
  await db.$transaction(async (tx) => {
    const fees = await tx.serviceFee.findMany({ where: { serviceId }, select: { id: true, feeRupiah: true, effectiveFrom: true, legalBasis: true } });
    const target = fees.find((fee) => fee.id === feeId);
    if (!target) throw new AdminNotFoundError();
    const described = describeFeeHistory(fees, toJakartaDateKey(now)).find((fee) => fee.id === feeId)!;
    if (!described.isDeletable) throw new AdminRuleError(fees.length === 1 ? "lastFeeNotDeletable" : "feeAlreadyInForce");
    await bumpServiceVersion(tx, { serviceId, version });
    await tx.serviceFee.delete({ where: { id: feeId } });
    const before = { feeId, feeRupiah: target.feeRupiah, effectiveFrom: dateKeyOf(target.effectiveFrom), legalBasis: target.legalBasis };
    await recordServiceEvent(tx, actor, AUDIT_ACTIONS.SERVICE_FEE_DELETED, serviceId, before, null);
  });
}

async function bumpServiceVersion(tx: Prisma.TransactionClient, ref: { serviceId: number; version: number }, data: Prisma.ServiceUpdateManyMutationInput = {}): Promise<void> {
  const updated = await tx.service.updateMany({ where: { id: ref.serviceId, version: ref.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new AdminConflictError();
}

function recordServiceEvent(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  action: AuditAction,
  serviceId: number,
  before: Prisma.InputJsonObject | null,
  after: Prisma.InputJsonObject | null,
) {
  return recordEvent(tx, {
    caseId: null,
    actorKind: "STAFF",
    actorId: actor.id,
    action,
    isPublic: false,
    before: before ? { serviceId, ...before } : null,
    after: after ? { serviceId, ...after } : null,
  });
}
