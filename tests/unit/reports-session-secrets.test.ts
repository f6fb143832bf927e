import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { openSealedSecret, sealSecret } from "@/lib/idempotency/sealed-secret";
import { signTrackingSession, verifyTrackingSession } from "@/lib/reports/tracking-cookie";

const key = randomBytes(32);
const caseId = "2b4c5f0e-0000-4000-8000-000000000001";
const now = new Date("2026-11-28T05:00:00Z");
const inHalfAnHour = new Date(now.getTime() + 30 * 60 * 1000);

describe("tracking session cookie", () => {
  it("names the case until it expires", () => {
    const value = signTrackingSession(caseId, inHalfAnHour, key);
    expect(verifyTrackingSession(value, key, now)).toBe(caseId);
    expect(verifyTrackingSession(value, key, inHalfAnHour)).toBeNull();
  });

  it("cannot be pointed at another case or extended", () => {
    const value = signTrackingSession(caseId, inHalfAnHour, key);
    const [, expiry, mac] = value.split(".");
    expect(verifyTrackingSession(`2b4c5f0e-0000-4000-8000-000000000002.${expiry}.${mac}`, key, now)).toBeNull();
    expect(verifyTrackingSession(`${caseId}.${Number(expiry) + 3600}.${mac}`, key, now)).toBeNull();
    expect(verifyTrackingSession(signTrackingSession(caseId, inHalfAnHour, randomBytes(32)), key, now)).toBeNull();
    expect(verifyTrackingSession(undefined, key, now)).toBeNull();
    expect(verifyTrackingSession("garbage", key, now)).toBeNull();
  });
});

describe("sealed receipt key", () => {
  it("opens only with the same key and the same row", () => {
    const sealed = sealSecret("04817-93302-55710-28461-90035", key, "report:row-1");
    expect(sealed).not.toContain("04817");
    expect(openSealedSecret(sealed, key, "report:row-1")).toBe("04817-93302-55710-28461-90035");
    expect(openSealedSecret(sealed, key, "report:row-2")).toBeNull();
    expect(openSealedSecret(sealed, randomBytes(32), "report:row-1")).toBeNull();
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = Buffer.from(sealSecret("secret", key, "row"), "base64url");
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(openSealedSecret(sealed.toString("base64url"), key, "row")).toBeNull();
  });
});
