import { deriveAppKey } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import { computeKeyedEventHash, KEYED_CHAIN_VERSION } from "./chain";
import { verifyCheckpointSignature, type CheckpointStatement } from "./checkpoint-signing";

/**
 * Walks the whole audit trail in id order, a batch at a time (memory stays flat however long
 * the trail), and checks each event twice: its stored MAC must be the keyed hash of its content
 * and its predecessor's hash (so an UPDATE shows at that row), and its prevHash must be the hash
 * of the event before it (so a DELETE shows at the row after the gap). The key is derived from
 * APP_SECRET, which the database does not hold: a rewrite that recomputes every later hash
 * without it (the plain SHA-256 of chain version 1, say) fails at the rewritten row. A row still
 * at version 1 fails too ("unkeyed"): the first start after the upgrade re-keys them
 * (./rekey.ts), so one left is either not yet re-keyed or a downgrade.
 *
 * Checkpoints (./checkpoints.ts) anchor the chain outside the database: each must carry a valid
 * signature under `publicKey`, and the event at its sequence must still have its head hash. That
 * catches what the MAC cannot: a rewrite by someone who holds APP_SECRET, and the newest events
 * deleted from the end up to a published day. Not server-only: `npm run audit:verify` runs it.
 */

export type AuditChainVerdict =
  | { ok: true; checked: number; lastId: bigint | null; lastHash: string | null; checkpointsChecked: number }
  | { ok: false; checked: number; brokenAtId: bigint | null; reason: AuditChainBreak; checkpointDay?: string };

export type AuditChainBreak =
  /** The event's content (or its recorded prevHash) was changed after it was written. */
  | "hashMismatch"
  /** The event does not link to the one before it: an event in between was deleted (or inserted). */
  | "prevHashMismatch"
  /** The event is still hashed without the key (chain version 1): not re-keyed yet, or downgraded. */
  | "unkeyed"
  /** A checkpoint's signature does not verify with the public key (a forged or altered checkpoint). */
  | "checkpointSignatureInvalid"
  /** The chain no longer has the head a signed checkpoint published: rewritten or cut back since. */
  | "checkpointMismatch";

export type SignedCheckpoint = CheckpointStatement & { signature: string };

const DEFAULT_BATCH_SIZE = 1000;

const chainedEventSelect = {
  id: true,
  caseId: true,
  actorKind: true,
  actorId: true,
  action: true,
  isPublic: true,
  before: true,
  after: true,
  createdAt: true,
  prevHash: true,
  hash: true,
  chainVersion: true,
} satisfies Prisma.CaseEventSelect;

type ChainedEventRow = Prisma.CaseEventGetPayload<{ select: typeof chainedEventSelect }>;

export type VerifyAuditChainOptions = {
  /** The audit-chain key; by default the one derived from this environment's APP_SECRET. */
  key?: Buffer;
  batchSize?: number;
  /** Checkpoints to hold the chain to, with the public key their signatures must verify under. */
  checkpoints?: readonly SignedCheckpoint[];
  publicKey?: string;
};

export async function verifyAuditChain(db: Pick<Database, "caseEvent">, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerdict> {
  const key = options.key ?? deriveAppKey("audit-chain");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const checkpoints = options.checkpoints ?? [];
  for (const checkpoint of checkpoints) {
    if (!options.publicKey || !verifyCheckpointSignature(checkpoint, checkpoint.signature, options.publicKey)) {
      return { ok: false, checked: 0, brokenAtId: null, reason: "checkpointSignatureInvalid", checkpointDay: checkpoint.day };
    }
  }
  // In sequence order, so the walk compares each event with the next checkpoint only.
  const pending = [...checkpoints].sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : BigInt(a.sequence) > BigInt(b.sequence) ? 1 : 0));
  let nextCheckpoint = 0;

  let checked = 0;
  let previousHash: string | null = null;
  let previousId: bigint | null = null;
  let afterId: bigint | null = null;

  for (;;) {
    const batch: ChainedEventRow[] = await db.caseEvent.findMany({
      where: afterId === null ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: chainedEventSelect,
    });
    for (const event of batch) {
      const { id, prevHash, hash, chainVersion, ...content } = event;
      // A checkpoint whose event is gone (ids are never reused) is a deletion up to a published day.
      const due = pending[nextCheckpoint];
      if (due && BigInt(due.sequence) < id) return { ok: false, checked, brokenAtId: id, reason: "checkpointMismatch", checkpointDay: due.day };
      if (prevHash !== previousHash) return { ok: false, checked, brokenAtId: id, reason: "prevHashMismatch" };
      if (chainVersion !== KEYED_CHAIN_VERSION) return { ok: false, checked, brokenAtId: id, reason: "unkeyed" };
      if (computeKeyedEventHash(key, prevHash, content) !== hash) return { ok: false, checked, brokenAtId: id, reason: "hashMismatch" };
      while (pending[nextCheckpoint] && BigInt(pending[nextCheckpoint]!.sequence) === id) {
        const published = pending[nextCheckpoint]!;
        if (published.headHash !== hash) return { ok: false, checked, brokenAtId: id, reason: "checkpointMismatch", checkpointDay: published.day };
        nextCheckpoint += 1;
      }
      previousHash = hash;
      previousId = id;
      checked += 1;
    }
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1]!.id;
  }
  // Checkpoints past the end: the newest events were deleted back to before a published head.
  const beyondEnd = pending[nextCheckpoint];
  if (beyondEnd) return { ok: false, checked, brokenAtId: null, reason: "checkpointMismatch", checkpointDay: beyondEnd.day };
  return { ok: true, checked, lastId: previousId, lastHash: previousHash, checkpointsChecked: checkpoints.length };
}
