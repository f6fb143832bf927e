import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { signEvidenceToken, verifyEvidenceToken } from "@/lib/attachments/evidence-token";

const key = randomBytes(32);
const now = new Date("2026-11-28T05:00:00Z");
const file = {
  storageKey: "staging/0123456789abcdef0123456789abcdef",
  fileName: "foto.jpg",
  mediaType: "image/jpeg",
  sizeBytes: 1234,
  sha256: "a".repeat(64),
  expiresAt: new Date(now.getTime() + 24 * 60 * 60 * 1000),
};

describe("evidence tokens", () => {
  it("name the staged file and its details", () => {
    const token = signEvidenceToken(file, key);
    expect(verifyEvidenceToken(token, key, now)).toEqual({ ok: true, evidence: { ...file, token } });
  });

  it("are refused when any part of the payload was changed", () => {
    const token = signEvidenceToken(file, key);
    const [payload, mac] = token.split(".") as [string, string];
    const altered = JSON.parse(Buffer.from(payload, "base64url").toString());
    altered.k = "cases/someone-else/0123456789abcdef0123456789abcdef";
    const forged = `${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${mac}`;
    expect(verifyEvidenceToken(forged, key, now)).toEqual({ ok: false, problem: "forged" });
  });

  it("are refused when signed with another key", () => {
    expect(verifyEvidenceToken(signEvidenceToken(file, randomBytes(32)), key, now)).toEqual({ ok: false, problem: "forged" });
  });

  it("expire after their lifetime", () => {
    const token = signEvidenceToken(file, key);
    expect(verifyEvidenceToken(token, key, new Date(file.expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyEvidenceToken(token, key, file.expiresAt)).toEqual({ ok: false, problem: "expired" });
  });

  it("are refused when malformed", () => {
    for (const token of ["", "abc", "a.b.c", "%%%.%%%"]) expect(verifyEvidenceToken(token, key, now).ok).toBe(false);
  });
});
