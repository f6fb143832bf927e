import { randomUUID } from "node:crypto";

import { Auth } from "@auth/core";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createAuthConfig } from "@/auth.config";
import { beginTotpEnrollment, changeStaffPassword, confirmTotpEnrollment, getAccountSecurity } from "@/lib/auth/account";
import { verifyStaffPassword } from "@/lib/auth/credentials";
import { consumeRecoveryCode, regenerateRecoveryCodes } from "@/lib/auth/recovery-codes";
import { consumeTotpCode } from "@/lib/auth/second-factor";
import { attemptCodeStep } from "@/lib/auth/sign-in-flow";
import { endStaffSession, resolveStaffSession } from "@/lib/auth/session-lookup";
import { IDLE_TIMEOUT_SECONDS, type StaffActor } from "@/lib/auth/session-policy";
import { computeTotp, decodeBase32 } from "@/lib/auth/totp";
import { decryptTotpSecret } from "@/lib/auth/totp-secret";
import { deriveAppKey } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/secret-hash";

import { connectTestDatabase } from "./support/database";
import { openStaffSession } from "./support/staff-sessions";

const db = connectTestDatabase();
const PASSWORD = "Benar-Sekali-2026";
let passwordHash: string;

async function createStaff(role: Role = "OFFICER"): Promise<StaffActor> {
  const id = randomUUID();
  return db.staffUser.create({
    data: { id, name: "Petugas Uji", email: `sesi-${id}@uji.lapor-imigrasi.id`, passwordHash, role, scopeLevel: "NATIONAL" },
    select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
  });
}

beforeAll(async () => {
  passwordHash = await hashSecret(PASSWORD);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("each request re-reads the user", () => {
  it("keeps an officer's session while nothing changed", async () => {
    const officer = await createStaff();
    const now = new Date();
    expect(await resolveStaffSession(await openStaffSession({ id: officer.id, sessionVersion: 1 }, now), now)).toEqual({ status: "active", actor: officer });
  });

  it("ends every session of a user whose session version was bumped", async () => {
    const officer = await createStaff();
    const now = new Date();
    const claims = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);
    await db.staffUser.update({ where: { id: officer.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveStaffSession(claims, now)).toEqual({ status: "signedOut" });
  });

  it("ends the session of a deactivated user at once", async () => {
    const officer = await createStaff();
    const now = new Date();
    const claims = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);
    await db.staffUser.update({ where: { id: officer.id }, data: { isActive: false } });
    expect(await resolveStaffSession(claims, now)).toEqual({ status: "signedOut" });
  });

  it("ends a signed-out session for good, while the user's other sessions go on", async () => {
    const officer = await createStaff();
    const now = new Date();
    const signedOut = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);
    const otherBrowser = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);

    await endStaffSession(signedOut.sessionId);

    expect(await resolveStaffSession(signedOut, now)).toEqual({ status: "signedOut" });
    expect(await resolveStaffSession(otherBrowser, now)).toEqual({ status: "active", actor: officer });
  });

  it("refuses claims naming another user's session", async () => {
    const officer = await createStaff();
    const other = await createStaff();
    const now = new Date();
    const claims = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);
    expect(await resolveStaffSession({ ...claims, staffId: other.id }, now)).toEqual({ status: "signedOut" });
  });

  it("lets a supervisor without TOTP do nothing but enroll", async () => {
    const supervisor = await createStaff("SUPERVISOR");
    const now = new Date();
    const state = await resolveStaffSession(await openStaffSession({ id: supervisor.id, sessionVersion: 1 }, now), now);
    expect(state.status).toBe("enrollmentRequired");
  });
});

describe("changing the password", () => {
  it("ends the user's other sessions, takes the new password and writes the audit trail", async () => {
    const officer = await createStaff();
    const now = new Date();
    const claims = await openStaffSession({ id: officer.id, sessionVersion: 1 }, now);

    expect(await changeStaffPassword(officer, "Kata-Sandi-Baru-2026", now)).toBe(2);
    expect(await resolveStaffSession(claims, now)).toEqual({ status: "signedOut" });
    expect((await verifyStaffPassword(officer.email, "Kata-Sandi-Baru-2026")).ok).toBe(true);
    expect((await verifyStaffPassword(officer.email, PASSWORD)).ok).toBe(false);
    expect(await db.caseEvent.findMany({ where: { actorId: officer.id }, select: { action: true } })).toEqual([{ action: "STAFF_PASSWORD_CHANGED" }]);
  });
});

