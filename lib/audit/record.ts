import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";

import type { AuditAction } from "./actions";
import { deriveAppKey } from "@/lib/env";

import { computeKeyedEventHash, KEYED_CHAIN_VERSION } from "./chain";

/**
 * Appends one event to the hash-chained audit trail, inside the caller's transaction, so the
 * event exists exactly when the change it records does.
 *
 * Every append in the whole database takes the same transaction-scoped advisory lock, then reads
 * the last hash and inserts: two concurrent appends can never link to the same predecessor, and
 * ids (taken after the lock) follow the chain. The lock is held until the caller commits, so
 * record the event as the transaction's last write.
 *
 * Hashes are keyed (./chain.ts, version 2): the key is derived from APP_SECRET, never stored.
 */

/** The one lock that serialises the chain; any number, the same everywhere. */
export const AUDIT_CHAIN_LOCK = BigInt(0x4c41_5052); // "LAPR"

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

export async function recordEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.caseEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = previous?.hash ?? null;

  const content = {
    caseId: event.caseId,
    actorKind: event.actorKind,
    actorId: event.actorId ?? null,
    action: event.action,
    isPublic: event.isPublic,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: event.createdAt ?? new Date(),
  };
  const hash = computeKeyedEventHash(deriveAppKey("audit-chain"), prevHash, content);
  const created = await tx.caseEvent.create({
    data: { ...content, before: content.before ?? undefined, after: content.after ?? undefined, prevHash, hash, chainVersion: KEYED_CHAIN_VERSION },
    select: { id: true },
  });
  return { id: created.id, hash };
}

/**
 * Appends many events at once, in the given order, under the same lock as recordEvent: the
 * hashes are chained in memory and the rows written in one statement, so a change that touches
 * thousands of cases (lib/holidays: recomputing deadlines after a holiday edit) writes its
 * timeline entries in a few round trips instead of three per event. Ids follow the order given
 * (one multi-row insert, whose rows take the sequence in order, while the lock keeps others out).
 */
export async function recordEvents(tx: Prisma.TransactionClient, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.caseEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = previous?.hash ?? null;
  const key = deriveAppKey("audit-chain");
  const rows = events.map((event) => {
    const content = {
      caseId: event.caseId,
      actorKind: event.actorKind,
      actorId: event.actorId ?? null,
      action: event.action,
      isPublic: event.isPublic,
      before: event.before ?? null,
      after: event.after ?? null,
      createdAt: event.createdAt ?? new Date(),
    };
    const hash = computeKeyedEventHash(key, prevHash, content);
    const row = { ...content, before: content.before ?? undefined, after: content.after ?? undefined, prevHash, hash, chainVersion: KEYED_CHAIN_VERSION };
    prevHash = hash;
    return row;
  });
  await tx.caseEvent.createMany({ data: rows });
}
