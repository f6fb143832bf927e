import { deriveAppKey } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import { computeChainLinkHash, computeKeyedEventHash, KEYED_CHAIN_VERSION, PER_CASE_CHAIN_VERSION, witnessFromRow, type ChainedEventContent } from "./chain";
import { verifyCheckpointSignature, type CheckpointStatement } from "./checkpoint-signing";
import { createHeadsDigest, LEGACY_CHAIN_LABEL, SYSTEM_CHAIN_LABEL, type ChainHead, type HeadsDigest } from "./heads-root";
import { computeSealDigest, parseSealStatement, readAuthenticSeal, SEAL_ACTION, type SealStatement } from "./seal";

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
 * chains) up to a published day. A version 3 checkpoint signs a seal (./seal.ts): that event must
 * still be there with the signed hash.
 *
 * Seals (./seal.ts) are checked in a second walk, in id order, that reads only ids, chains and
 * hashes: every seal's range must follow on from the one before, its digest must equal the heads
 * recomputed from the rows in its range (a chain's newest events or a whole chain deleted since
 * show here), and every event's witness must be a seal that is still there with that hash (a
 * seal deleted to hide that shows at every event appended after it).
 *
 * Two modes. "full" walks everything, as above. "incremental" trusts what the newest version 3
 * checkpoint signed (it was verified before it was signed) and walks only the events after that
 * checkpoint's seal's range, in id order, checking the MACs and links (an event's predecessor
 * before the range is read by one indexed lookup per chain), the seals and the witnesses. It
 * does not see a rewrite of events before that checkpoint: run the full mode for that (the
 * daily checkpoint uses the incremental one). Not server-only: `npm run audit:verify` runs it.
 */

export type AuditChainVerdict =
  | {
      ok: true;
      checked: number;
      /** How many chains hold events (the legacy one counted if it has any). */
      chains: number;
      checkpointsChecked: number;
      /** Seals whose range and digest were checked. */
      sealsChecked: number;
      mode: VerifyMode;
      /** Incremental mode: the events before this id were taken as verified by the newest checkpoint. */
      verifiedAfter?: bigint;
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
  | "checkpointMismatch"
  /** A seal no longer matches the chain heads of its range (a chain's newest events, or a whole chain, deleted or rewritten), or its range does not follow on from the seal before. */
  | "sealMismatch"
  /** An event's witness seal is gone or has another hash: a seal was deleted or rewritten after this event was appended. */
  | "witnessMismatch";

export type VerifyMode = "full" | "incremental";

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
  witnessId: true,
  witnessHash: true,
} satisfies Prisma.CaseEventSelect;

type ChainedEventRow = Prisma.CaseEventGetPayload<{ select: typeof chainedEventSelect }>;

