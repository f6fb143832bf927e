import "server-only";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import type { CategoryCreateInput, CategoryStatusInput, CategoryUpdateInput } from "./schemas";

/**
 * Complaint categories for admins: add, rename, retire and reinstate. A retired category
 * (isActive false) is no longer offered to reporters on /lapor nor at the desk intake, and filing
 * refuses it; the cases filed under it keep it, and the queue, statistics and exports keep
 * offering it as a filter, marked as retired. Categories are never deleted.
 */

const categorySelect = {
  id: true,
  code: true,
  nameId: true,
  nameEn: true,
  problemCode: true,
  isActive: true,
  version: true,
} satisfies Prisma.CategorySelect;

export type AdminCategory = Prisma.CategoryGetPayload<{ select: typeof categorySelect }> & { caseCount: number };

export async function listCategoriesForAdmin(actor: StaffActor): Promise<AdminCategory[]> {
  assertAdmin(actor);
  const categories = await db.category.findMany({
    orderBy: [{ isActive: "desc" }, { sortOrder: "asc" }, { code: "asc" }],
    select: { ...categorySelect, _count: { select: { cases: true } } },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, caseCount: _count.cases }));
}

export async function getCategoryForAdmin(actor: StaffActor, categoryId: number): Promise<AdminCategory> {
  assertAdmin(actor);
  const category = await db.category.findUnique({ where: { id: categoryId }, select: { ...categorySelect, _count: { select: { cases: true } } } });
  if (!category) throw new AdminNotFoundError();
  const { _count, ...rest } = category;
  return { ...rest, caseCount: _count.cases };
}

export async function createCategory(actor: StaffActor, input: CategoryCreateInput): Promise<{ id: number }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.category.aggregate({ _max: { sortOrder: true } });
      const created = await tx.category.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true } });
      await recordCategoryEvent(tx, actor, AUDIT_ACTIONS.CATEGORY_CREATED, created.id, null, input);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, { index: "Category_code_key", fields: ["code"] })) throw new AdminRuleError("duplicateCode");
    throw error;
  }
}

export async function updateCategory(actor: StaffActor, input: CategoryUpdateInput): Promise<void> {
  assertAdmin(actor);
  const { categoryId, version, ...data } = input;
  await changeCategoryAtVersion(actor, { categoryId, version }, data, AUDIT_ACTIONS.CATEGORY_UPDATED);
}

export async function retireCategory(actor: StaffActor, input: CategoryStatusInput): Promise<void> {
  assertAdmin(actor);
  await changeCategoryAtVersion(actor, input, { isActive: false }, AUDIT_ACTIONS.CATEGORY_RETIRED);
}

export async function reinstateCategory(actor: StaffActor, input: CategoryStatusInput): Promise<void> {
  assertAdmin(actor);
  await changeCategoryAtVersion(actor, input, { isActive: true }, AUDIT_ACTIONS.CATEGORY_REINSTATED);
}

async function changeCategoryAtVersion(
  actor: StaffActor,
  ref: { categoryId: number; version: number },
  data: { nameId?: string; nameEn?: string; isActive?: boolean },
  action: AuditAction,
): Promise<void> {
  const audited = { code: true, nameId: true, nameEn: true, isActive: true } satisfies Prisma.CategorySelect;
  await db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id: ref.categoryId }, select: audited });
    if (!before) throw new AdminNotFoundError();
    const updated = await tx.category.updateMany({ where: { id: ref.categoryId, version: ref.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AdminConflictError();
    await recordCategoryEvent(tx, actor, action, ref.categoryId, before, { ...before, ...data });
  });
}

function recordCategoryEvent(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  action: AuditAction,
  categoryId: number,
  before: Prisma.InputJsonObject | null,
  after: Prisma.InputJsonObject,
) {
  return recordEvent(tx, {
    caseId: null,
    actorKind: "STAFF",
    actorId: actor.id,
    action,
    isPublic: false,
    before: before ? { categoryId, ...before } : null,
    after: { categoryId, ...after },
  });
}
