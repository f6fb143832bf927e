import "server-only";

import { createHmac } from "node:crypto";

import { db } from "@/lib/db";
import { deriveAppKey } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Makes a retried submission return the first result instead of writing twice. The browser
 * sends a random UUID with each form; the row is claimed inside the same transaction as the
 * write it protects, so a concurrent retry waits on the row's unique index and then sees the
 * first result.
 *
 * A result's `sealed` member is confidential and short-lived: it is removed one hour after the
 * row was written (SEALED_RESULT_LIFETIME_MS), on read and by the housekeeping sweep.
 */

export type IdempotencyScope = "report" | "reporterMessage";

export const SEALED_RESULT_LIFETIME_MS = 60 * 60 * 1000;

/**
 * The stored key: a keyed hash of the scope, its context (e.g. the case a message is for) and
 * the browser's UUID. Someone who reads the table cannot replay a UUID from it.
 */
export function idempotencyStorageKey(scope: IdempotencyScope, clientKey: string, context = ""): string {
  const digest = createHmac("sha256", deriveAppKey("idempotency-key")).update(`${scope}:${context}:${clientKey}`).digest("hex");
  return `${scope}:${digest}`;
}

export type IdempotencyClaim =
  | { status: "claimed"; storageKey: string }
  | { status: "replayed"; storageKey: string; result: Prisma.JsonObject | null; createdAt: Date };

/**
 * Claims the key for this request, or returns the result the first request stored. Must run
 * inside the transaction that does the work, before the work.
 */
export async function claimIdempotencyKey(
  tx: Prisma.TransactionClient,
  options: { scope: IdempotencyScope; clientKey: string; context?: string; now: Date; lifetimeMs: number },
): Promise<IdempotencyClaim> {
  const storageKey = idempotencyStorageKey(options.scope, options.clientKey, options.context);
  const expiresAt = new Date(options.now.getTime() + options.lifetimeMs);
  // ON CONFLICT DO NOTHING waits for a concurrent transaction holding the same key to finish.
  const inserted = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" ("key", "scope", "createdAt", "expiresAt")
    VALUES (${storageKey}, ${options.scope}, ${options.now}, ${expiresAt})
    ON CONFLICT ("key") DO NOTHING`;
  if (inserted === 1) return { status: "claimed", storageKey };

  const existing = await tx.idempotencyKey.findUniqueOrThrow({ where: { key: storageKey }, select: { result: true, createdAt: true } });
  return { status: "replayed", storageKey, result: visibleResult(existing.result, existing.createdAt, options.now), createdAt: existing.createdAt };
}

export async function saveIdempotencyResult(tx: Prisma.TransactionClient, storageKey: string, result: Prisma.InputJsonObject): Promise<void> {
  await tx.idempotencyKey.update({ where: { key: storageKey }, data: { result } });
}

/** The stored result of an earlier request, read outside any transaction (a cheap early check). */
export async function findIdempotencyResult(
  options: { scope: IdempotencyScope; clientKey: string; context?: string; now: Date },
): Promise<Prisma.JsonObject | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { key: idempotencyStorageKey(options.scope, options.clientKey, options.context) },
    select: { result: true, createdAt: true },
  });
  return row ? visibleResult(row.result, row.createdAt, options.now) : null;
}

function visibleResult(result: Prisma.JsonValue | null, createdAt: Date, now: Date): Prisma.JsonObject | null {
  if (result === null || typeof result !== "object" || Array.isArray(result)) return null;
  if (now.getTime() - createdAt.getTime() < SEALED_RESULT_LIFETIME_MS) return result;
  return Object.fromEntries(Object.entries(result).filter(([member]) => member !== "sealed"));
}

/** Deletes expired keys and removes sealed members older than their lifetime. */
export async function sweepIdempotencyKeys(now: Date = new Date()): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  const sealedCutoff = new Date(now.getTime() - SEALED_RESULT_LIFETIME_MS);
  await db.$executeRaw`
    UPDATE "IdempotencyKey" SET "result" = "result" - 'sealed'
    WHERE "createdAt" <= ${sealedCutoff} AND jsonb_exists("result", 'sealed')`;
}