export type VerifyAuditChainOptions = {
  /** The audit-chain key; by default the one derived from this environment's APP_SECRET. */
  key?: Buffer;
  batchSize?: number;
  /** Checkpoints to hold the chain to, with the public key their signatures must verify under. */
  checkpoints?: readonly SignedCheckpoint[];
  publicKey?: string;
  /** Also compute the digest of the chains' heads at this sequence (what a version 2 checkpoint signed). Full mode only. */
  headsAt?: bigint;
  /** "full" (the default) or "incremental": only what came after the newest version 3 checkpoint (full when there is none). */
  mode?: VerifyMode;
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
  const sealCheckpoints = checkpoints.filter((checkpoint) => checkpoint.version === 3).sort(bySequence);
  const base = options.mode === "incremental" && options.headsAt === undefined ? sealCheckpoints.at(-1) : undefined;
  const walk = { checked: 0, chains: 0, seals: 0 };
  const broken = (error: ChainBreak): AuditChainVerdict => ({ ok: false, checked: walk.checked, brokenAtId: error.brokenAtId, reason: error.reason, checkpointDay: error.checkpointDay });

  if (base) {
    try {
      const statement = await checkSealCheckpoint(db, base, key);
      const verifiedAfter = BigInt(statement.through);
      await walkInIdOrder(db, { key, batchSize, after: verifiedAfter, checkLinks: true, walk });
      return { ok: true, checked: walk.checked, chains: walk.chains, checkpointsChecked: checkpoints.length, sealsChecked: walk.seals, mode: "incremental", verifiedAfter };
    } catch (error) {
      if (error instanceof ChainBreak) return broken(error);
      throw error;
    }
  }

  const cuts: Cut[] = checkpoints.filter((checkpoint) => checkpoint.version === 2).map((checkpoint) => ({ sequence: BigInt(checkpoint.sequence), digest: createHeadsDigest(), checkpoint }));
  const asked: Cut | null = options.headsAt === undefined ? null : { sequence: options.headsAt, digest: createHeadsDigest() };
  if (asked) cuts.push(asked);
  try {
    await walkLegacyChain(db, { key, batchSize, cuts, walk, legacyCheckpoints: checkpoints.filter((checkpoint) => (checkpoint.version ?? 1) === 1).sort(bySequence) });
    await walkChains(db, { key, batchSize, cuts, walk });
    for (const cut of cuts) {
      if (cut.checkpoint && cut.digest.digest() !== cut.checkpoint.headHash) throw new ChainBreak(null, "checkpointMismatch", cut.checkpoint.day);
    }
    for (const checkpoint of sealCheckpoints) await checkSealCheckpoint(db, checkpoint, key);
    // The MACs and links were checked above, per chain: this walk checks only the seals and witnesses.
    await walkInIdOrder(db, { key, batchSize, after: 0n, checkLinks: false, walk });
  } catch (error) {
    if (error instanceof ChainBreak) return broken(error);
    throw error;
  }
  return {
    ok: true,
    checked: walk.checked,
    chains: walk.chains,
    checkpointsChecked: checkpoints.length,
    sealsChecked: walk.seals,
    mode: "full",
    ...(asked ? { heads: { sequence: asked.sequence, digest: asked.digest.digest(), chains: asked.digest.chains } } : {}),
  };
}

/** A version 3 checkpoint names a seal: it must still be there, a seal of the system chain, with the signed hash. */
async function checkSealCheckpoint(db: VerifierDatabase, checkpoint: SignedCheckpoint, key: Buffer): Promise<SealStatement> {
  // The seal's statement says where the unchecked part starts: it is believed only with its MAC intact.
  const seal = await readAuthenticSeal(db, BigInt(checkpoint.sequence), key);
  if (!seal || seal.hash !== checkpoint.headHash) throw new ChainBreak(BigInt(checkpoint.sequence), "checkpointMismatch", checkpoint.day);
  return seal.statement;
}

type SealRange = { id: bigint; hash: string; from: bigint; through: bigint; statement: SealStatement };

type IdOrderRow = {
  id: bigint;
  caseId: string | null;
  hash: string;
  prevHash: string | null;
  chainVersion: number;
  witnessId: bigint | null;
  witnessHash: string | null;
  actorKind?: string;
  actorId?: string | null;
  action?: string;
  isPublic?: boolean;
  before?: unknown;
  after?: unknown;
  createdAt?: Date | string;
};

/**
 * The events after `after`, in id order: each seal's range and digest, each witness and, with
 * `checkLinks` (incremental mode), each MAC and link, reading the predecessor of a chain's first
 * event in the walk from before `after`. Memory: the seals after `after`, the chains seen in the
 * walk (incremental mode) and one seal's range at a time.
 */
