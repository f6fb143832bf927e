import { describe, expect, it } from "vitest";

import {
  ABSOLUTE_SESSION_SECONDS,
  evaluateStaffSession,
  IDLE_TIMEOUT_SECONDS,
  isTotpRequiredFor,
  refreshSessionClaims,
  startSessionClaims,
  type SessionUserRow,
} from "@/lib/auth/session-policy";

const signInTime = new Date("2026-11-02T01:00:00Z");
const later = (seconds: number, from: Date = signInTime) => new Date(from.getTime() + seconds * 1000);

const officer: SessionUserRow = {
  id: "0b7e8f6c-2f34-4c1e-9d7a-3a5b8c9d0e1f",
  name: "Agus Setiawan",
  email: "petugas.bekasi@demo.lapor-imigrasi.id",
  role: "OFFICER",
  scopeLevel: "OFFICE",
  officeId: 7,
  regionalOfficeId: null,
  isActive: true,
  sessionVersion: 3,
  totpEnabledAt: null,
};
const claims = startSessionClaims({ ...officer, sessionId: "5b0e8a52-7a3c-4f55-9d0e-2f1f8c6e1a10" }, signInTime);

describe("idle timeout and session lifetime", () => {
  it("renews a session used within the idle timeout, moving lastSeenAt to now", () => {
    const renewed = refreshSessionClaims(claims, later(IDLE_TIMEOUT_SECONDS - 1));
    expect(renewed?.lastSeenAt).toBe(claims.lastSeenAt + IDLE_TIMEOUT_SECONDS - 1);
  });

  it("ends a session left idle for longer than the timeout", () => {
    expect(refreshSessionClaims(claims, later(IDLE_TIMEOUT_SECONDS + 1))).toBeNull();
  });

  it("keeps a session alive as long as it is used, up to the absolute lifetime", () => {
    let current = claims;
    let now = signInTime;
    while (now.getTime() - signInTime.getTime() < (ABSOLUTE_SESSION_SECONDS - 20 * 60) * 1000) {
      now = later(20 * 60, now);
      const renewed = refreshSessionClaims(current, now);
      expect(renewed).not.toBeNull();
      current = renewed!;
    }
    expect(refreshSessionClaims(current, later(ABSOLUTE_SESSION_SECONDS + 1))).toBeNull();
  });

  it("refuses claims that are not ours (missing fields, wrong types)", () => {
    for (const bogus of [undefined, null, {}, { ...claims, staffId: "not-a-uuid" }, { ...claims, sessionVersion: "3" }]) {
      expect(refreshSessionClaims(bogus, signInTime)).toBeNull();
    }
  });
});

describe("evaluating a session against the user's row", () => {
  it("is active for an active user with the same session version", () => {
    expect(evaluateStaffSession(claims, officer, later(60))).toEqual({
      status: "active",
      actor: { id: officer.id, name: officer.name, email: officer.email, role: "OFFICER", scopeLevel: "OFFICE", officeId: 7, regionalOfficeId: null },
    });
  });

  it("is signed out once the user is deactivated", () => {
    expect(evaluateStaffSession(claims, { ...officer, isActive: false }, later(60)).status).toBe("signedOut");
  });

  it("is signed out once the session version moved on (password changed, sessions ended)", () => {
    expect(evaluateStaffSession(claims, { ...officer, sessionVersion: 4 }, later(60)).status).toBe("signedOut");
  });

  it("is signed out when the user no longer exists or the claims are missing", () => {
    expect(evaluateStaffSession(claims, null, later(60)).status).toBe("signedOut");
    expect(evaluateStaffSession(null, officer, later(60)).status).toBe("signedOut");
  });

  it("is signed out when idle for longer than the timeout, even with a matching row", () => {
    expect(evaluateStaffSession(claims, officer, later(IDLE_TIMEOUT_SECONDS + 1)).status).toBe("signedOut");
  });

  it("requires TOTP enrollment of supervisors and admins without it, and of nobody else", () => {
    expect(evaluateStaffSession(claims, { ...officer, role: "SUPERVISOR" }, later(60)).status).toBe("enrollmentRequired");
    expect(evaluateStaffSession(claims, { ...officer, role: "ADMIN" }, later(60)).status).toBe("enrollmentRequired");
    expect(evaluateStaffSession(claims, { ...officer, role: "ADMIN", totpEnabledAt: signInTime }, later(60)).status).toBe("active");
    expect(isTotpRequiredFor("OFFICER")).toBe(false);
  });
});
