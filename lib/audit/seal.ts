import { createHash } from "node:crypto";

import { deriveAppKey } from "@/lib/env";
import type { Database } from "@/lib/prisma-client";

import { AUDIT_ACTIONS } from "./actions";
import { computeChainLinkHash, PER_CASE_CHAIN_VERSION, witnessFromRow } from "./chain";
import { SYSTEM_CHAIN_LABEL, type ChainHead } from "./heads-root";
import { AUDIT_CHAIN_LOCK, NEWEST_SEAL_SQL, SYSTEM_CHAIN_LOCK_CLASS } from "./lock";

/**
 * Seals bind the per-case chains to each other between the signed daily checkpoints, without a
 * lock that every append waits on.
 *
 * Threat model. The attacker can write to the database (a leaked database password, a backup
 * restored by someone else, an operator) but does not hold APP_SECRET: they cannot compute a MAC
 * (./chain.ts), so every change of a row, every reordering and every deletion inside a chain
 * shows. What a MAC alone cannot show is a deletion at the END: the newest events of a case, or a
 * whole case's chain, leave every remaining chain intact. The old single global chain had the
 * same weakness only for the newest events of the whole system (deleting any event meant deleting
 * every later one); per-case chains had it for the tail of every case until the next daily
 * checkpoint. Seals close that gap:
 *
 * - Once a minute (SEAL_INTERVAL_SECONDS), also when idle, one instance cuts the trail (the highest event id while
 *   no append is in flight: AUDIT_CHAIN_LOCK, which appends hold shared, taken exclusively for a
 *   moment) and appends a seal to the system chain: an event AUDIT_TRAIL_SEALED whose MAC'd
 *   `after` holds the range (from, through] it covers (from = the previous seal's through) and a
 *   digest of the head of every chain with an event in that range (computeSealDigest). Deleting or
 *   rewriting a chain's newest events, or a whole chain, changes that digest.
 * - Every append (./record.ts) reads the newest seal without a lock and records it as its witness,
 *   inside its MAC. Removing a seal to hide a deletion therefore breaks the system chain after it
 *   (unless every later system event is removed too: the later seals, sign-ins, administration)
 *   and every event of every case appended after that seal committed.
 *
 * So an event can be deleted unnoticed only together with everything appended after the first
 * seal that follows it, the same as a suffix of the old global chain, except for a window: events
 * appended since the newest seal (at most about one seal interval, SEAL_INTERVAL_SECONDS, plus
 * the moment a cut waits for appends in flight) can be deleted one by one. `npm run audit:verify`
 * checks every seal's digest, the ranges' continuity and every witness (./verify.ts).
 *
 * Someone who holds APP_SECRET can recompute everything after the last checkpoint saved outside
 * the system; the signed checkpoints (./checkpoints.ts) sign a seal, which by its digest and its
 * chain covers every event up to it.
 *
 * Not server-only: the daily checkpoint (and so the e2e tests and `npm run audit:verify`'s module
 * graph) seals too.
 */

export const SEAL_ACTION = AUDIT_ACTIONS.AUDIT_TRAIL_SEALED;
export const SEAL_INTERVAL_SECONDS = 60;
export const SEAL_DIGEST_HEADER = "lapor-imigrasi audit seal v1\n";
/**
 * `npm run audit:verify` fails (exit 3) when the newest seal is older than this: sealing stopped,
 * or the newest seals were deleted (with the events after them). Ten intervals leave room for a
 * busy cut or a restart.
 */
export const SEAL_STALE_AFTER_MINUTES = 10;

/** The newest seal's id and time, or null when there is none; `unsealed`: per-case chain events after it (all of them without a seal). */
export async function readNewestSeal(db: Pick<Database, "$queryRaw">): Promise<{ seal: { id: bigint; createdAt: Date } | null; unsealed: number }> {
  const [row] = await db.$queryRaw<{ id: bigint | null; createdAt: Date | null; unsealed: bigint }[]>`
    SELECT s."id", s."createdAt",
      (SELECT count(*) FROM "CaseEvent" e WHERE e."chainVersion" = ${PER_CASE_CHAIN_VERSION} AND e."id" > COALESCE(s."id", 0)) AS "unsealed"
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT "id", "createdAt" FROM "CaseEvent" WHERE "action" = ${SEAL_ACTION} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1) s ON true`;
  const seal = row?.id === null || row?.id === undefined ? null : { id: BigInt(row.id), createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(`${String(row.createdAt)}Z`) };
  return { seal, unsealed: Number(row?.unsealed ?? 0) };
}

