import { describe, expect, it } from "vitest";

import {
  contactKeyVersionOf,
  decryptContact,
  decryptContactValue,
  encryptContact,
  encryptContactValue,
  needsContactReencryption,
} from "@/lib/contacts/encryption";

const caseId = "2b4c5f0e-0000-4000-8000-000000000001";
const otherCaseId = "2b4c5f0e-0000-4000-8000-000000000002";
const contact = { name: "Siti Aminah", email: "siti@example.id", phone: "+62 812 3456 7890" };

describe("reporter contact encryption", () => {
  it("stores no part of the plain value and gives it back", () => {
    const stored = encryptContact(contact, caseId);
    for (const value of [stored.name, stored.email, stored.phone]) {
      expect(value).toMatch(/^ck1\./);
      expect(value).not.toMatch(/Siti|Aminah|siti@|812/);
    }
    expect(decryptContact(stored, caseId)).toEqual(contact);
  });

  it("encrypts the same value differently each time (a fresh nonce), so equal names cannot be matched", () => {
    expect(encryptContactValue("Budi", caseId, "name")).not.toBe(encryptContactValue("Budi", caseId, "name"));
  });

  it("refuses a value copied onto another case or into another field, or changed", () => {
    const name = encryptContactValue("Siti Aminah", caseId, "name");
    expect(() => decryptContactValue(name, otherCaseId, "name")).toThrow(/does not decrypt/);
    expect(() => decryptContactValue(name, caseId, "email")).toThrow(/does not decrypt/);
    // ck1 . v1 . iv . ciphertext . tag: change the ciphertext's first character (six whole bits).
    const parts = name.split(".");
    parts[3] = (parts[3]!.startsWith("A") ? "B" : "A") + parts[3]!.slice(1);
    const flipped = parts.join(".");
    expect(() => decryptContactValue(flipped, caseId, "name")).toThrow(/does not decrypt/);
  });

  it("keeps decrypting older key versions after a rotation, and says which rows to re-encrypt", () => {
    const underVersion1 = encryptContact(contact, caseId, 1);
    const underVersion2 = encryptContact(contact, caseId, 2);
    expect(contactKeyVersionOf(underVersion2.name)).toBe(2);
    expect(underVersion2.name.slice(4)).not.toBe(underVersion1.name.slice(4));
    expect(decryptContact(underVersion1, caseId)).toEqual(contact);
    expect(decryptContact(underVersion2, caseId)).toEqual(contact);
    expect(needsContactReencryption(underVersion1, 2)).toBe(true);
    expect(needsContactReencryption(underVersion2, 2)).toBe(false);
    // An instance still on version 1 during a rolling upgrade leaves newer rows alone.
    expect(needsContactReencryption(underVersion2, 1)).toBe(false);
  });

  it("reads the plaintext values the upgrade marked, and marks them for encryption", () => {
    const legacy = { name: "plain:Budi", email: null, phone: "plain:0812" };
    expect(decryptContact(legacy, caseId)).toEqual({ name: "Budi", email: null, phone: "0812" });
    expect(needsContactReencryption(legacy, 1)).toBe(true);
  });
});
