import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { consumeTotpCode } from "@/lib/auth/second-factor";
import { mintSignInGrant, redeemSignInGrant } from "@/lib/auth/sign-in-grant";
import { attemptCodeStep, attemptPasswordStep } from "@/lib/auth/sign-in-flow";
import { SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/sign-in-limits";
import { computeHotp, decodeBase32, generateTotpSecret, totpStepAt } from "@/lib/auth/totp";
import { encryptTotpSecret } from "@/lib/auth/totp-secret";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/secret-hash";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
const PASSWORD = "Benar-Sekali-2026";
const run = randomUUID().slice(0, 8);
let passwordHash: string;

/** A fresh address per test, so the per-client limit of one test never bleeds into another. */
const clientAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}`;

async function createStaff(options: { role?: Role; isActive?: boolean; totpSecret?: string } = {}) {
  const id = randomUUID();
  const email = `staf-${run}-${id.slice(0, 8)}@uji.lapor-imigrasi.id`;
  await db.staffUser.create({
    data: {
      id,
      name: "Petugas Uji",
      email,
      passwordHash,
      role: options.role ?? "OFFICER",
      scopeLevel: "NATIONAL",
      isActive: options.isActive ?? true,
      ...(options.totpSecret ? { totpSecret: encryptTotpSecret(options.totpSecret, id), totpEnabledAt: new Date() } : {}),
    },
  });
  return { id, email };
}

const codeAt = (secret: string, now: Date, offsetSteps = 0) => computeHotp(decodeBase32(secret)!, totpStepAt(now) + offsetSteps);

beforeAll(async () => {
  passwordHash = await hashSecret(PASSWORD);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the password step", () => {
  it("signs in an officer with the right password, and the grant starts a session that is audited", async () => {
    const officer = await createStaff();
    const result = await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: clientAddress() });
    expect(result).toMatchObject({ outcome: "signedIn", mustEnrollTotp: false });
    if (result.outcome !== "signedIn") return;

    expect(await redeemSignInGrant(result.grant)).toEqual({ id: officer.id, sessionVersion: 1, sessionId: expect.any(String) });
    const events = await db.caseEvent.findMany({ where: { actorId: officer.id }, select: { action: true, after: true } });
    expect(events).toEqual([{ action: "STAFF_SIGNED_IN", after: { method: "password" } }]);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: officer.id } })).lastSignInAt).not.toBeNull();
  });

  it("matches the email whatever its case and surrounding spaces", async () => {
    const officer = await createStaff();
    const result = await attemptPasswordStep({ email: `  ${officer.email.toUpperCase()} `, password: PASSWORD, clientAddress: clientAddress() });
    expect(result.outcome).toBe("signedIn");
  });

  it("gives one and the same answer for a wrong password, an unknown email and a deactivated account", async () => {
    const officer = await createStaff();
    const deactivated = await createStaff({ isActive: false });
    const outcomes = await Promise.all([
      attemptPasswordStep({ email: officer.email, password: "Salah-Sekali-2026", clientAddress: clientAddress() }),
      attemptPasswordStep({ email: `tidak-ada-${run}@uji.lapor-imigrasi.id`, password: PASSWORD, clientAddress: clientAddress() }),
      attemptPasswordStep({ email: deactivated.email, password: PASSWORD, clientAddress: clientAddress() }),
    ]);
    expect(outcomes).toEqual([{ outcome: "invalid" }, { outcome: "invalid" }, { outcome: "invalid" }]);
  });

  it("asks a user with TOTP for a code, without a grant yet", async () => {
    const supervisor = await createStaff({ role: "SUPERVISOR", totpSecret: generateTotpSecret() });
    const result = await attemptPasswordStep({ email: supervisor.email, password: PASSWORD, clientAddress: clientAddress() });
    expect(result).toEqual({ outcome: "codeRequired", userId: supervisor.id, sessionVersion: 1 });
  });

  it("signs in a supervisor without TOTP (the session then only allows enrollment)", async () => {
    const supervisor = await createStaff({ role: "SUPERVISOR" });
    const result = await attemptPasswordStep({ email: supervisor.email, password: PASSWORD, clientAddress: clientAddress() });
    expect(result).toMatchObject({ outcome: "signedIn", mustEnrollTotp: true });
  });
});

describe("the code step", () => {
  it("signs in with the current code, and refuses the same code a second time", async () => {
    const secret = generateTotpSecret();
    const supervisor = await createStaff({ role: "SUPERVISOR", totpSecret: secret });
    const now = new Date();
    const challenge = { userId: supervisor.id, sessionVersion: 1 };
    const code = codeAt(secret, now);

    const first = await attemptCodeStep({ challenge, code, clientAddress: clientAddress(), now });
    expect(first.outcome).toBe("signedIn");
    const replay = await attemptCodeStep({ challenge, code, clientAddress: clientAddress(), now });
    expect(replay).toEqual({ outcome: "invalidCode" });
  });

  it("refuses a code older than the last one used, even within the window", async () => {
    const secret = generateTotpSecret();
    const user = await createStaff({ totpSecret: secret });
    const now = new Date();
    expect(await consumeTotpCode(user.id, codeAt(secret, now, 0), now)).toBe(true);
    expect(await consumeTotpCode(user.id, codeAt(secret, now, -1), now)).toBe(false);
    expect(await consumeTotpCode(user.id, codeAt(secret, now, 1), now)).toBe(true);
  });

  it("lets exactly one of two simultaneous uses of a code through", async () => {
    const secret = generateTotpSecret();
    const user = await createStaff({ totpSecret: secret });
    const now = new Date();
    const code = codeAt(secret, now);
    const results = await Promise.all([consumeTotpCode(user.id, code, now), consumeTotpCode(user.id, code, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("refuses a wrong code", async () => {
    const secret = generateTotpSecret();
    const supervisor = await createStaff({ role: "SUPERVISOR", totpSecret: secret });
    const now = new Date();
    const wrong = String((Number(codeAt(secret, now)) + 1) % 1_000_000).padStart(6, "0");
    const result = await attemptCodeStep({ challenge: { userId: supervisor.id, sessionVersion: 1 }, code: wrong, clientAddress: clientAddress(), now });
    expect(result).toEqual({ outcome: "invalidCode" });
  });

  it("sends the user back to the start when their sessions were ended between the steps", async () => {
    const secret = generateTotpSecret();
    const supervisor = await createStaff({ role: "SUPERVISOR", totpSecret: secret });
    await db.staffUser.update({ where: { id: supervisor.id }, data: { sessionVersion: { increment: 1 } } });
    const now = new Date();
    const result = await attemptCodeStep({ challenge: { userId: supervisor.id, sessionVersion: 1 }, code: codeAt(secret, now), clientAddress: clientAddress(), now });
    expect(result).toEqual({ outcome: "expired" });
  });
});

describe("the sign-in grant", () => {
  it("is refused once the user was deactivated or their session version moved on", async () => {
    const deactivated = await createStaff();
    const grantForDeactivated = mintSignInGrant({ id: deactivated.id, sessionVersion: 1 }, "password");
    await db.staffUser.update({ where: { id: deactivated.id }, data: { isActive: false } });
    expect(await redeemSignInGrant(grantForDeactivated)).toBeNull();

    const bumped = await createStaff();
    const grantForOldVersion = mintSignInGrant({ id: bumped.id, sessionVersion: 1 }, "password");
    await db.staffUser.update({ where: { id: bumped.id }, data: { sessionVersion: 2 } });
    expect(await redeemSignInGrant(grantForOldVersion)).toBeNull();
  });

  it("is refused when expired, forged or of the wrong kind", async () => {
    const officer = await createStaff();
    const minted = new Date("2026-11-02T01:00:00Z");
    const grant = mintSignInGrant({ id: officer.id, sessionVersion: 1 }, "password", minted);
    expect(await redeemSignInGrant(grant, new Date(minted.getTime() + 61_000))).toBeNull();
    expect(await redeemSignInGrant(`${grant}x`, minted)).toBeNull();
    expect(await redeemSignInGrant(JSON.stringify({ userId: officer.id, sessionVersion: 1, method: "password" }), minted)).toBeNull();
    expect(await redeemSignInGrant(undefined, minted)).toBeNull();
  });

  it("does not audit a reissue as a new sign-in", async () => {
    const officer = await createStaff();
    expect(await redeemSignInGrant(mintSignInGrant({ id: officer.id, sessionVersion: 1 }, "reissue"))).not.toBeNull();
    expect(await db.caseEvent.count({ where: { actorId: officer.id } })).toBe(0);
  });
});

describe("limits on wrong passwords and codes", () => {
  // The start of a 15-minute window, far from any other test's clock.
  const windowStart = new Date(Math.ceil(Date.UTC(2031, 0, 1) / (SIGN_IN_WINDOW_SECONDS * 1000)) * SIGN_IN_WINDOW_SECONDS * 1000);
  const minutesLater = (minutes: number) => new Date(windowStart.getTime() + minutes * 60_000);

  it("blocks an account after 10 wrong passwords, even with the right one, and lets it in again after the window", async () => {
    const officer = await createStaff();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await attemptPasswordStep({ email: officer.email, password: "Salah", clientAddress: clientAddress(), now: minutesLater(1) });
      expect(result).toEqual({ outcome: "invalid" });
    }
    const blocked = await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: clientAddress(), now: minutesLater(2) });
    expect(blocked).toEqual({ outcome: "rateLimited" });

    const nextWindow = await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: clientAddress(), now: minutesLater(15) });
    expect(nextWindow.outcome).toBe("signedIn");
  });

  it("blocks an unknown email exactly like a real one, so the limit reveals nothing", async () => {
    const email = `hantu-${run}@uji.lapor-imigrasi.id`;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await attemptPasswordStep({ email, password: "Salah", clientAddress: clientAddress(), now: minutesLater(31) });
    }
    expect(await attemptPasswordStep({ email, password: "Salah", clientAddress: clientAddress(), now: minutesLater(32) })).toEqual({
      outcome: "rateLimited",
    });
  });

  it("blocks a client after 30 wrong attempts over any accounts, then lets it try again after the window", async () => {
    const address = clientAddress();
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const email = `tebak-${run}-${attempt}@uji.lapor-imigrasi.id`;
      expect(await attemptPasswordStep({ email, password: "Salah", clientAddress: address, now: minutesLater(46) })).toEqual({ outcome: "invalid" });
    }
    const officer = await createStaff();
    expect(await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: address, now: minutesLater(47) })).toEqual({
      outcome: "rateLimited",
    });
    expect((await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: address, now: minutesLater(60) })).outcome).toBe("signedIn");
  });

  it("counts wrong codes against the account too", async () => {
    const secret = generateTotpSecret();
    const supervisor = await createStaff({ role: "SUPERVISOR", totpSecret: secret });
    const challenge = { userId: supervisor.id, sessionVersion: 1 };
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await attemptCodeStep({ challenge, code: "000000", clientAddress: clientAddress(), now: minutesLater(76) })).not.toEqual({
        outcome: "rateLimited",
      });
    }
    const now = minutesLater(77);
    expect(await attemptCodeStep({ challenge, code: codeAt(secret, now), clientAddress: clientAddress(), now })).toEqual({ outcome: "rateLimited" });
  });

  it("does not count successful sign-ins", async () => {
    const officer = await createStaff();
    const address = clientAddress();
    for (let attempt = 0; attempt < 35; attempt += 1) {
      const result = await attemptPasswordStep({ email: officer.email, password: PASSWORD, clientAddress: address, now: minutesLater(91) });
      expect(result.outcome).toBe("signedIn");
    }
  });
});