/** What a seal's `after` holds (ids as strings: JSON has no 64-bit integers). */
export type SealStatement = { from: string; through: string; events: number; chains: number; heads: string };

/**
 * The digest a seal carries over the range (from, through]: the header, the range, then one line
 * per chain with an event in the range, for its last event there: the system chain first, then
 * the case ids in ascending order (the database's uuid order, that of the lowercase text).
 */
export function computeSealDigest(from: bigint, through: bigint, heads: Iterable<ChainHead>): string {
  const hash = createHash("sha256").update(SEAL_DIGEST_HEADER).update(`${from} ${through}\n`);
  for (const head of sortChainHeads(heads)) hash.update(`${head.chain} ${head.id} ${head.hash}\n`);
  return hash.digest("hex");
}

export function sortChainHeads(heads: Iterable<ChainHead>): ChainHead[] {
  return [...heads].sort((a, b) => {
    if (a.chain === b.chain) return 0;
    if (a.chain === SYSTEM_CHAIN_LABEL) return -1;
    if (b.chain === SYSTEM_CHAIN_LABEL) return 1;
    return a.chain < b.chain ? -1 : 1;
  });
}

/** A seal's statement read back from its `after`, or null when it is not one. */
export function parseSealStatement(after: unknown): SealStatement | null {
  if (typeof after !== "object" || after === null) return null;
  const value = after as Record<string, unknown>;
  const isId = (field: unknown): field is string => typeof field === "string" && /^\d{1,19}$/.test(field);
  if (!isId(value.from) || !isId(value.through) || typeof value.events !== "number" || typeof value.chains !== "number" || typeof value.heads !== "string") return null;
  return { from: value.from, through: value.through, events: value.events, chains: value.chains, heads: value.heads };
}

/**
 * A seal read back by id, trusted only if its own MAC is intact and its range lies below it
 * (from < through < id). Its `after` decides where verification and the next seal start, so an
 * attacker who edits it (to skip ranges, or to stop sealing) must not be believed: without
 * APP_SECRET they cannot recompute the MAC. Null when the row is missing, not a seal, or forged.
 */
export async function readAuthenticSeal(db: Pick<Database, "$queryRaw">, id: bigint, key: Buffer = deriveAppKey("audit-chain")): Promise<{ id: bigint; hash: string; statement: SealStatement } | null> {
  const [row] = await db.$queryRaw<
    {
      caseId: string | null;
      actorKind: string;
      actorId: string | null;
      action: string;
      isPublic: boolean;
      before: unknown;
      after: unknown;
      createdAt: Date | string;
      prevHash: string | null;
      hash: string;
      chainVersion: number;
      witnessId: bigint | null;
      witnessHash: string | null;
    }[]
  >`SELECT "caseId"::text AS "caseId", "actorKind"::text AS "actorKind", "actorId"::text AS "actorId", "action", "isPublic", "before", "after",
      "createdAt", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash"
    FROM "CaseEvent" WHERE "id" = ${id}`;
  if (!row || row.action !== SEAL_ACTION || row.caseId !== null || row.chainVersion !== PER_CASE_CHAIN_VERSION) return null;
  const content = {
    caseId: null,
    actorKind: row.actorKind,
    actorId: row.actorId ?? null,
    action: row.action,
    isPublic: row.isPublic,
    before: row.before ?? null,
    after: row.after ?? null,
    createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(`${row.createdAt}Z`),
  };
  if (computeChainLinkHash(key, row.prevHash, content as Parameters<typeof computeChainLinkHash>[2], witnessFromRow(row)) !== row.hash) return null;
  const statement = parseSealStatement(row.after);
  if (!statement || !(BigInt(statement.from) < BigInt(statement.through) && BigInt(statement.through) < id)) return null;
  return { id, hash: row.hash, statement };
}

