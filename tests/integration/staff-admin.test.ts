import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { resolveStaffSession } from "@/lib/auth/session-lookup";
import type { StaffActor } from "@/lib/auth/session-policy";
import { attemptPasswordStep } from "@/lib/auth/sign-in-flow";
import { findAccountSignInFailures, reserveSignInAttempt } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import type { Role, ScopeLevel } from "@/lib/generated/prisma/enums";
import { verifySecret } from "@/lib/security/secret-hash";
import { IDLE_STAFF_STATE, type StaffActionState } from "@/lib/staff/action-state";
import { hashPasswordToken } from "@/lib/staff/password-token";
import { parseStaffListFilters } from "@/lib/staff/schemas";
import { inspectPasswordLink, setPasswordWithLink } from "@/lib/staff/set-password";
import {
  clearStaffSignInLock,
  createStaffAccount,
  deactivateStaff,
  issueStaffPasswordLink,
  reactivateStaff,
  resetStaffTotp,
  updateStaffRoleScope,
} from "@/lib/staff/staff-changes";
import { findStaffList, getStaffDetail } from "@/lib/staff/staff-directory";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { openStaffSession } from "./support/staff-sessions";

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
const { setPasswordAction } = await import("@/lib/staff/set-password-actions");

const NEW_PASSWORD = "kopi-tubruk-pagi-hari";
let fixture: ScopeFixture;
let admin: StaffActor;

const unique = () => randomBytes(4).toString("hex");

async function createStaff(role: Role, scope: { scopeLevel: ScopeLevel; officeId?: number; regionalOfficeId?: number } = { scopeLevel: "NATIONAL" }, extra: { totp?: boolean } = {}) {
  const suffix = unique();
  return db.staffUser.create({
    data: {
      name: `${role.toLowerCase()} ${suffix}`,
      email: `${role.toLowerCase()}.${suffix}@uji.lapor-imigrasi.id`,
      passwordHash: "not-a-real-hash",
      role,
      scopeLevel: scope.scopeLevel,
      officeId: scope.officeId ?? null,
      regionalOfficeId: scope.regionalOfficeId ?? null,
      ...(extra.totp ? { totpSecret: "sealed-secret", totpEnabledAt: new Date(), totpLastUsedStep: 5 } : {}),
    },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true, version: true },
  });
}

function actorOf(staff: Awaited<ReturnType<typeof createStaff>>): StaffActor {
  return { id: staff.id, name: staff.name, email: staff.email, role: staff.role, scopeLevel: staff.scopeLevel, officeId: staff.officeId, regionalOfficeId: staff.regionalOfficeId };
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

async function eventsAbout(staffId: string, action: string) {
  const events = await db.caseEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { actorId: true, actorKind: true, before: true, after: true } });
  return events.filter((event) => (event.after as { staffUserId?: string } | null)?.staffUserId === staffId);
}

async function versionOf(staffId: string): Promise<number> {
  return (await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { version: true } })).version;
}

function newOfficerInput(email = `baru.${unique()}@uji.lapor-imigrasi.id`) {
  return { name: "Budi Santoso", email, role: "OFFICER" as const, scopeLevel: "OFFICE" as const, officeId: fixture.offices.a.id, regionalOfficeId: null };
}