describe("enrolling TOTP", () => {
  it("stores the secret encrypted, turns TOTP on with a right code only, and uses that code up", async () => {
    const supervisor = await createStaff("SUPERVISOR");
    await beginTotpEnrollment(supervisor);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: supervisor.id }, select: { totpSecret: true, totpEnabledAt: true } });
    const secret = decryptTotpSecret(row.totpSecret!, supervisor.id)!;
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    expect((await getAccountSecurity(supervisor)).pendingEnrollment?.secretForDisplay.replace(/ /g, "")).toBe(secret);

    const now = new Date();
    const code = computeTotp(decodeBase32(secret)!, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await confirmTotpEnrollment(supervisor, wrong, now)).toBeNull();
    expect((await confirmTotpEnrollment(supervisor, code, now))?.sessionVersion).toBe(2);

    const state = await resolveStaffSession(await openStaffSession({ id: supervisor.id, sessionVersion: 2 }, now), now);
    expect(state.status).toBe("active");
    expect(await consumeTotpCode(supervisor.id, code, now)).toBe(false);
    expect(await db.caseEvent.findMany({ where: { actorId: supervisor.id }, select: { action: true } })).toEqual([{ action: "STAFF_TOTP_ENROLLED" }]);
  });

  it("does not replace the secret once TOTP is on", async () => {
    const officer = await createStaff();
    await beginTotpEnrollment(officer);
    const { totpSecret } = await db.staffUser.findUniqueOrThrow({ where: { id: officer.id }, select: { totpSecret: true } });
    const now = new Date();
    await confirmTotpEnrollment(officer, computeTotp(decodeBase32(decryptTotpSecret(totpSecret!, officer.id)!)!, now), now);
    await beginTotpEnrollment(officer);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: officer.id }, select: { totpSecret: true } })).totpSecret).toBe(totpSecret);
  });
});

