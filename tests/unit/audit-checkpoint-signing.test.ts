import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";

import { describe, expect, it, vi } from "vitest";

import { checkpointMessage, checkpointPublicKey, signCheckpoint, verifyCheckpointSignature } from "@/lib/audit/checkpoint-signing";

const statement = { day: "2026-12-07", sequence: "4812", headHash: "a".repeat(64) };

describe("audit checkpoint signatures", () => {
  it("verify with the published public key alone, using nothing but a standard Ed25519 library", () => {
    const signature = signCheckpoint(statement);
    // What an outsider does with the JSON from /transparansi: no APP_SECRET, no code of ours.
    const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: checkpointPublicKey() }, format: "jwk" });
    const message = Buffer.from(`lapor-imigrasi audit checkpoint v1\n${statement.day}\n${statement.sequence}\n${statement.headHash}\n`, "utf8");
    expect(message.equals(checkpointMessage(statement))).toBe(true);
    expect(verify(null, message, publicKey, Buffer.from(signature, "base64url"))).toBe(true);
    expect(verifyCheckpointSignature(statement, signature, checkpointPublicKey())).toBe(true);
  });

  it("are the same in every instance: the key is derived from APP_SECRET, not generated", async () => {
    // A fresh copy of the module stands for another instance (or a restart).
    vi.resetModules();
    const another = await import("@/lib/audit/checkpoint-signing");
    expect(another.checkpointPublicKey()).toBe(checkpointPublicKey());
    expect(another.signCheckpoint(statement)).toBe(signCheckpoint(statement));
    expect(checkpointPublicKey()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("fail for a changed day, sequence or head hash", () => {
    const signature = signCheckpoint(statement);
    const publicKey = checkpointPublicKey();
    expect(verifyCheckpointSignature({ ...statement, day: "2026-12-08" }, signature, publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...statement, sequence: "4813" }, signature, publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...statement, headHash: "b".repeat(64) }, signature, publicKey)).toBe(false);
  });

  it("sign the statement's version too, so a version 1 signature cannot pass for a version 2 statement or back", () => {
    const headsStatement = { ...statement, version: 2 as const };
    expect(checkpointMessage(headsStatement).toString("utf8")).toBe(`lapor-imigrasi audit checkpoint v2\n${statement.day}\n${statement.sequence}\n${statement.headHash}\n`);
    const publicKey = checkpointPublicKey();
    expect(verifyCheckpointSignature(headsStatement, signCheckpoint(headsStatement), publicKey)).toBe(true);
    expect(verifyCheckpointSignature(headsStatement, signCheckpoint(statement), publicKey)).toBe(false);
    expect(verifyCheckpointSignature(statement, signCheckpoint(headsStatement), publicKey)).toBe(false);
  });

  it("fail under another public key, and for malformed input, without throwing", () => {
    const signature = signCheckpoint(statement);
    const other = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x!;
    expect(verifyCheckpointSignature(statement, signature, other)).toBe(false);
    expect(verifyCheckpointSignature(statement, signature, "short")).toBe(false);
    expect(verifyCheckpointSignature(statement, "not-a-signature", checkpointPublicKey())).toBe(false);
  });
});