beforeAll(async () => {
  fixture = await createScopeFixture("staff");
  admin = fixture.staff.admin;
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

describe("creating an account", () => {
  it("stores the person without a password and only the hash of a 72-hour link, and audits it", async () => {
    const now = new Date("2026-12-02T03:00:00Z");
    const input = newOfficerInput();
    const issued = await createStaffAccount(admin, input, now);

    const row = await db.staffUser.findUniqueOrThrow({
      where: { id: issued.staffId },
      select: { email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true, passwordHash: true, isActive: true },
    });
    expect(row).toEqual({ email: input.email, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id, regionalOfficeId: null, passwordHash: null, isActive: true });
    const tokens = await db.staffPasswordToken.findMany({ where: { staffUserId: issued.staffId }, select: { tokenHash: true, expiresAt: true, usedAt: true, createdById: true } });
    expect(tokens).toEqual([{ tokenHash: hashPasswordToken(issued.token), expiresAt: new Date("2026-12-05T03:00:00Z"), usedAt: null, createdById: admin.id }]);

    const [event] = await eventsAbout(issued.staffId, "STAFF_ACCOUNT_CREATED");
    expect(event).toMatchObject({ actorKind: "STAFF", actorId: admin.id, after: { email: input.email, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id } });
    expect(JSON.stringify(event)).not.toContain(issued.token);
    expect(JSON.stringify(event)).not.toContain(hashPasswordToken(issued.token));
  });

  it("refuses an email already in use, whatever its case", async () => {
    const input = newOfficerInput();
    await createStaffAccount(admin, input);
    await expect(createStaffAccount(admin, { ...input, email: input.email.toUpperCase() })).rejects.toMatchObject({ field: "email", code: "emailTaken" });
    session.current = admin;
    const result = await actions.createStaffAction(IDLE_STAFF_STATE, form({ ...input, email: input.email.toUpperCase(), officeId: input.officeId, regionalOfficeId: "" }));
    expect(result).toMatchObject({ status: "error", message: "invalid", fieldErrors: { email: "emailTaken" }, values: { name: "Budi Santoso", email: input.email.toUpperCase() } });
  });

  it("refuses a scope that does not fit the role, naming the field", async () => {
    await expect(createStaffAccount(admin, { ...newOfficerInput(), scopeLevel: "NATIONAL" })).rejects.toMatchObject({ field: "scopeLevel", code: "officerOfficeOnly" });
    await expect(createStaffAccount(admin, { ...newOfficerInput(), role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: null })).rejects.toMatchObject({
      field: "regionalOfficeId",
      code: "regionalOfficeRequired",
    });
    await expect(createStaffAccount(admin, { ...newOfficerInput(), officeId: 987_654 })).rejects.toMatchObject({ field: "officeId", code: "officeNotFound" });
  });

  it("answers the form with the link on the admin's address, and keeps typed values on a bad field", async () => {
    session.current = admin;
    const email = `Form.${unique()}@Uji.Lapor-Imigrasi.id`;
    const created = await actions.createStaffAction(IDLE_STAFF_STATE, form({ name: "Sari Dewi", email, role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: "", regionalOfficeId: fixture.region1.id }));
    expect(created).toMatchObject({ status: "success", form: "create", notice: "created", link: { name: "Sari Dewi", email: email.toLowerCase() } });
    const link = (created as Extract<StaffActionState, { status: "success" }>).link!;
    expect(link.url).toMatch(/^https:\/\/lapor\.uji\.go\.id\/atur-sandi\?token=[A-Za-z0-9_-]{43}$/);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: link.staffId }, select: { email: true, regionalOfficeId: true } })).toEqual({ email: email.toLowerCase(), regionalOfficeId: fixture.region1.id });

    const refused = await actions.createStaffAction(IDLE_STAFF_STATE, form({ name: "S", email: "bukan-email", role: "OFFICER", scopeLevel: "OFFICE", officeId: "", regionalOfficeId: "" }));
    expect(refused).toMatchObject({ status: "error", message: "invalid", fieldErrors: { name: "nameTooShort", email: "emailInvalid", officeId: "officeRequired" }, values: { name: "S", email: "bukan-email" } });
  });
});

