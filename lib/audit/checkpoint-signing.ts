import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

import { deriveAppKey } from "@/lib/env";

/**
 * Signatures of the published audit checkpoints. A MAC would need its key to be checked, so the
 * checkpoints are signed with Ed25519 instead: the private key is built from a 32-byte seed
 * derived from APP_SECRET ("audit-checkpoint"), so every instance has the same key and nothing
 * is stored; the public key is published on /transparansi, and anyone can check a saved
 * checkpoint with it alone (verifyCheckpointSignature needs no secret).
 */

/**
 * Version 1 (issue 11, the one global chain): headHash is the hash of the event numbered
 * `sequence`. Version 2 (issue 16, a chain per case): headHash is the digest of every chain's head
 * at `sequence` (./heads-root.ts). Version 3 (seals): headHash is the hash of the seal event
 * numbered `sequence` (./seal.ts), which covers every event up to it. Absent means 1, as in files
 * saved before version 2.
 */
export type CheckpointStatement = { day: string; sequence: string; headHash: string; version?: 1 | 2 | 3 };

/** The PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
/** The SPKI DER header of an Ed25519 public key; the 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The exact bytes that are signed: versioned, one field a line, nothing left to interpretation. */
export function checkpointMessage(statement: CheckpointStatement): Buffer {
  return Buffer.from(`lapor-imigrasi audit checkpoint v${statement.version ?? 1}\n${statement.day}\n${statement.sequence}\n${statement.headHash}\n`, "utf8");
}

let privateKey: KeyObject | undefined;

function checkpointPrivateKey(): KeyObject {
  privateKey ??= createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, deriveAppKey("audit-checkpoint")]), format: "der", type: "pkcs8" });
  return privateKey;
}

export function signCheckpoint(statement: CheckpointStatement): string {
  return sign(null, checkpointMessage(statement), checkpointPrivateKey()).toString("base64url");
}

/** The installation's public key, as the raw 32 bytes in base64url (what /transparansi publishes). */
export function checkpointPublicKey(): string {
  const spki = createPublicKey(checkpointPrivateKey()).export({ format: "der", type: "spki" });
  return spki.subarray(ED25519_SPKI_PREFIX.length).toString("base64url");
}

/** Checks a signature with the published public key only. False (never an exception) for anything malformed. */
export function verifyCheckpointSignature(statement: CheckpointStatement, signature: string, publicKey: string): boolean {
  try {
    const raw = Buffer.from(publicKey, "base64url");
    if (raw.length !== 32) return false;
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
    return verify(null, checkpointMessage(statement), key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}
