import { deriveAppKey } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import { computeChainLinkHash, computeKeyedEventHash, KEYED_CHAIN_VERSION, PER_CASE_CHAIN_VERSION, type ChainedEventContent } from "./chain";
import { verifyCheckpointSignature, type CheckpointStatement } from "./checkpoint-signing";
import { createHeadsDigest, LEGACY_CHAIN_LABEL, SYSTEM_CHAIN_LABEL, type HeadsDigest } from "./heads-root";

/**
 * Walks the whole audit trail a batch at a time (memory stays flat however long it is) and
 * checks each event twice: its stored MAC must be the keyed hash of its content and its
 * predecessor's hash (so an UPDATE shows at that row), and its prevHash must be the hash of the
 * event before it in its chain (so a DELETE or a reordering shows at the row after the gap). The
 * key is derived from APP_SECRET, which the database does not hold: a rewrite that recomputes
 * the later hashes without it fails at the rewritten row.
 *
 * The trail is several chains (./chain.ts). The legacy chain (versions 1 and 2, from before
 * issue 16) is walked in id order as one chain; a row still at version 1 fails ("unkeyed"): the
 * first start after the upgrade re-keys them (./rekey.ts). Then the system chain, then each
 * case's chain, in case id order, each in id order; every row there must be version 3.
 *
 * Checkpoints (./checkpoints.ts) anchor the chains outside the database: each must carry a valid
 * signature under `publicKey`. A version 1 checkpoint names an event of the legacy chain, which
 * must still have its head hash; a version 2 checkpoint carries the digest of every chain's head
 * at its sequence (./heads-root.ts), recomputed here. That catches what the MAC cannot: a rewrite
 * by someone who holds APP_SECRET, and events deleted from the end of any chain (or whole
 * chains) up to a published day. Not server-only: `npm run audit:verify` runs it.
 */

export type AuditChainVerdict =
  | {
      ok: true;
      checked: number;
      /** How many chains hold events (the legacy one counted if it has any). */
      chains: number;
      checkpointsChecked: number;
      /** The digest of the heads at `headsAt`, when it was asked for. */
      heads?: { sequence: bigint; digest: string; chains: number };
    }
  | { ok: false; checked: number; brokenAtId: bigint | null; reason: AuditChainBreak; checkpointDay?: string };

export type AuditChainBreak =
  /** The event's content (or its recorded prevHash) was changed after it was written. */
  | "hashMismatch"
  /** The event does not link to the one before it: an event in between was deleted (or inserted). */
  | "prevHashMismatch"
  /** The event is still hashed without the key (chain version 1): not re-keyed yet, or downgraded. */
  | "unkeyed"
  /** The event claims a chain version this code does not know. */
  | "unknownVersion"
  /** A checkpoint's signature does not verify with the public key (a forged or altered checkpoint). */
  | "checkpointSignatureInvalid"
  /** The chains no longer have the heads a signed checkpoint published: rewritten or cut back since. */
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
  /** Also compute the digest of the chains' heads at this sequence (what a new checkpoint signs). */
  headsAt?: bigint;
};

type VerifierDatabase = Pick<Database, "caseEvent" | "$queryRaw">;

class ChainBreak extends Error {
  constructor(
    readonly brokenAtId: bigint | null,
    readonly reason: AuditChainBreak,
    readonly checkpointDay?: string,
  ) {
    super(reason);
  }
}

/** A sequence at which the heads are digested: a version 2 checkpoint's, or the one asked for. */
type Cut = { sequence: bigint; digest: HeadsDigest; checkpoint?: SignedCheckpoint };

const bySequence = (a: { sequence: string }, b: { sequence: string }) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : BigInt(a.sequence) > BigInt(b.sequence) ? 1 : 0);