describe("listing and reading accounts", () => {
  it("searches name and email and filters by role, office and status, with last sign-in", async () => {
    const marker = unique();
    const officer = await db.staffUser.create({
      data: { name: `Rahmat ${marker}`, email: `rahmat.${marker}@uji.lapor-imigrasi.id`, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.b.id, lastSignInAt: new Date("2026-11-30T01:00:00Z") },
    });
    await db.staffUser.create({ data: { name: `Rahmi ${marker}`, email: `rahmi.${marker}@uji.lapor-imigrasi.id`, role: "SUPERVISOR", scopeLevel: "NATIONAL", isActive: false } });

    const byName = await findStaffList(admin, parseStaffListFilters({ q: marker }));
    expect(byName.total).toBe(2);
    const filtered = await findStaffList(admin, parseStaffListFilters({ q: `RAHMAT.${marker}`, role: "OFFICER", office: String(fixture.offices.b.id), status: "active" }));
    expect(filtered.rows).toEqual([expect.objectContaining({ id: officer.id, scopeName: fixture.offices.b.name, lastSignInAt: new Date("2026-11-30T01:00:00Z"), isActive: true })]);
    const inactive = await findStaffList(admin, parseStaffListFilters({ q: marker, status: "inactive" }));
    expect(inactive.rows.map((row) => row.name)).toEqual([`Rahmi ${marker}`]);
  });

  it("gives an account's detail without any secret", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    const detail = await getStaffDetail(admin, issued.staffId);
    expect(detail).toMatchObject({ hasPassword: false, hasTotp: false, latestLink: { state: "usable" }, signInFailures: { count: 0, isLocked: false } });
    expect(JSON.stringify(detail)).not.toMatch(/passwordHash|totpSecret|tokenHash/);
    await expect(getStaffDetail(admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(AdminNotFoundError);
  });

  it("records the time of each sign-in", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    await setPasswordWithLink({ token: issued.token, newPassword: NEW_PASSWORD });
    const outcome = await attemptPasswordStep({ email: issued.email, password: NEW_PASSWORD, clientAddress: "203.0.113.9" });
    expect(outcome.outcome).toBe("signedIn");
    const { redeemSignInGrant } = await import("@/lib/auth/sign-in-grant");
    const signedInAt = new Date();
    await redeemSignInGrant((outcome as { grant: string }).grant, signedInAt);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: issued.staffId }, select: { lastSignInAt: true } })).toEqual({ lastSignInAt: signedInAt });
  });
});

describe("editing role and scope", () => {
  it("saves a coherent change at the version shown and audits before and after", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    await updateStaffRoleScope(admin, { staffId: officer.id, version: officer.version, role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: fixture.offices.a.id, regionalOfficeId: fixture.region2.id });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: officer.id }, select: { role: true, scopeLevel: true, officeId: true, regionalOfficeId: true, version: true } })).toEqual({
      role: "SUPERVISOR",
      scopeLevel: "REGIONAL",
      officeId: null,
      regionalOfficeId: fixture.region2.id,
      version: officer.version + 1,
    });
    const [event] = await eventsAbout(officer.id, "STAFF_ROLE_SCOPE_CHANGED");
    expect(event).toMatchObject({
      actorId: admin.id,
      before: { role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id, regionalOfficeId: null },
      after: { role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: null, regionalOfficeId: fixture.region2.id },
    });
  });

  it("refuses a stale version with the conflict message, keeping what was chosen", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    await updateStaffRoleScope(admin, { staffId: officer.id, version: officer.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.b.id, regionalOfficeId: null });
    await expect(
      updateStaffRoleScope(admin, { staffId: officer.id, version: officer.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.c.id, regionalOfficeId: null }),
    ).rejects.toBeInstanceOf(AdminConflictError);

    session.current = admin;
    const answer = await actions.updateRoleScopeAction(
      IDLE_STAFF_STATE,
      form({ staffId: officer.id, version: officer.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.c.id, regionalOfficeId: "" }),
    );
    expect(answer).toMatchObject({ status: "error", message: "conflict", values: { officeId: String(fixture.offices.c.id) } });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: officer.id }, select: { officeId: true } })).toEqual({ officeId: fixture.offices.b.id });
  });

  it("lets nobody change their own role or scope", async () => {
    const self = await createStaff("ADMIN");
    await expect(updateStaffRoleScope(actorOf(self), { staffId: self.id, version: self.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id, regionalOfficeId: null })).rejects.toMatchObject({
      code: "selfRoleChange",
    });
  });
});

