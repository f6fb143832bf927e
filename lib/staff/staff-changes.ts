import "server-only";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent, recordEvents } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { clearAccountSignInFailures } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/cases/workflow";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";

import { StaffFieldError } from "./errors";
import { expireUnusedPasswordLinks, issuePasswordLinkInTransaction } from "./password-links";
import { resolveStaffScope, wouldRemoveLastActiveAdmin, type StaffScope } from "./rules";
import type { CreateStaffInput, RoleScopeInput, StaffVersionRef } from "./schemas";

/**
 * Every change an admin makes to staff accounts. Each is one transaction that checks the actor is
 * an admin, checks the version the admin's form showed (optimistic locking on StaffUser.version),
 * applies the rules of rules.ts, writes, and records one audit event last (before/after, never a
 * hash, secret or token).
 *
 * The last active admin: a change that could take away an admin (a demotion, a deactivation)
 * first takes one transaction-scoped advisory lock, then counts the other active admins. Two
 * admins demoting each other at the same moment therefore run one after the other, and the second
 * sees that the first already left it alone: it is refused. (Counting without the lock, both
 * would see two admins and both would succeed.)
 */

/** Serialises the changes that can remove an admin; any number, the same everywhere. */
const ADMIN_STANDING_LOCK = BigInt(0x4c49_4144); // "LIAD"

const targetSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  scopeLevel: true,
  officeId: true,
  regionalOfficeId: true,
  isActive: true,
  totpEnabledAt: true,
  version: true,
} satisfies Prisma.StaffUserSelect;

type Target = Prisma.StaffUserGetPayload<{ select: typeof targetSelect }>;

