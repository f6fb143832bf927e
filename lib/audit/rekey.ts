import { deriveAppKey } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import { AUDIT_ACTIONS } from "./actions";
import { computeEventHash, computeKeyedEventHash, KEYED_CHAIN_VERSION, PER_CASE_CHAIN_VERSION, UNKEYED_CHAIN_VERSION } from "./chain";
import { AUDIT_CHAIN_LOCK } from "./lock";
import { recordEvent } from "./record";

/**
 * The one-time transition from the unkeyed chain (version 1, plain SHA-256) to the keyed one
 * (version 2, ./chain.ts). The migration that added chainVersion cannot know APP_SECRET, so the
 * rows it found stay at version 1 until this runs: at every server start (instrumentation.ts;
 * it does nothing once no version 1 row is left) and as `npm run audit:rekey`.
 *
 * Only the legacy chain (versions 1 and 2) is re-keyed: since issue 16 events are appended to
 * per-case chains (version 3, ./chain.ts), which are keyed from their first row.
 *
 * Under the chain's lock, in one transaction, it walks the whole legacy chain and first checks every
 * row as it was written (version 1 rows with the plain hash, version 2 rows appended since the
 * migration with the key): if anything is broken it changes nothing and reports where, so a
 * rewrite made before the upgrade is not laundered into a valid keyed chain. Otherwise it
 * rewrites each hash (and the prevHash links) with the key and records AUDIT_CHAIN_REKEYED with
 * the unkeyed head it replaced, so that head stays on record for anyone who kept it.
 *
 * chainVersion itself is not hashed, so the re-key also refuses any state the upgrade cannot
 * have produced: a version 1 row after a version 2 row, or version 1 rows once the chain was
 * re-keyed or a checkpoint signed. Without that, someone who can write to the database but has
 * no APP_SECRET could edit an event, mark it and every later row as version 1 with recomputed
 * plain hashes, and have the next start launder the edit into the keyed chain.
 */

const BATCH_SIZE = 1000;

export type ChainRekeyResult =
  | { status: "nothingToDo" }
  | { status: "rekeyed"; rewritten: number; unkeyedHeadHash: string | null }
  | { status: "chainBroken"; brokenAtId: bigint };

type RekeyRow = {
  id: bigint;
  caseId: string | null;
  actorKind: string;
  actorId: string | null;
  action: string;
  isPublic: boolean;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  createdAt: Date;
  prevHash: string | null;
  hash: string;
  chainVersion: number;
};

export async function rekeyLegacyAuditChain(db: Database): Promise<ChainRekeyResult> {
  if (!(await db.caseEvent.findFirst({ where: { chainVersion: UNKEYED_CHAIN_VERSION }, select: { id: true } }))) return { status: "nothingToDo" };
  const key = deriveAppKey("audit-chain");
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
      // Another instance may have finished while this one waited for the lock.
      const firstUnkeyed = await tx.caseEvent.findFirst({ where: { chainVersion: UNKEYED_CHAIN_VERSION }, orderBy: { id: "asc" }, select: { id: true } });
      if (!firstUnkeyed) return { status: "nothingToDo" } as const;
      const impossibleUnkeyed = await findUnkeyedRowTheUpgradeCannotHaveLeft(tx);
      if (impossibleUnkeyed !== null) return { status: "chainBroken", brokenAtId: impossibleUnkeyed } as const;

      let storedPrevious: string | null = null;
      let rekeyedPrevious: string | null = null;
      let unkeyedHeadHash: string | null = null;
      let rewritten = 0;
      let afterId: bigint | null = null;
      for (;;) {
        const batch: RekeyRow[] = await tx.caseEvent.findMany({
          where: { chainVersion: { lt: PER_CASE_CHAIN_VERSION }, ...(afterId === null ? {} : { id: { gt: afterId } }) },
          orderBy: { id: "asc" },
          take: BATCH_SIZE,
          // Exactly what the legacy hashes cover (no witness: ./seal.ts came later).
          select: { id: true, caseId: true, actorKind: true, actorId: true, action: true, isPublic: true, before: true, after: true, createdAt: true, prevHash: true, hash: true, chainVersion: true },
        });
        const updates: { id: bigint; prevHash: string | null; hash: string }[] = [];
        for (const row of batch) {
          const { id, prevHash, hash, chainVersion, ...content } = row;
          const asWritten = chainVersion === KEYED_CHAIN_VERSION ? computeKeyedEventHash(key, prevHash, content) : computeEventHash(prevHash, content);
          if (prevHash !== storedPrevious || asWritten !== hash) return { status: "chainBroken", brokenAtId: id } as const;
          if (chainVersion !== KEYED_CHAIN_VERSION) unkeyedHeadHash = hash;
          const rekeyed = computeKeyedEventHash(key, rekeyedPrevious, content);
          if (rekeyed !== hash || rekeyedPrevious !== prevHash || chainVersion !== KEYED_CHAIN_VERSION) updates.push({ id, prevHash: rekeyedPrevious, hash: rekeyed });
          storedPrevious = hash;
          rekeyedPrevious = rekeyed;
        }
        if (updates.length > 0) {
          await tx.$executeRaw`
            UPDATE "CaseEvent" e SET "prevHash" = u."prevHash", "hash" = u."hash", "chainVersion" = ${KEYED_CHAIN_VERSION}
            FROM unnest(${updates.map((update) => update.id)}::bigint[], ${updates.map((update) => update.prevHash)}::text[], ${updates.map((update) => update.hash)}::text[])
              AS u("id", "prevHash", "hash")
            WHERE e."id" = u."id"`;
          rewritten += updates.length;
        }
        if (batch.length < BATCH_SIZE) break;
        afterId = batch[batch.length - 1]!.id;
      }
      await recordEvent(tx, {
        caseId: null,
        actorKind: "SYSTEM",
        action: AUDIT_ACTIONS.AUDIT_CHAIN_REKEYED,
        isPublic: false,
        after: { rewritten, unkeyedHeadHash },
      });
      return { status: "rekeyed", rewritten, unkeyedHeadHash } as const;
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

/**
 * The first version 1 row that cannot be a row from before the upgrade: one after a version 2
 * or version 3 row, or any once the chain was re-keyed or a checkpoint signed. Null when there is none.
 */
async function findUnkeyedRowTheUpgradeCannotHaveLeft(tx: Prisma.TransactionClient): Promise<bigint | null> {
  const wasRekeyedOrCheckpointed =
    (await tx.caseEvent.findFirst({ where: { action: AUDIT_ACTIONS.AUDIT_CHAIN_REKEYED }, select: { id: true } })) !== null ||
    (await tx.auditCheckpoint.findFirst({ select: { day: true } })) !== null;
  if (wasRekeyedOrCheckpointed) {
    const first = await tx.caseEvent.findFirst({ where: { chainVersion: UNKEYED_CHAIN_VERSION }, orderBy: { id: "asc" }, select: { id: true } });
    return first?.id ?? null;
  }
  const firstKeyed = await tx.caseEvent.findFirst({ where: { chainVersion: { gte: KEYED_CHAIN_VERSION } }, orderBy: { id: "asc" }, select: { id: true } });
  if (!firstKeyed) return null;
  const unkeyedAfterKeyed = await tx.caseEvent.findFirst({
    where: { chainVersion: UNKEYED_CHAIN_VERSION, id: { gt: firstKeyed.id } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return unkeyedAfterKeyed?.id ?? null;
}