describe("deactivating and reactivating", () => {
  it("ends every session of the person at once, and their unused links", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    await setPasswordWithLink({ token: issued.token, newPassword: NEW_PASSWORD });
    const spare = await issueStaffPasswordLink(admin, { staffId: issued.staffId, version: await versionOf(issued.staffId) });
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: issued.staffId }, select: { id: true, sessionVersion: true, version: true } });
    const now = new Date();
    const claims = await openStaffSession(row, now);
    expect((await resolveStaffSession(claims, now)).status).toBe("active");

    await deactivateStaff(admin, { staffId: row.id, version: row.version });
    expect(await resolveStaffSession(claims, new Date())).toEqual({ status: "signedOut" });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: row.id }, select: { isActive: true, sessionVersion: true } })).toEqual({ isActive: false, sessionVersion: row.sessionVersion + 1 });
    expect((await inspectPasswordLink(spare.token)).state).not.toBe("usable");
    expect(await attemptPasswordStep({ email: issued.email, password: NEW_PASSWORD, clientAddress: "203.0.113.10" })).toEqual({ outcome: "invalid" });
    expect(await eventsAbout(row.id, "STAFF_DEACTIVATED")).toEqual([expect.objectContaining({ actorId: admin.id, before: { staffUserId: row.id, isActive: true }, after: { staffUserId: row.id, isActive: false } })]);

    await reactivateStaff(admin, { staffId: row.id, version: await versionOf(row.id) });
    expect((await attemptPasswordStep({ email: issued.email, password: NEW_PASSWORD, clientAddress: "203.0.113.10" })).outcome).toBe("signedIn");
    expect(await eventsAbout(row.id, "STAFF_REACTIVATED")).toHaveLength(1);
  });

  it("lets nobody deactivate themselves", async () => {
    const self = await createStaff("ADMIN");
    await expect(deactivateStaff(actorOf(self), { staffId: self.id, version: self.version })).rejects.toMatchObject({ code: "selfDeactivate" });
    session.current = actorOf(self);
    expect(await actions.deactivateStaffAction(IDLE_STAFF_STATE, form({ staffId: self.id, version: self.version }))).toMatchObject({ status: "error", message: "selfDeactivate" });
    // Postgres finds the same row by the upper-case spelling of a UUID: it must not slip past the rule.
    expect(await actions.deactivateStaffAction(IDLE_STAFF_STATE, form({ staffId: self.id.toUpperCase(), version: self.version }))).toMatchObject({
      status: "error",
      message: "selfDeactivate",
    });
    await expect(deactivateStaff(actorOf(self), { staffId: self.id.toUpperCase(), version: self.version })).rejects.toMatchObject({ code: "selfDeactivate" });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: self.id }, select: { isActive: true } })).toEqual({ isActive: true });
  });

  it("refuses a stale version", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    await resetStaffTotp(admin, { staffId: officer.id, version: officer.version });
    await expect(deactivateStaff(admin, { staffId: officer.id, version: officer.version })).rejects.toBeInstanceOf(AdminConflictError);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: officer.id }, select: { isActive: true } })).toEqual({ isActive: true });
  });
});