export async function verifyAuditChain(db: VerifierDatabase, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerdict> {
  const key = options.key ?? deriveAppKey("audit-chain");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const checkpoints = options.checkpoints ?? [];
  for (const checkpoint of checkpoints) {
    if (!options.publicKey || !verifyCheckpointSignature(checkpoint, checkpoint.signature, options.publicKey)) {
      return { ok: false, checked: 0, brokenAtId: null, reason: "checkpointSignatureInvalid", checkpointDay: checkpoint.day };
    }
  }
  const cuts: Cut[] = checkpoints.filter((checkpoint) => checkpoint.version === 2).map((checkpoint) => ({ sequence: BigInt(checkpoint.sequence), digest: createHeadsDigest(), checkpoint }));
  const asked: Cut | null = options.headsAt === undefined ? null : { sequence: options.headsAt, digest: createHeadsDigest() };
  if (asked) cuts.push(asked);

  const walk = { checked: 0, chains: 0 };
  try {
    await walkLegacyChain(db, { key, batchSize, cuts, walk, legacyCheckpoints: checkpoints.filter((checkpoint) => (checkpoint.version ?? 1) === 1).sort(bySequence) });
    await walkChains(db, { key, batchSize, cuts, walk });
  } catch (error) {
    if (error instanceof ChainBreak) return { ok: false, checked: walk.checked, brokenAtId: error.brokenAtId, reason: error.reason, checkpointDay: error.checkpointDay };
    throw error;
  }
  for (const cut of cuts) {
    if (cut.checkpoint && cut.digest.digest() !== cut.checkpoint.headHash) {
      return { ok: false, checked: walk.checked, brokenAtId: null, reason: "checkpointMismatch", checkpointDay: cut.checkpoint.day };
    }
  }
  return {
    ok: true,
    checked: walk.checked,
    chains: walk.chains,
    checkpointsChecked: checkpoints.length,
    ...(asked ? { heads: { sequence: asked.sequence, digest: asked.digest.digest(), chains: asked.digest.chains } } : {}),
  };
}

type WalkOptions = { key: Buffer; batchSize: number; cuts: readonly Cut[]; walk: { checked: number; chains: number } };

/** Versions 1 and 2: one chain in id order, held to the version 1 checkpoints, which name its events. */
async function walkLegacyChain(db: VerifierDatabase, options: WalkOptions & { legacyCheckpoints: readonly SignedCheckpoint[] }): Promise<void> {
  const { key, batchSize, cuts, walk, legacyCheckpoints: pending } = options;
  let nextCheckpoint = 0;
  let previousHash: string | null = null;
  let afterId: bigint | null = null;
  const heads = new Map<Cut, { id: bigint; hash: string }>();
  for (;;) {
    const batch: ChainedEventRow[] = await db.caseEvent.findMany({
      where: { chainVersion: { lt: PER_CASE_CHAIN_VERSION }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: chainedEventSelect,
    });
    for (const event of batch) {
      const { id, prevHash, hash, chainVersion, ...content } = event;
      // A checkpoint whose event is gone (ids are never reused) is a deletion up to a published day.
      const due = pending[nextCheckpoint];
      if (due && BigInt(due.sequence) < id) throw new ChainBreak(id, "checkpointMismatch", due.day);
      if (chainVersion !== KEYED_CHAIN_VERSION) throw new ChainBreak(id, "unkeyed");
      if (prevHash !== previousHash) throw new ChainBreak(id, "prevHashMismatch");
      if (computeKeyedEventHash(key, prevHash, content) !== hash) throw new ChainBreak(id, "hashMismatch");
      while (pending[nextCheckpoint] && BigInt(pending[nextCheckpoint]!.sequence) === id) {
        const published = pending[nextCheckpoint]!;
        if (published.headHash !== hash) throw new ChainBreak(id, "checkpointMismatch", published.day);
        nextCheckpoint += 1;
      }
      for (const cut of cuts) if (id <= cut.sequence) heads.set(cut, { id, hash });
      previousHash = hash;
      walk.checked += 1;
    }
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1]!.id;
  }
  // Checkpoints past the end: the newest events were deleted back to before a published head.
  const beyondEnd = pending[nextCheckpoint];
  if (beyondEnd) throw new ChainBreak(null, "checkpointMismatch", beyondEnd.day);
  if (previousHash !== null) walk.chains += 1;
  for (const [cut, head] of heads) cut.digest.add({ chain: LEGACY_CHAIN_LABEL, ...head });
}

type ChainRow = ChainedEventRow;

/** The rows of version 3 and later: the system chain, then the case chains, each in id order. */
async function* readChainRows(db: VerifierDatabase, batchSize: number): AsyncGenerator<ChainRow> {
  let afterId: bigint | null = null;
  for (;;) {
    const batch: ChainRow[] = await db.caseEvent.findMany({
      where: { caseId: null, chainVersion: { gte: PER_CASE_CHAIN_VERSION }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: chainedEventSelect,
    });
    yield* batch;
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1]!.id;
  }
  // Keyset by (caseId, id): a row comparison the (caseId, id) index answers from where it left off.
  let after: { caseId: string; id: bigint } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after === null ? Prisma.empty : Prisma.sql`AND ("caseId", "id") > (${after.caseId}::uuid, ${after.id})`;
    const rows = await db.$queryRaw<(Omit<ChainRow, "createdAt" | "actorKind"> & { caseId: string; actorKind: string; createdAt: Date | string })[]>`
      SELECT "id", "caseId"::text AS "caseId", "actorKind"::text AS "actorKind", "actorId"::text AS "actorId", "action", "isPublic", "before", "after",
        "createdAt", "prevHash", "hash", "chainVersion"
      FROM "CaseEvent"
      WHERE "caseId" IS NOT NULL AND "chainVersion" >= ${PER_CASE_CHAIN_VERSION} ${keyset}
      ORDER BY "caseId", "id"
      LIMIT ${batchSize}`;
    for (const row of rows) {
      yield { ...row, id: BigInt(row.id), actorKind: row.actorKind as ChainRow["actorKind"], createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(`${row.createdAt}Z`) };
    }
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    after = { caseId: last.caseId, id: BigInt(last.id) };
  }
}

async function walkChains(db: VerifierDatabase, options: WalkOptions): Promise<void> {
  const { key, batchSize, cuts, walk } = options;
  let chain: string | null = null;
  let previousHash: string | null = null;
  let heads = new Map<Cut, { id: bigint; hash: string }>();
  const closeChain = () => {
    if (chain === null) return;
    for (const [cut, head] of heads) cut.digest.add({ chain, ...head });
    walk.chains += 1;
  };
  for await (const event of readChainRows(db, batchSize)) {
    const { id, prevHash, hash, chainVersion, ...content } = event;
    const label = content.caseId ?? SYSTEM_CHAIN_LABEL;
    if (label !== chain) {
      closeChain();
      chain = label;
      previousHash = null;
      heads = new Map();
    }
    if (prevHash !== previousHash) throw new ChainBreak(id, "prevHashMismatch");
    if (chainVersion !== PER_CASE_CHAIN_VERSION) throw new ChainBreak(id, "unknownVersion");
    if (computeChainLinkHash(key, prevHash, content satisfies ChainedEventContent) !== hash) throw new ChainBreak(id, "hashMismatch");
    for (const cut of cuts) if (id <= cut.sequence) heads.set(cut, { id, hash });
    previousHash = hash;
    walk.checked += 1;
  }
  closeChain();
}