async function walkInIdOrder(db: VerifierDatabase, options: { key: Buffer; batchSize: number; after: bigint; checkLinks: boolean; walk: { checked: number; chains: number; seals: number } }): Promise<void> {
  const { key, batchSize, after, checkLinks, walk } = options;
  const sealRows = await db.$queryRaw<{ id: bigint; hash: string; after: unknown }[]>`
    SELECT "id", "hash", "after" FROM "CaseEvent"
    WHERE "action" = ${SEAL_ACTION} AND "caseId" IS NULL AND "chainVersion" = ${PER_CASE_CHAIN_VERSION} AND "id" > ${after}
    ORDER BY "id"`;
  const seals: SealRange[] = [];
  const sealsById = new Map<bigint, string>();
  for (const row of sealRows) {
    const id = BigInt(row.id);
    const statement = parseSealStatement(row.after);
    if (!statement) throw new ChainBreak(id, "sealMismatch");
    sealsById.set(id, row.hash);
    const range = { id, hash: row.hash, from: BigInt(statement.from), through: BigInt(statement.through), statement };
    // The seal a checkpoint signed (and any before it) covers a range already verified.
    if (range.through <= after) continue;
    const previous = seals.at(-1);
    // Each range follows on from the one before (from the verified part, in incremental mode) and ends before its seal.
    if (range.from >= range.through || range.through >= id || (previous ? range.from !== previous.through : checkLinks && range.from !== after)) throw new ChainBreak(id, "sealMismatch");
    seals.push(range);
  }
  const unknownWitnesses = new Map<bigint, { hash: string; by: bigint }>();

  let current = 0;
  let rangeHeads = new Map<string, ChainHead>();
  let rangeEvents = 0;
  const closeRangesBefore = (id: bigint | null) => {
    while (current < seals.length && (id === null || id > seals[current]!.through)) {
      const seal = seals[current]!;
      const digest = computeSealDigest(seal.from, seal.through, rangeHeads.values());
      if (digest !== seal.statement.heads || rangeEvents !== seal.statement.events || rangeHeads.size !== seal.statement.chains) throw new ChainBreak(seal.id, "sealMismatch");
      walk.seals += 1;
      current += 1;
      rangeHeads = new Map();
      rangeEvents = 0;
    }
  };

  const lastHash = new Map<string, string | null>();
  if (!checkLinks) {
    // Full mode reads only from the first seal's range on: no event before it can have a witness
    // (one that does points at a seal deleted since), which one scan of the table tells.
    const firstRange = seals[0]?.from ?? null;
    const [stray] = await db.$queryRaw<{ id: bigint | null }[]>`
      SELECT min("id") AS "id" FROM "CaseEvent" WHERE "witnessId" IS NOT NULL AND (${firstRange}::bigint IS NULL OR "id" <= ${firstRange}::bigint)`;
    if (stray?.id !== null && stray?.id !== undefined) throw new ChainBreak(BigInt(stray.id), "witnessMismatch");
    if (firstRange === null) return;
  }
  const start = checkLinks || seals.length === 0 ? after : seals[0]!.from;
  for (let afterId = start; ; ) {
    const rows = checkLinks
      ? await db.$queryRaw<IdOrderRow[]>`
          SELECT "id", "caseId"::text AS "caseId", "actorKind"::text AS "actorKind", "actorId"::text AS "actorId", "action", "isPublic", "before", "after",
            "createdAt", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash"
          FROM "CaseEvent" WHERE "id" > ${afterId} ORDER BY "id" LIMIT ${batchSize}`
      : await db.$queryRaw<IdOrderRow[]>`
          SELECT "id", "caseId"::text AS "caseId", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash"
          FROM "CaseEvent" WHERE "id" > ${afterId} ORDER BY "id" LIMIT ${batchSize}`;
    if (checkLinks) await readPredecessors(db, rows, after, lastHash);
    for (const row of rows) {
      const id = BigInt(row.id);
      if (row.chainVersion < PER_CASE_CHAIN_VERSION && !checkLinks) continue;
      if (row.chainVersion !== PER_CASE_CHAIN_VERSION) throw new ChainBreak(id, "unknownVersion");
      const chain = row.caseId ?? SYSTEM_CHAIN_LABEL;
      const witness = witnessFromRow(row);
      if (checkLinks) {
        if (row.prevHash !== (lastHash.get(chain) ?? null)) throw new ChainBreak(id, "prevHashMismatch");
        const content: ChainedEventContent = {
          caseId: row.caseId,
          actorKind: row.actorKind!,
          actorId: row.actorId ?? null,
          action: row.action!,
          isPublic: row.isPublic!,
          before: row.before ?? null,
          after: row.after ?? null,
          createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(`${row.createdAt}Z`),
        };
        if (computeChainLinkHash(key, row.prevHash, content, witness) !== row.hash) throw new ChainBreak(id, "hashMismatch");
        lastHash.set(chain, row.hash);
        walk.checked += 1;
      }
      if (witness) {
        if (witness.id >= id) throw new ChainBreak(id, "witnessMismatch");
        const known = sealsById.get(witness.id);
        if (known !== undefined) {
          if (known !== witness.hash) throw new ChainBreak(id, "witnessMismatch");
        } else if (!unknownWitnesses.has(witness.id)) unknownWitnesses.set(witness.id, { hash: witness.hash, by: id });
      }
      closeRangesBefore(id);
      if (current < seals.length && id > seals[current]!.from) {
        rangeHeads.set(chain, { chain, id, hash: row.hash });
        rangeEvents += 1;
      }
    }
    if (rows.length < batchSize) break;
    afterId = BigInt(rows[rows.length - 1]!.id);
  }
  // Ranges past the last event left: their newest events were deleted.
  closeRangesBefore(null);
  if (checkLinks) walk.chains = lastHash.size;
  // Witnesses older than the walk (an append that read the seal before the one the walk starts with).
  const wanted = [...unknownWitnesses.keys()];
  for (let index = 0; index < wanted.length; index += batchSize) {
    const ids = wanted.slice(index, index + batchSize);
    const found = await db.$queryRaw<{ id: bigint; hash: string; action: string; caseId: string | null }[]>`
      SELECT "id", "hash", "action", "caseId"::text AS "caseId" FROM "CaseEvent" WHERE "id" = ANY(${ids}::bigint[])`;
    const byId = new Map(found.map((row) => [BigInt(row.id), row]));
    for (const id of ids) {
      const row = byId.get(id);
      const expected = unknownWitnesses.get(id)!;
      if (!row || row.action !== SEAL_ACTION || row.caseId !== null || row.hash !== expected.hash) throw new ChainBreak(expected.by, "witnessMismatch");
    }
  }
}