describe("the cases a person held", () => {
  async function holdCases(officerId: string) {
    const open = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, assigneeId: officerId, status: "IN_PROGRESS" });
    const waiting = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, assigneeId: officerId, status: "WAITING_FOR_REPORTER" });
    const closed = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, assigneeId: officerId, status: "RESOLVED", closedAt: new Date() });
    return { open, waiting, closed };
  }
  const assigneeOf = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { assigneeId: true } })).assigneeId;

  it("go back to the office unassigned when the person is deactivated, each shown on its timeline; closed cases keep their officer", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    const held = await holdCases(officer.id);
    await deactivateStaff(admin, { staffId: officer.id, version: officer.version });

    expect(await assigneeOf(held.open.id)).toBeNull();
    expect(await assigneeOf(held.waiting.id)).toBeNull();
    expect(await assigneeOf(held.closed.id)).toBe(officer.id);
    const timeline = await db.caseEvent.findMany({ where: { caseId: held.open.id, action: "ASSIGNED" }, select: { actorId: true, before: true, after: true } });
    expect(timeline).toEqual([{ actorId: admin.id, before: { assigneeId: officer.id, assigneeName: officer.name }, after: { assigneeId: null, assigneeName: null } }]);
    expect((await db.case.findUniqueOrThrow({ where: { id: held.open.id }, select: { version: true } })).version).toBe(held.open.version + 1);
    expect(await eventsAbout(officer.id, "STAFF_DEACTIVATED")).toEqual([expect.objectContaining({ after: { staffUserId: officer.id, isActive: false, unassignedCases: 2 } })]);
  });

  it("outside the new office go back when an officer moves, and those of the new office stay with them", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    const held = await holdCases(officer.id);
    const inNewOffice = await createFixtureCase(fixture, { officeId: fixture.offices.b.id, assigneeId: officer.id, status: "VERIFIED" });
    await updateStaffRoleScope(admin, { staffId: officer.id, version: officer.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.b.id, regionalOfficeId: null });
    expect(await assigneeOf(held.open.id)).toBeNull();
    expect(await assigneeOf(held.waiting.id)).toBeNull();
    expect(await assigneeOf(held.closed.id)).toBe(officer.id);
    expect(await assigneeOf(inNewOffice.id)).toBe(officer.id);
  });
});

describe("resetting TOTP", () => {
  it("forgets the authenticator and every session; a supervisor must enroll again", async () => {
    const supervisor = await createStaff("SUPERVISOR", { scopeLevel: "NATIONAL" }, { totp: true });
    const before = await db.staffUser.findUniqueOrThrow({ where: { id: supervisor.id }, select: { sessionVersion: true } });
    await resetStaffTotp(admin, { staffId: supervisor.id, version: supervisor.version });
    const after = await db.staffUser.findUniqueOrThrow({
      where: { id: supervisor.id },
      select: { totpSecret: true, totpEnabledAt: true, totpLastUsedStep: true, sessionVersion: true },
    });
    expect(after).toEqual({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, sessionVersion: before.sessionVersion + 1 });
    const now = new Date();
    expect((await resolveStaffSession(await openStaffSession({ id: supervisor.id, sessionVersion: after.sessionVersion }, now), now)).status).toBe("enrollmentRequired");
    const [event] = await eventsAbout(supervisor.id, "STAFF_TOTP_RESET");
    expect(event).toMatchObject({ before: { hasTotp: true }, after: { hasTotp: false } });
    expect(JSON.stringify(event)).not.toContain("sealed-secret");
  });
});

