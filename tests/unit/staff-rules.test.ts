import { describe, expect, it } from "vitest";

import { buildSetPasswordUrl, generatePasswordToken, hashPasswordToken, isPasswordTokenShaped } from "@/lib/staff/password-token";
import { passwordLinkExpiryFrom, passwordLinkStateOf, resolveStaffScope, wouldRemoveLastActiveAdmin } from "@/lib/staff/rules";
import { parseStaffListFilters, toStaffListSearch } from "@/lib/staff/schemas";

describe("scope coherence", () => {
  it("keeps an officer at one office and drops a regional office they cannot use", () => {
    expect(resolveStaffScope({ role: "OFFICER", scopeLevel: "OFFICE", officeId: 7, regionalOfficeId: 3 })).toEqual({
      ok: true,
      scope: { scopeLevel: "OFFICE", officeId: 7, regionalOfficeId: null },
    });
  });

  it("refuses an officer with a regional or national scope", () => {
    for (const scopeLevel of ["REGIONAL", "NATIONAL"] as const) {
      expect(resolveStaffScope({ role: "OFFICER", scopeLevel, officeId: 7, regionalOfficeId: 3 })).toEqual({ ok: false, problem: { field: "scopeLevel", code: "officerOfficeOnly" } });
    }
  });

  it("requires the office of an office scope and the regional office of a regional scope", () => {
    expect(resolveStaffScope({ role: "OFFICER", scopeLevel: "OFFICE", officeId: null, regionalOfficeId: null })).toEqual({ ok: false, problem: { field: "officeId", code: "officeRequired" } });
    expect(resolveStaffScope({ role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: null, regionalOfficeId: 3 })).toEqual({ ok: false, problem: { field: "officeId", code: "officeRequired" } });
    expect(resolveStaffScope({ role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: 7, regionalOfficeId: null })).toEqual({
      ok: false,
      problem: { field: "regionalOfficeId", code: "regionalOfficeRequired" },
    });
  });

  it("gives a supervisor exactly the level asked for, with only the id that level uses", () => {
    expect(resolveStaffScope({ role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: 7, regionalOfficeId: 3 })).toEqual({
      ok: true,
      scope: { scopeLevel: "REGIONAL", officeId: null, regionalOfficeId: 3 },
    });
    expect(resolveStaffScope({ role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: 7, regionalOfficeId: 3 })).toEqual({
      ok: true,
      scope: { scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null },
    });
  });

  it("makes every admin national, whatever the form said", () => {
    expect(resolveStaffScope({ role: "ADMIN", scopeLevel: "OFFICE", officeId: null, regionalOfficeId: null })).toEqual({
      ok: true,
      scope: { scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null },
    });
  });
});

describe("the last active admin", () => {
  const admin = { role: "ADMIN" as const, isActive: true };

  it("refuses demoting or deactivating the only active admin", () => {
    expect(wouldRemoveLastActiveAdmin(admin, { role: "SUPERVISOR", isActive: true }, 0)).toBe(true);
    expect(wouldRemoveLastActiveAdmin(admin, { role: "ADMIN", isActive: false }, 0)).toBe(true);
  });

  it("allows it while another active admin remains", () => {
    expect(wouldRemoveLastActiveAdmin(admin, { role: "OFFICER", isActive: true }, 1)).toBe(false);
  });

  it("does not concern changes that keep an active admin, or accounts that were not one", () => {
    expect(wouldRemoveLastActiveAdmin(admin, admin, 0)).toBe(false);
    expect(wouldRemoveLastActiveAdmin({ role: "ADMIN", isActive: false }, { role: "OFFICER", isActive: false }, 0)).toBe(false);
    expect(wouldRemoveLastActiveAdmin({ role: "SUPERVISOR", isActive: true }, { role: "SUPERVISOR", isActive: false }, 0)).toBe(false);
  });
});

describe("one-time links", () => {
  const issuedAt = new Date("2026-12-01T08:00:00Z");
  const expiresAt = passwordLinkExpiryFrom(issuedAt);

  it("lasts 72 hours", () => {
    expect(expiresAt.toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });

  it("works until its expiry, not at it", () => {
    expect(passwordLinkStateOf({ usedAt: null, expiresAt }, new Date("2026-12-04T07:59:59Z"))).toBe("usable");
    expect(passwordLinkStateOf({ usedAt: null, expiresAt }, expiresAt)).toBe("expired");
  });

  it("is used once it set a password, whatever the time", () => {
    expect(passwordLinkStateOf({ usedAt: new Date("2026-12-01T09:00:00Z"), expiresAt }, new Date("2026-12-01T09:01:00Z"))).toBe("used");
  });

  it("carries 32 random bytes, stored only as their SHA-256", () => {
    const token = generatePasswordToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isPasswordTokenShaped(token)).toBe(true);
    expect(generatePasswordToken()).not.toBe(token);
    expect(hashPasswordToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPasswordToken(token)).not.toContain(token);
  });

  it("rejects anything that cannot be a token before any lookup", () => {
    expect(isPasswordTokenShaped("")).toBe(false);
    expect(isPasswordTokenShaped("abc")).toBe(false);
    expect(isPasswordTokenShaped(`${"a".repeat(42)}=`)).toBe(false);
    expect(isPasswordTokenShaped(undefined)).toBe(false);
  });

  it("builds the link on the address the admin uses", () => {
    expect(buildSetPasswordUrl("https://lapor.example.go.id", "abc_-")).toBe("https://lapor.example.go.id/atur-sandi?token=abc_-");
  });
});

describe("the staff list's filters", () => {
  it("reads the URL and falls back to no filter for anything unknown", () => {
    expect(parseStaffListFilters({ q: "  budi ", role: "SUPERVISOR", office: "12", status: "inactive", page: "3" })).toEqual({
      q: "budi",
      role: "SUPERVISOR",
      officeId: 12,
      status: "inactive",
      page: 3,
    });
    expect(parseStaffListFilters({ role: "ROOT", office: "x", status: "gone", page: "-1" })).toEqual({ q: null, role: null, officeId: null, status: "all", page: 1 });
  });

  it("writes back only what differs from the default view", () => {
    expect(toStaffListSearch({ q: "budi", role: null, officeId: 12, status: "all", page: 1 })).toBe("?q=budi&office=12");
    expect(toStaffListSearch({ status: "all", page: 1 })).toBe("");
  });
});