/** The hash of each chain's newest event up to `after`, for the chains first seen in this batch. */
async function readPredecessors(db: VerifierDatabase, rows: readonly IdOrderRow[], after: bigint, lastHash: Map<string, string | null>): Promise<void> {
  const caseIds = [...new Set(rows.flatMap((row) => (row.caseId !== null && !lastHash.has(row.caseId) ? [row.caseId] : [])))];
  if (caseIds.length > 0) {
    const heads = await db.$queryRaw<{ caseId: string; hash: string }[]>`
      SELECT DISTINCT ON ("caseId") "caseId"::text AS "caseId", "hash" FROM "CaseEvent"
      WHERE "caseId" = ANY(${caseIds}::uuid[]) AND "id" <= ${after} AND "chainVersion" = ${PER_CASE_CHAIN_VERSION}
      ORDER BY "caseId", "id" DESC`;
    for (const caseId of caseIds) lastHash.set(caseId, null);
    for (const head of heads) lastHash.set(head.caseId, head.hash);
  }
  if (!lastHash.has(SYSTEM_CHAIN_LABEL) && rows.some((row) => row.caseId === null)) {
    const [head] = await db.$queryRaw<{ hash: string }[]>`
      SELECT "hash" FROM "CaseEvent" WHERE "caseId" IS NULL AND "id" <= ${after} AND "chainVersion" = ${PER_CASE_CHAIN_VERSION} ORDER BY "id" DESC LIMIT 1`;
    lastHash.set(SYSTEM_CHAIN_LABEL, head?.hash ?? null);
  }
}

type WalkOptions = { key: Buffer; batchSize: number; cuts: readonly Cut[]; walk: { checked: number; chains: number; seals: number } };

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
      const { id, prevHash, hash, chainVersion, witnessId, witnessHash, ...content } = event;
      // Legacy events predate the seals: a witness on one was put there afterwards.
      if (witnessId !== null || witnessHash !== null) throw new ChainBreak(id, "witnessMismatch");
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
        "createdAt", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash"
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
    const { id, prevHash, hash, chainVersion, witnessId, witnessHash, ...content } = event;
    const label = content.caseId ?? SYSTEM_CHAIN_LABEL;
    if (label !== chain) {
      closeChain();
      chain = label;
      previousHash = null;
      heads = new Map();
    }
    if (prevHash !== previousHash) throw new ChainBreak(id, "prevHashMismatch");
    if (chainVersion !== PER_CASE_CHAIN_VERSION) throw new ChainBreak(id, "unknownVersion");
    if (computeChainLinkHash(key, prevHash, content satisfies ChainedEventContent, witnessFromRow({ witnessId, witnessHash })) !== hash) throw new ChainBreak(id, "hashMismatch");
    for (const cut of cuts) if (id <= cut.sequence) heads.set(cut, { id, hash });
    previousHash = hash;
    walk.checked += 1;
  }
  closeChain();
}