describe("one-time links", () => {
  it("sets the password once, ends other sessions, and is then spent", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    expect(await inspectPasswordLink(issued.token)).toEqual({ state: "usable", name: "Budi Santoso", email: issued.email });
    expect(await setPasswordWithLink({ token: issued.token, newPassword: NEW_PASSWORD })).toBe("done");
    expect(await getStaffDetail(admin, issued.staffId)).toMatchObject({ hasPassword: true, latestLink: { state: "used" } });

    const row = await db.staffUser.findUniqueOrThrow({ where: { id: issued.staffId }, select: { passwordHash: true, sessionVersion: true, passwordChangedAt: true } });
    expect(await verifySecret(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(row.sessionVersion).toBe(2);
    expect(await setPasswordWithLink({ token: issued.token, newPassword: "another-long-password" })).toBe("used");
    expect(await inspectPasswordLink(issued.token)).toEqual({ state: "used" });
    expect(await eventsAbout(issued.staffId, "STAFF_PASSWORD_SET_BY_LINK")).toEqual([expect.objectContaining({ actorKind: "STAFF", actorId: issued.staffId })]);
  });

  it("lets exactly one of two simultaneous submissions of the same link win", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    const outcomes = await Promise.all([
      setPasswordWithLink({ token: issued.token, newPassword: "first-password-here" }),
      setPasswordWithLink({ token: issued.token, newPassword: "second-password-here" }),
    ]);
    expect(outcomes.sort()).toEqual(["done", "used"]);
    expect(await eventsAbout(issued.staffId, "STAFF_PASSWORD_SET_BY_LINK")).toHaveLength(1);
  });

  it("expires after 72 hours", async () => {
    const issuedAt = new Date(Date.now() - 73 * 60 * 60 * 1000);
    const issued = await createStaffAccount(admin, newOfficerInput(), issuedAt);
    expect(await inspectPasswordLink(issued.token, new Date(issuedAt.getTime() + 71 * 60 * 60 * 1000))).toMatchObject({ state: "usable" });
    expect(await inspectPasswordLink(issued.token)).toEqual({ state: "expired" });
    expect(await setPasswordWithLink({ token: issued.token, newPassword: NEW_PASSWORD })).toBe("expired");
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: issued.staffId }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
  });

  it("stops working when a newer link is issued", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    const newer = await issueStaffPasswordLink(admin, { staffId: issued.staffId, version: await versionOf(issued.staffId) });
    expect(await inspectPasswordLink(issued.token)).toEqual({ state: "expired" });
    expect(await inspectPasswordLink(newer.token)).toMatchObject({ state: "usable" });
    expect(await eventsAbout(issued.staffId, "STAFF_PASSWORD_LINK_ISSUED")).toEqual([expect.objectContaining({ actorId: admin.id, after: expect.objectContaining({ passwordLinkExpiresAt: newer.expiresAt.toISOString() }) })]);
  });

  it("answers an unknown or malformed token as invalid", async () => {
    expect(await inspectPasswordLink("A".repeat(43))).toEqual({ state: "invalid" });
    expect(await inspectPasswordLink("bukan token")).toEqual({ state: "invalid" });
    expect(await setPasswordWithLink({ token: "A".repeat(43), newPassword: NEW_PASSWORD })).toBe("invalid");
  });

  it("is refused for an inactive account", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    await deactivateStaff(admin, { staffId: officer.id, version: officer.version });
    await expect(issueStaffPasswordLink(admin, { staffId: officer.id, version: officer.version + 1 })).rejects.toMatchObject({ code: "inactiveAccount" });
  });

  it("through its public form: checks the passwords, then goes to the done page", async () => {
    const issued = await createStaffAccount(admin, newOfficerInput());
    expect(await setPasswordAction({ status: "idle" }, form({ token: issued.token, newPassword: "pendek", confirmPassword: "pendek" }))).toEqual({
      status: "error",
      message: null,
      fieldErrors: { newPassword: "newPasswordTooShort" },
    });
    expect(await setPasswordAction({ status: "idle" }, form({ token: issued.token, newPassword: NEW_PASSWORD, confirmPassword: "lain" }))).toMatchObject({ fieldErrors: { confirmPassword: "passwordsDiffer" } });
    await expect(setPasswordAction({ status: "idle" }, form({ token: issued.token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).rejects.toMatchObject({
      digest: expect.stringContaining("/atur-sandi?status=done"),
    });
    expect(await setPasswordAction({ status: "idle" }, form({ token: issued.token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))).toEqual({
      status: "error",
      message: "link.used",
      fieldErrors: {},
    });
  });
});

describe("clearing a sign-in lock", () => {
  it("forgets the account's failures but not the client's", async () => {
    const officer = await createStaff("OFFICER", { scopeLevel: "OFFICE", officeId: fixture.offices.a.id });
    const clientAddress = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let attempt = 0; attempt < 10; attempt += 1) await reserveSignInAttempt({ email: officer.email, clientAddress });
    expect(await findAccountSignInFailures(officer.email)).toEqual({ count: 10, isLocked: true });
    expect(await reserveSignInAttempt({ email: officer.email, clientAddress: "192.0.2.1" })).toBe(false);

    expect(await clearStaffSignInLock(admin, { staffId: officer.id })).toBe(true);
    expect(await findAccountSignInFailures(officer.email)).toEqual({ count: 0, isLocked: false });
    expect(await reserveSignInAttempt({ email: officer.email, clientAddress: "192.0.2.1" })).toBe(true);
    expect(await db.rateLimitBucket.count({ where: { key: { startsWith: "signInFailureByClient:" } } })).toBeGreaterThan(0);
    expect(await eventsAbout(officer.id, "STAFF_SIGN_IN_LOCK_CLEARED")).toHaveLength(1);

    session.current = admin;
    await clearStaffSignInLock(admin, { staffId: officer.id });
    expect(await actions.clearSignInLockAction(IDLE_STAFF_STATE, form({ staffId: officer.id }))).toMatchObject({ status: "success", notice: "noLock" });
  });
});

describe("the last active admin", () => {
  async function leaveOnlyTheseAdminsActive(...admins: { id: string }[]) {
    await db.staffUser.updateMany({ where: { role: "ADMIN", id: { notIn: admins.map((one) => one.id) } }, data: { isActive: false } });
  }

  it("can be neither demoted nor deactivated", async () => {
    const [first, second] = [await createStaff("ADMIN"), await createStaff("ADMIN")];
    await leaveOnlyTheseAdminsActive(first, second);
    await deactivateStaff(actorOf(first), { staffId: second.id, version: second.version });
    await expect(updateStaffRoleScope(actorOf(second), { staffId: first.id, version: first.version, role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null })).rejects.toMatchObject({
      code: "lastAdmin",
    });
    await expect(deactivateStaff(actorOf(second), { staffId: first.id, version: first.version })).rejects.toMatchObject({ code: "lastAdmin" });
    expect(await db.staffUser.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
  });

  it("survives two admins demoting each other at the same moment: exactly one succeeds", async () => {
    for (let round = 0; round < 4; round += 1) {
      const [first, second] = [await createStaff("ADMIN"), await createStaff("ADMIN")];
      await leaveOnlyTheseAdminsActive(first, second);
      const demote = (actor: typeof first, target: typeof first) =>
        updateStaffRoleScope(actorOf(actor), { staffId: target.id, version: target.version, role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null });
      const outcomes = await Promise.allSettled([demote(first, second), demote(second, first)]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const [refused] = outcomes.filter((outcome) => outcome.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(AdminRuleError);
      expect(((refused as PromiseRejectedResult).reason as AdminRuleError).code).toBe("lastAdmin");
      expect(await db.staffUser.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
    }
  });

  it("survives two admins deactivating each other at the same moment", async () => {
    const [first, second] = [await createStaff("ADMIN"), await createStaff("ADMIN")];
    await leaveOnlyTheseAdminsActive(first, second);
    const outcomes = await Promise.allSettled([
      deactivateStaff(actorOf(first), { staffId: second.id, version: second.version }),
      deactivateStaff(actorOf(second), { staffId: first.id, version: first.version }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.staffUser.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
  });

  it("answers the form with the reason", async () => {
    const [first, second] = [await createStaff("ADMIN"), await createStaff("ADMIN")];
    await leaveOnlyTheseAdminsActive(first, second);
    await deactivateStaff(actorOf(first), { staffId: second.id, version: second.version });
    session.current = actorOf(second);
    const answer = await actions.updateRoleScopeAction(IDLE_STAFF_STATE, form({ staffId: first.id, version: first.version, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id, regionalOfficeId: "" }));
    expect(answer).toMatchObject({ status: "error", message: "lastAdmin", values: { role: "OFFICER" } });
  });
});