describe("the Auth.js session cookie (idle timeout)", () => {
  const COOKIE = "authjs.session-token";

  async function sessionCookieFor(user: { id: string }, now: Date) {
    const token = { sub: user.id, staff: await openStaffSession({ id: user.id, sessionVersion: 1 }, now) };
    return encode({ token, secret: deriveAppKey("auth-session").toString("base64url"), salt: COOKIE, maxAge: IDLE_TIMEOUT_SECONDS });
  }

  async function askSession(cookie: string) {
    // What app/api/auth/[...nextauth]/route.ts does (next-auth's handler is Auth.js core plus Next's request types).
    const request = new Request("http://127.0.0.1:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${cookie}` } });
    const response = await Auth(request, { ...createAuthConfig(), basePath: "/api/auth" });
    const renewed = response.headers
      .getSetCookie()
      .map((header) => /^authjs\.session-token=([^;]*)/.exec(header)?.[1])
      .find((value) => value !== undefined);
    return { session: (await response.json()) as { staff?: { staffId: string } } | null, renewed };
  }

  it("renews a session used within 30 minutes, and ends one left idle longer", async () => {
    const officer = await createStaff();
    const signedInAt = new Date();
    vi.useFakeTimers({ toFake: ["Date"], now: signedInAt });
    const cookie = await sessionCookieFor(officer, signedInAt);

    vi.setSystemTime(new Date(signedInAt.getTime() + 29 * 60_000));
    const active = await askSession(cookie);
    expect(active.session?.staff?.staffId).toBe(officer.id);
    expect(active.renewed).toBeTruthy();

    // 29 minutes after the renewal: 58 minutes after sign-in, alive because it was used.
    vi.setSystemTime(new Date(signedInAt.getTime() + 58 * 60_000));
    expect((await askSession(active.renewed!)).session?.staff?.staffId).toBe(officer.id);

    // The original cookie, unused since sign-in, is idle by now.
    const idle = await askSession(cookie);
    expect(idle.session).toBeNull();
    expect(idle.renewed).toBe("");
  });

  it("ends the session on the server when signing out through Auth.js, so a copy of the cookie is worthless", async () => {
    const officer = await createStaff();
    const claims = await openStaffSession({ id: officer.id, sessionVersion: 1 }, new Date());
    const cookie = await encode({
      token: { sub: officer.id, staff: claims },
      secret: deriveAppKey("auth-session").toString("base64url"),
      salt: COOKIE,
      maxAge: IDLE_TIMEOUT_SECONDS,
    });
    const config = { ...createAuthConfig(), basePath: "/api/auth" };
    const csrfResponse = await Auth(new Request("http://127.0.0.1:3000/api/auth/csrf"), config);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const csrfCookie = csrfResponse.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");

    await Auth(
      new Request("http://127.0.0.1:3000/api/auth/signout", {
        method: "POST",
        headers: { cookie: `${COOKIE}=${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken }),
      }),
      config,
    );

    expect(await db.staffSession.count({ where: { id: claims.sessionId } })).toBe(0);
    expect(await resolveStaffSession(claims, new Date())).toEqual({ status: "signedOut" });
  });

  it("refuses a cookie sealed with another secret", async () => {
    const officer = await createStaff();
    const forged = await encode({
      token: { sub: officer.id, staff: await openStaffSession({ id: officer.id, sessionVersion: 1 }, new Date()) },
      secret: "an attacker's guess at the secret, long enough",
      salt: COOKIE,
    });
    expect((await askSession(forged)).session).toBeNull();
  });
});

describe("recovery codes", () => {
  async function enroll(role: Role = "SUPERVISOR") {
    const user = await createStaff(role);
    await beginTotpEnrollment(user);
    const { totpSecret } = await db.staffUser.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    const now = new Date();
    const enrolled = await confirmTotpEnrollment(user, computeTotp(decodeBase32(decryptTotpSecret(totpSecret!, user.id)!)!, now), now);
    return { user, codes: enrolled!.recoveryCodes };
  }

  it("makes ten distinct codes at enrollment and stores none of them in clear", async () => {
    const { user, codes } = await enroll();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const rows = await db.staffRecoveryCode.findMany({ where: { staffUserId: user.id }, select: { codeHash: true, usedAt: true } });
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.usedAt).toBeNull();
      for (const code of codes) expect(row.codeHash).not.toContain(code.replace("-", ""));
    }
    expect((await getAccountSecurity(user)).unusedRecoveryCodes).toBe(10);
  });

  it("signs in with a recovery code instead of a TOTP code, once, and audits it", async () => {
    const { user, codes } = await enroll();
    const { sessionVersion } = await db.staffUser.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    const attempt = (code: string) => attemptCodeStep({ challenge: { userId: user.id, sessionVersion }, code, clientAddress: "198.51.100.7" });
    expect((await attempt(codes[2]!.toLowerCase())).outcome).toBe("signedIn");
    expect((await attempt(codes[2]!)).outcome).toBe("invalidCode");
    expect((await attempt("ZZZZZ-ZZZZZ")).outcome).toBe("invalidCode");
    expect((await getAccountSecurity(user)).unusedRecoveryCodes).toBe(9);
    const used = await db.caseEvent.findMany({ where: { actorId: user.id, action: "STAFF_RECOVERY_CODE_USED" }, select: { after: true } });
    expect(used).toEqual([{ after: { remaining: 9 } }]);
  });

  it("lets only one of two simultaneous sign-ins use the same code", async () => {
    const { user, codes } = await enroll();
    const results = await Promise.all([consumeRecoveryCode(user.id, codes[0]!), consumeRecoveryCode(user.id, codes[0]!)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("does not take another user's code", async () => {
    const first = await enroll();
    const second = await enroll();
    expect(await consumeRecoveryCode(second.user.id, first.codes[0]!)).toBe(false);
    expect(await consumeRecoveryCode(first.user.id, first.codes[0]!)).toBe(true);
  });

  it("replaces the whole set on regeneration, with an audit event", async () => {
    const { user, codes } = await enroll();
    const renewed = await regenerateRecoveryCodes(user.id);
    expect(renewed).toHaveLength(10);
    expect(await consumeRecoveryCode(user.id, codes[1]!)).toBe(false);
    expect(await consumeRecoveryCode(user.id, renewed![1]!)).toBe(true);
    expect(await db.caseEvent.count({ where: { actorId: user.id, action: "STAFF_RECOVERY_CODES_REGENERATED" } })).toBe(1);
  });

  it("makes no codes for a user without TOTP", async () => {
    const officer = await createStaff();
    expect(await regenerateRecoveryCodes(officer.id)).toBeNull();
    expect(await db.staffRecoveryCode.count({ where: { staffUserId: officer.id } })).toBe(0);
  });
});
