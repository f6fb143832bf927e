import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { openExpiringJson, openSealedText, sealExpiringJson, sealText } from "@/lib/auth/sealed-box";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/auth/totp-secret";

const key = randomBytes(32);
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === "A" ? "B" : "A";
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe("sealed box (AES-256-GCM)", () => {
  it("opens what it sealed", () => {
    expect(openSealedText(sealText(secret, key, "context"), key, "context")).toBe(secret);
  });

  it("never seals the same text the same way twice (random IV)", () => {
    expect(sealText(secret, key, "context")).not.toBe(sealText(secret, key, "context"));
  });

  it("does not contain the plaintext", () => {
    expect(sealText(secret, key, "context")).not.toContain(secret);
  });

  it("refuses a box whose ciphertext, IV or tag was changed", () => {
    const sealed = sealText(secret, key, "context");
    const [version, iv, ciphertext, tag] = sealed.split(".") as [string, string, string, string];
    const tampered = [
      [version, flipCharacter(iv, 0), ciphertext, tag],
      [version, iv, flipCharacter(ciphertext, 3), tag],
      [version, iv, ciphertext, flipCharacter(tag, 5)],
    ].map((parts) => parts.join("."));
    for (const box of tampered) expect(openSealedText(box, key, "context")).toBeNull();
  });

  it("refuses a box sealed for another context or with another key", () => {
    const sealed = sealText(secret, key, "context");
    expect(openSealedText(sealed, key, "another context")).toBeNull();
    expect(openSealedText(sealed, randomBytes(32), "context")).toBeNull();
  });

  it("refuses malformed input without throwing", () => {
    for (const box of ["", "v1", "v1...", "v2.a.b.c", "not a box at all", "v1.AAAA.AAAA.AAAA.extra"]) {
      expect(openSealedText(box, key, "context")).toBeNull();
    }
  });

  it("stops opening an expiring payload once it expired", () => {
    const now = new Date("2026-11-02T03:00:00Z");
    const sealed = sealExpiringJson({ userId: "u" }, { key, context: "c", expiresAt: new Date(now.getTime() + 60_000) });
    expect(openExpiringJson(sealed, { key, context: "c", now })).toEqual({ userId: "u" });
    expect(openExpiringJson(sealed, { key, context: "c", now: new Date(now.getTime() + 60_000) })).toBeNull();
  });
});

describe("TOTP secrets at rest", () => {
  const userId = "0b7e8f6c-2f34-4c1e-9d7a-3a5b8c9d0e1f";

  it("round-trips a secret for its user", () => {
    const stored = encryptTotpSecret(secret, userId);
    expect(stored).not.toContain(secret);
    expect(decryptTotpSecret(stored, userId)).toBe(secret);
  });

  it("does not decrypt on another user's row", () => {
    expect(decryptTotpSecret(encryptTotpSecret(secret, userId), "6f1d2c3b-4a59-4e8d-8c7b-6a5f4e3d2c1b")).toBeNull();
  });

  it("does not decrypt after tampering", () => {
    const stored = encryptTotpSecret(secret, userId);
    expect(decryptTotpSecret(flipCharacter(stored, stored.length - 2), userId)).toBeNull();
  });
});
