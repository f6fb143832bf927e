import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AdminNotFoundError } from "@/lib/admin/errors";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { IDLE_STAFF_STATE, type StaffActionState } from "@/lib/staff/action-state";
import { parseStaffListFilters } from "@/lib/staff/schemas";
import {
  clearStaffSignInLock,
  createStaffAccount,
  deactivateStaff,
  issueStaffPasswordLink,
  reactivateStaff,
  resetStaffTotp,
  updateStaffRoleScope,
} from "@/lib/staff/staff-changes";
import { findStaffList, getScopeOptions, getStaffDetail } from "@/lib/staff/staff-directory";

import { createScopeFixture, type ScopeFixture, type StaffName } from "./cases-fixtures";

// The session is whoever the test says is signed in; the Server Actions read it.
const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getCurrentStaff: async () => session.current,
    requireStaff: async () => {
      if (!session.current) redirect("/masuk");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ origin: "https://lapor.uji.go.id" }) }));

const actions = await import("@/lib/staff/actions");

/**
 * WHO MAY ADMINISTER STAFF: admins, nobody else. Every other role, whatever its scope, and
 * whether the target account is in that scope ("own": an officer of office A, region 1) or not
 * ("foreign": an officer of office C, region 2), gets the 404 of a page that does not exist,
 * never a 403, and nothing changes.
 */
const NON_ADMINS: StaffName[] = ["officerA", "officerB", "officerC", "supervisorOfficeA", "supervisorRegion1", "supervisorRegion2", "supervisorNational"];

type Target = { staffId: string; version: number };

let fixture: ScopeFixture;
let emailCounter = 0;

async function createTarget(office: "a" | "c"): Promise<Target> {
  emailCounter += 1;
  const created = await db.staffUser.create({
    data: {
      name: `Sasaran ${emailCounter}`,
      email: `sasaran.${emailCounter}.${fixture.suffix}@uji.lapor-imigrasi.id`,
      role: "OFFICER",
      scopeLevel: "OFFICE",
      officeId: fixture.offices[office].id,
      totpSecret: "sealed",
      totpEnabledAt: new Date(),
    },
    select: { id: true, version: true },
  });
  return { staffId: created.id, version: created.version };
}

const newAccount = () => ({ name: "Orang Baru", email: `baru.${(emailCounter += 1)}.${fixture.suffix}@uji.lapor-imigrasi.id`, role: "OFFICER" as const, scopeLevel: "OFFICE" as const });

/** Every staff data function. */
const DATA_LAYER: Record<string, (actor: StaffActor, target: Target) => Promise<unknown>> = {
  findStaffList: (actor) => findStaffList(actor, parseStaffListFilters({})),
  getStaffDetail: (actor, target) => getStaffDetail(actor, target.staffId),
  getScopeOptions: (actor) => getScopeOptions(actor),
  createStaffAccount: (actor) => createStaffAccount(actor, { ...newAccount(), officeId: fixture.offices.a.id, regionalOfficeId: null }),
  updateStaffRoleScope: (actor, target) =>
    updateStaffRoleScope(actor, { ...target, role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null }),
  deactivateStaff: (actor, target) => deactivateStaff(actor, target),
  reactivateStaff: (actor, target) => reactivateStaff(actor, target),
  resetStaffTotp: (actor, target) => resetStaffTotp(actor, target),
  issueStaffPasswordLink: (actor, target) => issueStaffPasswordLink(actor, target),
  clearStaffSignInLock: (actor, target) => clearStaffSignInLock(actor, target),
};

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** Every staff Server Action, as a browser would post it. */
const ACTION_LAYER: Record<string, (target: Target) => Promise<StaffActionState>> = {
  createStaffAction: () => actions.createStaffAction(IDLE_STAFF_STATE, form({ ...newAccount(), officeId: fixture.offices.a.id, regionalOfficeId: "" })),
  updateRoleScopeAction: (target) =>
    actions.updateRoleScopeAction(IDLE_STAFF_STATE, form({ ...target, role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: "", regionalOfficeId: "" })),
  deactivateStaffAction: (target) => actions.deactivateStaffAction(IDLE_STAFF_STATE, form(target)),
  reactivateStaffAction: (target) => actions.reactivateStaffAction(IDLE_STAFF_STATE, form(target)),
  resetTotpAction: (target) => actions.resetTotpAction(IDLE_STAFF_STATE, form(target)),
  issuePasswordLinkAction: (target) => actions.issuePasswordLinkAction(IDLE_STAFF_STATE, form(target)),
  clearSignInLockAction: (target) => actions.clearSignInLockAction(IDLE_STAFF_STATE, form({ staffId: target.staffId })),
};

/** What an account looks like to the tests: nothing of it may change after a refused call. */
async function snapshotOf(target: Target) {
  const [row, tokens, events, staffCount] = await Promise.all([
    db.staffUser.findUniqueOrThrow({ where: { id: target.staffId }, select: { role: true, scopeLevel: true, isActive: true, totpEnabledAt: true, sessionVersion: true, version: true } }),
    db.staffPasswordToken.count({ where: { staffUserId: target.staffId } }),
    db.caseEvent.count(),
    db.staffUser.count(),
  ]);
  return { row, tokens, events, staffCount };
}

const cells = Object.keys(DATA_LAYER).flatMap((operation) => NON_ADMINS.flatMap((role) => (["own", "foreign"] as const).map((scope) => ({ operation, role, scope }))));
const actionCells = Object.keys(ACTION_LAYER).flatMap((operation) => NON_ADMINS.flatMap((role) => (["own", "foreign"] as const).map((scope) => ({ operation, role, scope }))));

beforeAll(async () => {
  fixture = await createScopeFixture("staff-authz");
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

describe("staff data functions refuse every non-admin with not-found", () => {
  it.each(cells)("$operation by $role on a $scope account", async ({ operation, role, scope }) => {
    const target = await createTarget(scope === "own" ? "a" : "c");
    const before = await snapshotOf(target);
    await expect(DATA_LAYER[operation]!(fixture.staff[role], target)).rejects.toBeInstanceOf(AdminNotFoundError);
    expect(await snapshotOf(target)).toEqual(before);
  });

  it.each(Object.keys(DATA_LAYER))("%s works for an admin", async (operation) => {
    const target = await createTarget("c");
    if (operation === "reactivateStaff") await db.staffUser.update({ where: { id: target.staffId }, data: { isActive: false, version: { increment: 1 } } });
    const current = { staffId: target.staffId, version: (await db.staffUser.findUniqueOrThrow({ where: { id: target.staffId }, select: { version: true } })).version };
    await DATA_LAYER[operation]!(fixture.staff.admin, current);
  });
});

describe("staff Server Actions answer every non-admin with a 404", () => {
  it.each(actionCells)("$operation by $role on a $scope account", async ({ operation, role, scope }) => {
    session.current = fixture.staff[role];
    const target = await createTarget(scope === "own" ? "a" : "c");
    const before = await snapshotOf(target);
    await expect(ACTION_LAYER[operation]!(target)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    expect(await snapshotOf(target)).toEqual(before);
  });

  it.each(Object.keys(ACTION_LAYER))("%s sends a signed-out caller to /masuk", async (operation) => {
    session.current = null;
    const target = await createTarget("a");
    await expect(ACTION_LAYER[operation]!(target)).rejects.toMatchObject({ digest: expect.stringContaining("/masuk") });
  });
});