async function lockAdminStanding(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_STANDING_LOCK})`;
}

async function loadTargetAtVersion(tx: Prisma.TransactionClient, ref: StaffVersionRef): Promise<Target> {
  const target = await tx.staffUser.findUnique({ where: { id: ref.staffId }, select: targetSelect });
  if (!target) throw new AdminNotFoundError();
  if (target.version !== ref.version) throw new AdminConflictError();
  return target;
}

/** Writes only while the row still has the version the form showed, and bumps it. */
async function updateAtVersion(tx: Prisma.TransactionClient, ref: StaffVersionRef, data: Prisma.StaffUserUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.staffUser.updateMany({ where: { id: ref.staffId, version: ref.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new AdminConflictError();
}

async function countOtherActiveAdmins(tx: Prisma.TransactionClient, staffId: string): Promise<number> {
  return tx.staffUser.count({ where: { role: "ADMIN", isActive: true, id: { not: staffId } } });
}

async function assertScopeTargetsExist(tx: Prisma.TransactionClient, scope: StaffScope): Promise<void> {
  if (scope.officeId !== null && !(await tx.office.findUnique({ where: { id: scope.officeId }, select: { id: true } }))) {
    throw new StaffFieldError("officeId", "officeNotFound");
  }
  if (scope.regionalOfficeId !== null && !(await tx.regionalOffice.findUnique({ where: { id: scope.regionalOfficeId }, select: { id: true } }))) {
    throw new StaffFieldError("regionalOfficeId", "regionalOfficeNotFound");
  }
}

function scopeFromRequest(input: Pick<RoleScopeInput, "role" | "scopeLevel" | "officeId" | "regionalOfficeId">): StaffScope {
  const resolved = resolveStaffScope(input);
  if (!resolved.ok) throw new StaffFieldError(resolved.problem.field, resolved.problem.code);
  return resolved.scope;
}

/**
 * Unassigns the open cases the person holds and may no longer work (all of them when deactivated;
 * those outside their new office, or all, when their role or scope changes), each visibly on its
 * timeline: a case held by someone who can no longer sign in or see it would wait for nobody,
 * while unassigned it is back on its office's pile. Returns how many were released.
 */
async function releaseCasesOutOfReach(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  target: { id: string; name: string },
  keep: { officeId: number } | null,
  now: Date,
): Promise<number> {
  const held = await tx.case.findMany({
    where: { assigneeId: target.id, status: { in: [...OPEN_STATUSES] }, ...(keep ? { officeId: { not: keep.officeId } } : {}) },
    select: { id: true },
  });
  if (held.length === 0) return 0;
  const ids = held.map((row) => row.id);
  await tx.case.updateMany({ where: { id: { in: ids } }, data: { assigneeId: null, version: { increment: 1 } } });
  await recordEvents(
    tx,
    ids.map((caseId) => ({
      caseId,
      actorKind: "STAFF" as const,
      actorId: actor.id,
      action: AUDIT_ACTIONS.ASSIGNED,
      isPublic: false,
      before: { assigneeId: target.id, assigneeName: target.name },
      after: { assigneeId: null, assigneeName: null },
      createdAt: now,
    })),
  );
  return ids.length;
}

function recordStaffEvent(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  action: AuditAction,
  target: { id: string },
  change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject; now: Date },
) {
  return recordEvent(tx, {
    caseId: null,
    actorKind: "STAFF",
    actorId: actor.id,
    action,
    isPublic: false,
    before: change.before ? { staffUserId: target.id, ...change.before } : null,
    after: { staffUserId: target.id, ...change.after },
    createdAt: change.now,
  });
}

export type IssuedLink = { staffId: string; name: string; email: string; token: string; expiresAt: Date };

/** A new account without a password, and its first set-password link (the token, to show once). */
export async function createStaffAccount(actor: StaffActor, input: CreateStaffInput, now: Date = new Date()): Promise<IssuedLink> {
  assertAdmin(actor);
  const scope = scopeFromRequest(input);
  try {
    return await db.$transaction(async (tx) => {
      await assertScopeTargetsExist(tx, scope);
      const taken = await tx.staffUser.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } });
      if (taken) throw new StaffFieldError("email", "emailTaken");
      const created = await tx.staffUser.create({
        data: { name: input.name, email: input.email, role: input.role, ...scope, passwordHash: null, createdAt: now },
        select: { id: true },
      });
      const link = await issuePasswordLinkInTransaction(tx, { staffUserId: created.id, createdById: actor.id, now });
      await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_ACCOUNT_CREATED, created, {
        after: { name: input.name, email: input.email, role: input.role, ...scope, passwordLinkExpiresAt: link.expiresAt.toISOString() },
        now,
      });
      return { staffId: created.id, name: input.name, email: input.email, ...link };
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides, the loser is told plainly.
    if (isUniqueViolation(error, { index: "StaffUser_email_key", fields: ["email"] })) throw new StaffFieldError("email", "emailTaken");
    throw error;
  }
}

export async function updateStaffRoleScope(actor: StaffActor, input: RoleScopeInput, now: Date = new Date()): Promise<void> {
  assertAdmin(actor);
  if (input.staffId.toLowerCase() === actor.id.toLowerCase()) throw new AdminRuleError("selfRoleChange");
  const scope = scopeFromRequest(input);
  await db.$transaction(async (tx) => {
    await lockAdminStanding(tx);
    const target = await loadTargetAtVersion(tx, input);
    await assertScopeTargetsExist(tx, scope);
    const before = { role: target.role, scopeLevel: target.scopeLevel, officeId: target.officeId, regionalOfficeId: target.regionalOfficeId };
    const after = { role: input.role, ...scope };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    if (wouldRemoveLastActiveAdmin(target, { role: input.role, isActive: target.isActive }, await countOtherActiveAdmins(tx, target.id))) {
      throw new AdminRuleError("lastAdmin");
    }
    await updateAtVersion(tx, input, after);
    const released = await releaseCasesOutOfReach(tx, actor, target, input.role === "OFFICER" && scope.officeId !== null ? { officeId: scope.officeId } : null, now);
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_ROLE_SCOPE_CHANGED, target, { before, after: released > 0 ? { ...after, unassignedCases: released } : after, now });
  });
}

/** Deactivating ends every session of the person at once (sessionVersion + 1) and every unused link. */
export async function deactivateStaff(actor: StaffActor, ref: StaffVersionRef, now: Date = new Date()): Promise<void> {
  assertAdmin(actor);
  if (ref.staffId.toLowerCase() === actor.id.toLowerCase()) throw new AdminRuleError("selfDeactivate");
  await db.$transaction(async (tx) => {
    await lockAdminStanding(tx);
    const target = await loadTargetAtVersion(tx, ref);
    if (!target.isActive) return;
    if (wouldRemoveLastActiveAdmin(target, { role: target.role, isActive: false }, await countOtherActiveAdmins(tx, target.id))) {
      throw new AdminRuleError("lastAdmin");
    }
    await updateAtVersion(tx, ref, { isActive: false, sessionVersion: { increment: 1 } });
    await expireUnusedPasswordLinks(tx, target.id, now);
    const released = await releaseCasesOutOfReach(tx, actor, target, null, now);
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_DEACTIVATED, target, {
      before: { isActive: true },
      after: released > 0 ? { isActive: false, unassignedCases: released } : { isActive: false },
      now,
    });
  });
}

export async function reactivateStaff(actor: StaffActor, ref: StaffVersionRef, now: Date = new Date()): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const target = await loadTargetAtVersion(tx, ref);
    if (target.isActive) return;
    await updateAtVersion(tx, ref, { isActive: true });
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_REACTIVATED, target, { before: { isActive: false }, after: { isActive: true }, now });
  });
}

/** Forgets the authenticator: the person enrolls again at their next sign-in (required for supervisors and admins). */
export async function resetStaffTotp(actor: StaffActor, ref: StaffVersionRef, now: Date = new Date()): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const target = await loadTargetAtVersion(tx, ref);
    await updateAtVersion(tx, ref, { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, sessionVersion: { increment: 1 } });
    // The recovery codes belonged to the authenticator just removed.
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: ref.staffId } });
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_TOTP_RESET, target, { before: { hasTotp: target.totpEnabledAt !== null }, after: { hasTotp: false }, now });
  });
}

/** A new set-password link (a lost password, an expired first link); earlier unused links stop working. */
export async function issueStaffPasswordLink(actor: StaffActor, ref: StaffVersionRef, now: Date = new Date()): Promise<IssuedLink> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await loadTargetAtVersion(tx, ref);
    if (!target.isActive) throw new AdminRuleError("inactiveAccount");
    await updateAtVersion(tx, ref, {});
    const link = await issuePasswordLinkInTransaction(tx, { staffUserId: target.id, createdById: actor.id, now });
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_PASSWORD_LINK_ISSUED, target, { after: { passwordLinkExpiresAt: link.expiresAt.toISOString() }, now });
    return { staffId: target.id, name: target.name, email: target.email, ...link };
  });
}

/** Forgets the wrong sign-in attempts counted against the account; returns whether there were any. */
export async function clearStaffSignInLock(actor: StaffActor, input: { staffId: string }, now: Date = new Date()): Promise<boolean> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({ where: { id: input.staffId }, select: { id: true, email: true } });
    if (!target) throw new AdminNotFoundError();
    const cleared = await clearAccountSignInFailures(tx, target.email);
    if (cleared === 0) return false;
    await recordStaffEvent(tx, actor, AUDIT_ACTIONS.STAFF_SIGN_IN_LOCK_CLEARED, target, { after: { clearedWindows: cleared }, now });
    return true;
  });
}
