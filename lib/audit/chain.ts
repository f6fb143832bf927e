import { createHash, createHmac } from "node:crypto";

/**
 * The audit trail is a hash chain: each event's hash covers its content and
 * the hash of the event before it, so changing or deleting any row breaks
 * every hash after it. Pure apart from node:crypto.
 *
 * Version 2 (issue 11) keys the chain: the "hash" is an HMAC-SHA256 under a key derived from
 * APP_SECRET ("audit-chain"), so someone who can write to the database but does not hold the
 * secret cannot recompute the hashes after a rewrite. Version 1 is the plain SHA-256 of the
 * rows written before; the first start after the upgrade re-keys them (./rekey.ts), and the
 * verifier refuses any version 1 row left, so a rewrite cannot hide by downgrading to it.
 *
 * Version 3 (issue 16) splits the one global chain into many: each case has its own chain, and
 * the events that concern no case (administration, sign-ins, exports) form one "system" chain.
 * An event links the previous event of its own chain, so appends to different cases never wait
 * on each other. The version is part of what the MAC covers, so moving a row between the
 * versions (and so between the verifier's walks) breaks it. Rows of versions 1 and 2 stay one
 * "legacy" chain in id order, frozen: nothing is appended to it any more. What binds the chains
 * together between checkpoints are the seals (./seal.ts): every minute a system-chain event
 * digests the heads of the chains that changed since the last seal, and every later append names
 * the newest seal as its witness (inside its MAC). The signed checkpoint (./checkpoints.ts) signs
 * a seal (earlier ones: a digest of every chain's head, ./heads-root.ts).
 */

export const UNKEYED_CHAIN_VERSION = 1;
export const KEYED_CHAIN_VERSION = 2;
export const PER_CASE_CHAIN_VERSION = 3;

export type ChainedEventContent = {
  caseId: string | null;
  actorKind: string;
  actorId: string | null;
  action: string;
  isPublic: boolean;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function computeEventHash(prevHash: string | null, event: ChainedEventContent): string {
  return createHash("sha256")
    .update(prevHash ?? "")
    .update("\n")
    .update(canonicalJson(event))
    .digest("hex");
}

/** Version 2: the chain's MAC under the installation's audit-chain key. */
export function computeKeyedEventHash(key: Buffer, prevHash: string | null, event: ChainedEventContent): string {
  return createHmac("sha256", key)
    .update(prevHash ?? "")
    .update("\n")
    .update(canonicalJson(event))
    .digest("hex");
}

/** The newest audit seal an append could see (./seal.ts): its event id and hash. */
export type ChainWitness = { id: bigint; hash: string };

/**
 * Version 3: the MAC of an event in its own case's chain (or the system chain). Events appended
 * since the seals (./seal.ts) also cover their witness, the newest seal they could see: a line
 * after the content (canonical JSON never holds a raw line break, so the two forms cannot be
 * confused). Clearing or changing a witness changes the MAC, so it cannot be stripped.
 */
export function computeChainLinkHash(key: Buffer, prevHash: string | null, event: ChainedEventContent, witness: ChainWitness | null = null): string {
  const mac = createHmac("sha256", key)
    .update(`v${PER_CASE_CHAIN_VERSION}\n`)
    .update(prevHash ?? "")
    .update("\n")
    .update(canonicalJson(event));
  if (witness) mac.update(`\nwitness ${witness.id} ${witness.hash}`);
  return mac.digest("hex");
}

/** The witness of a row read back from the database (ids may come back as strings), or null. */
export function witnessFromRow(row: { witnessId: bigint | string | number | null; witnessHash: string | null } | undefined): ChainWitness | null {
  if (!row || row.witnessId === null || row.witnessHash === null) return null;
  return { id: BigInt(row.witnessId), hash: row.witnessHash };
}