/** The newest seal failed its own MAC or range check: sealing stops until the trail is verified. */
export class ForgedSealError extends Error {
  constructor(readonly sealId: bigint) {
    super(`The newest audit seal (event ${sealId}) does not verify; run npm run audit:verify`);
  }
}

/**
 * How a cut gets AUDIT_CHAIN_LOCK exclusively without stalling appends. A waiting exclusive
 * request would queue every append that arrives after it (Postgres grants locks in order), so the
 * cut first only *tries* (pg_try_advisory_xact_lock, in one autocommitted statement that also reads
 * the highest id: the lock is held for that statement alone), CUT_TRY_ATTEMPTS times a little
 * apart; appends never wait on a try. Only if every try met an append in flight does it queue,
 * once, for at most CUT_WAIT_LIMIT_MS (lock_timeout): that is the longest any append can wait on
 * a cut. If that fails too, the cut is "busy" and the next interval tries again (the seal window
 * then spans two intervals).
 */
export const CUT_TRY_ATTEMPTS = 25;
const CUT_TRY_PAUSE_MS = 40;
export const CUT_WAIT_LIMIT_MS = 100;

export type CutResult = { status: "cut"; through: bigint | null } | { status: "busy" };

/**
 * The highest event id, read while AUDIT_CHAIN_LOCK is held exclusively: appends hold it shared
 * from before their id is taken until they commit, so none is in flight below it ("through" null
 * when the trail is empty). `waitLimitMs: 0` never queues (tests).
 */
export async function cutAuditTrail(
  db: Pick<Database, "$transaction" | "$queryRaw">,
  options: { tryAttempts?: number; waitLimitMs?: number } = {},
): Promise<CutResult> {
  const tryAttempts = options.tryAttempts ?? CUT_TRY_ATTEMPTS;
  const waitLimitMs = options.waitLimitMs ?? CUT_WAIT_LIMIT_MS;
  const toThrough = (sequence: bigint | null | undefined): CutResult => ({ status: "cut", through: sequence === null || sequence === undefined ? null : BigInt(sequence) });
  for (let attempt = 1; attempt <= tryAttempts; attempt += 1) {
    const [row] = await db.$queryRaw<{ locked: boolean; sequence: bigint | null }[]>`
      SELECT l."locked", CASE WHEN l."locked" THEN (SELECT max("id") FROM "CaseEvent") END AS "sequence"
      FROM (SELECT pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) AS "locked" OFFSET 0) l`;
    if (row?.locked) return toThrough(row.sequence);
    if (attempt < tryAttempts) await new Promise((resolve) => setTimeout(resolve, CUT_TRY_PAUSE_MS / 2 + Math.random() * CUT_TRY_PAUSE_MS));
  }
  if (waitLimitMs <= 0) return { status: "busy" };
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${Math.ceil(waitLimitMs)}ms'`);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
      const [row] = await tx.$queryRaw<{ sequence: bigint | null }[]>`SELECT max("id") AS "sequence" FROM "CaseEvent"`;
      return toThrough(row?.sequence);
    });
  } catch (error) {
    if (isLockTimeout(error)) return { status: "busy" };
    throw error;
  }
}

function isLockTimeout(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return /55P03|lock timeout/i.test(text);
}

export type SealResult =
  | { status: "sealed"; id: bigint; hash: string; statement: SealStatement }
  /** The trail is empty. */
  | { status: "nothing" }
  /** Appends were in flight at every try of the cut: the next interval tries again. */
  | { status: "busy" };

type SealDatabase = Pick<Database, "$transaction" | "$queryRaw">;

const RANGE_BATCH = 5000;

/**
 * Seals everything appended since the newest seal, up to a fresh cut. It seals also when nothing
 * but the newest seal was appended since (an idle system): the newest seal is then protected by
 * the next one's link, and a seal older than a few intervals means sealing stopped or the
 * newest seals were deleted (`npm run audit:verify` says so). Safe with several
 * instances: sealers take the system chain's lock (which the seal's own append needs anyway)
 * before reading the newest seal, so two seals never cover the same range.
 */
