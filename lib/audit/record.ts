import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";

import type { AuditAction } from "./actions";
import { deriveAppKey } from "@/lib/env";
import { planNotificationsForEvent } from "@/lib/notifications/plan";

import { computeChainLinkHash, PER_CASE_CHAIN_VERSION, witnessFromRow } from "./chain";
import { AUDIT_CHAIN_LOCK, NEWEST_SEAL_SQL, SYSTEM_CHAIN_LOCK_CLASS } from "./lock";

/**
 * Appends one event to the hash-chained audit trail, inside the caller's transaction, so the
 * event exists exactly when the change it records does.
 *
 * Each case has its own chain, and the events of no case share one system chain (./chain.ts,
 * version 3). An append locks only its own chain: the case's row (FOR NO KEY UPDATE, which the
 * foreign keys pointing at the case do not wait for) or, for the system chain, one advisory lock.
 * Then it reads the chain's last hash and inserts. Two appends to the same chain can never link
 * to the same predecessor, and the chain's ids (taken after the lock) follow its order; appends
 * to different cases do not wait on each other. The lock is held until the caller commits, so
 * record the event as the transaction's last write.
 *
 * Every append also holds AUDIT_CHAIN_LOCK shared, from before its id is taken until it commits.
 * Shared holders never wait on each other; a checkpoint takes it exclusively for a moment
 * (./checkpoints.ts), so that every event below the sequence it reads has committed and every
 * later one gets a higher id: the checkpoint is an exact cut of all the chains.
 *
 * In the same statement it reads its witness: the newest audit seal (./seal.ts), without any
 * lock (one index entry), and the event's MAC covers it. Deleting a seal then breaks every event
 * appended after it, which is what keeps a chain's newest events from being deleted unnoticed
 * once a seal covers them (the threat model is in ./seal.ts).
 *
 * Hashes are keyed: the key is derived from APP_SECRET, never stored.
 */

export type AuditEventInput = {
  caseId: string | null;
  actorKind: ActorKind;
  actorId?: string | null;
  action: AuditAction;
  /** Whether the reporter sees it on the tracking page. */
  isPublic: boolean;
  /** Plain JSON (strings, numbers, booleans, objects, arrays): it is hashed as stored. */
  before?: Prisma.InputJsonObject | null;
  after?: Prisma.InputJsonObject | null;
  createdAt?: Date;
};

function contentOf(event: AuditEventInput) {
  return {
    caseId: event.caseId,
    actorKind: event.actorKind,
    actorId: event.actorId ?? null,
    action: event.action,
    isPublic: event.isPublic,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: event.createdAt ?? new Date(),
  };
}

/** Locks the chains of these cases (in id order, so two batches cannot deadlock) and the system chain if asked. */
async function lockChains(tx: Prisma.TransactionClient, caseIds: readonly string[], includesSystemChain: boolean): Promise<void> {
  if (includesSystemChain) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYSTEM_CHAIN_LOCK_CLASS}::int, 0)`;
  if (caseIds.length > 0) await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "id" = ANY(${caseIds}::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`;
}

export async function recordEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  // Who is told of it (lib/notifications/plan.ts), in this transaction, before the chain's lock.
  await planNotificationsForEvent(tx, event);
  await lockChains(tx, event.caseId === null ? [] : [event.caseId], event.caseId === null);
  // A new statement, so its snapshot sees whatever the chain's previous holder committed.
  const ofChain = event.caseId === null ? Prisma.sql`"caseId" IS NULL` : Prisma.sql`"caseId" = ${event.caseId}::uuid`;
  const [previous] = await tx.$queryRaw<{ hash: string | null; witnessId: bigint | null; witnessHash: string | null }[]>`
    SELECT (SELECT "hash" FROM "CaseEvent" WHERE ${ofChain} AND "chainVersion" = ${PER_CASE_CHAIN_VERSION} ORDER BY "id" DESC LIMIT 1) AS "hash",
      "witness"."id" AS "witnessId", "witness"."hash" AS "witnessHash"
    FROM (SELECT pg_advisory_xact_lock_shared(${AUDIT_CHAIN_LOCK})) AS "sharedLock"
    LEFT JOIN LATERAL (${NEWEST_SEAL_SQL}) AS "witness" ON true`;
  const prevHash = previous?.hash ?? null;
  const witness = witnessFromRow(previous);
  const content = contentOf(event);
  const hash = computeChainLinkHash(deriveAppKey("audit-chain"), prevHash, content, witness);
  const created = await tx.caseEvent.create({
    data: {
      ...content,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      prevHash,
      hash,
      chainVersion: PER_CASE_CHAIN_VERSION,
      witnessId: witness?.id ?? null,
      witnessHash: witness?.hash ?? null,
    },
    select: { id: true },
  });
  return { id: created.id, hash };
}

/**
 * Appends many events at once, each to its own chain in the given order: the hashes are chained
 * in memory and the rows written in one statement, so a change that touches thousands of cases
 * (lib/holidays: recomputing deadlines after a holiday edit) writes its timeline entries in a few
 * round trips instead of three per event. Ids follow the order given (one multi-row insert, whose
 * rows take the sequence in order, while the chains' locks keep other appends to them out).
 */
export async function recordEvents(tx: Prisma.TransactionClient, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  for (const event of events) await planNotificationsForEvent(tx, event);
  const caseIds = [...new Set(events.flatMap((event) => (event.caseId === null ? [] : [event.caseId])))].sort();
  const includesSystemChain = events.some((event) => event.caseId === null);
  await lockChains(tx, caseIds, includesSystemChain);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${AUDIT_CHAIN_LOCK})`;
  const heads = await tx.$queryRaw<{ caseId: string | null; hash: string }[]>`
    (SELECT DISTINCT ON ("caseId") "caseId"::text AS "caseId", "hash" FROM "CaseEvent"
     WHERE "caseId" = ANY(${caseIds}::uuid[]) AND "chainVersion" = ${PER_CASE_CHAIN_VERSION}
     ORDER BY "caseId", "id" DESC)
    UNION ALL
    (SELECT NULL, "hash" FROM "CaseEvent"
     WHERE ${includesSystemChain} AND "caseId" IS NULL AND "chainVersion" = ${PER_CASE_CHAIN_VERSION}
     ORDER BY "id" DESC LIMIT 1)`;
  const lastHash = new Map<string | null, string>(heads.map((head) => [head.caseId, head.hash]));
  const witness = witnessFromRow((await tx.$queryRaw<{ witnessId: bigint | null; witnessHash: string | null }[]>`
    SELECT "id" AS "witnessId", "hash" AS "witnessHash" FROM (${NEWEST_SEAL_SQL}) AS "witness"`)[0]);
  const key = deriveAppKey("audit-chain");
  const rows = events.map((event) => {
    const content = contentOf(event);
    const prevHash = lastHash.get(event.caseId) ?? null;
    const hash = computeChainLinkHash(key, prevHash, content, witness);
    lastHash.set(event.caseId, hash);
    return {
      ...content,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      prevHash,
      hash,
      chainVersion: PER_CASE_CHAIN_VERSION,
      witnessId: witness?.id ?? null,
      witnessHash: witness?.hash ?? null,
    };
  });
  await tx.caseEvent.createMany({ data: rows });
}