export async function sealAuditTrail(db: SealDatabase, now: Date = new Date()): Promise<SealResult> {
  const cut = await cutAuditTrail(db);
  if (cut.status === "busy") return { status: "busy" };
  const through = cut.through;
  if (through === null) return { status: "nothing" };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYSTEM_CHAIN_LOCK_CLASS}::int, 0)`;
      const [newest] = await tx.$queryRaw<{ id: bigint; hash: string; after: unknown; createdAt: Date }[]>`
        SELECT "id", "hash", "after", "createdAt" FROM "CaseEvent" WHERE "action" = ${SEAL_ACTION} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
      // Where the next range starts comes from the newest seal's own statement: only if its MAC holds.
      const authentic = newest ? await readAuthenticSeal(tx, BigInt(newest.id)) : null;
      if (newest && !authentic) throw new ForgedSealError(BigInt(newest.id));
      const previous = authentic?.statement ?? null;
      // The first seal starts after the newest daily checkpoint, which covers what came before it.
      const from = previous
        ? BigInt(previous.through)
        : BigInt((await tx.$queryRaw<{ sequence: bigint | null }[]>`SELECT max("sequence") AS "sequence" FROM "AuditCheckpoint"`)[0]?.sequence ?? 0);
      if (through <= from) return { status: "nothing" } as const;
      const heads = new Map<string, ChainHead>();
      let events = 0;
      for (let after = from; ; ) {
        const rows = await tx.$queryRaw<{ id: bigint; caseId: string | null; hash: string; action: string; chainVersion: number }[]>`
          SELECT "id", "caseId"::text AS "caseId", "hash", "action", "chainVersion" FROM "CaseEvent"
          WHERE "id" > ${after} AND "id" <= ${through} ORDER BY "id" LIMIT ${RANGE_BATCH}`;
        for (const row of rows) {
          const id = BigInt(row.id);
          if (row.chainVersion < PER_CASE_CHAIN_VERSION) continue;
          const chain = row.caseId ?? SYSTEM_CHAIN_LABEL;
          heads.set(chain, { chain, id, hash: row.hash });
          events += 1;
        }
        if (rows.length < RANGE_BATCH) break;
        after = BigInt(rows[rows.length - 1]!.id);
      }
      const statement: SealStatement = { from: from.toString(), through: through.toString(), events, chains: heads.size, heads: computeSealDigest(from, through, heads.values()) };
      // Strictly after the newest seal, so the newest seal is also the last by createdAt (NEWEST_SEAL_SQL).
      const newestAt = newest === undefined ? 0 : (newest.createdAt instanceof Date ? newest.createdAt : new Date(`${String(newest.createdAt)}Z`)).getTime();
      const createdAt = new Date(Math.max(now.getTime(), newestAt + 1));
      const [systemHead] = await tx.$queryRaw<{ hash: string | null; witnessId: bigint | null; witnessHash: string | null }[]>`
        SELECT (SELECT "hash" FROM "CaseEvent" WHERE "caseId" IS NULL AND "chainVersion" = ${PER_CASE_CHAIN_VERSION} ORDER BY "id" DESC LIMIT 1) AS "hash",
          "witness"."id" AS "witnessId", "witness"."hash" AS "witnessHash"
        FROM (SELECT pg_advisory_xact_lock_shared(${AUDIT_CHAIN_LOCK})) AS "sharedLock"
        LEFT JOIN LATERAL (${NEWEST_SEAL_SQL}) AS "witness" ON true`;
      const prevHash = systemHead?.hash ?? null;
      const witness = witnessFromRow(systemHead);
      const content = { caseId: null, actorKind: "SYSTEM" as const, actorId: null, action: SEAL_ACTION, isPublic: false, before: null, after: statement, createdAt };
      const hash = computeChainLinkHash(deriveAppKey("audit-chain"), prevHash, content, witness);
      const created = await tx.caseEvent.create({
        data: { ...content, before: undefined, prevHash, hash, chainVersion: PER_CASE_CHAIN_VERSION, witnessId: witness?.id ?? null, witnessHash: witness?.hash ?? null },
        select: { id: true },
      });
      return { status: "sealed", id: created.id, hash, statement } as const;
    },
    { timeout: 60_000 },
  );
}
