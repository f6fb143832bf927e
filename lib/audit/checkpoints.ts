import { z } from "@/lib/zod";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { deriveAppKey } from "@/lib/env";
import type { Database } from "@/lib/prisma-client";

import { checkpointPublicKey, signCheckpoint } from "./checkpoint-signing";
import { AUDIT_CHAIN_LOCK } from "./lock";
import { verifyAuditChain, type SignedCheckpoint } from "./verify";

/**
 * Daily checkpoints anchor the audit chains outside the database. Once a day (Asia/Jakarta) one
 * instance cuts the trail at a sequence (the highest event id, read while AUDIT_CHAIN_LOCK is
 * held exclusively for a moment: every event below it has committed, every later one gets a
 * higher id), verifies every chain and, if all are intact, signs the digest of every chain's
 * head at that sequence (./heads-root.ts) with the installation's Ed25519 key
 * (./checkpoint-signing.ts, statement version 2; version 1 checkpoints, taken while the trail was
 * one chain, signed that chain's head event and stay checkable). The checkpoints are
 * published on /transparansi (and as JSON there) and written into every export, so whoever saved
 * one can later show that the chain up to that day was rewritten or cut back, even by someone
 * who holds APP_SECRET: `npm run audit:verify -- --checkpoints saved.json`.
 *
 * Safe with several instances: the day is the primary key and the insert does nothing if another
 * instance was first. Not server-only: the verify command reads the published list too.
 */

export const CHECKPOINTS_FORMAT = "lapor-imigrasi-audit-checkpoints/v1";

export type CheckpointsDocument = {
  format: typeof CHECKPOINTS_FORMAT;
  algorithm: "Ed25519";
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  /** How the signed bytes are formed, for anyone checking with their own tools. */
  signedMessage: string;
  checkpoints: SignedCheckpoint[];
};

export type DailyCheckpointResult =
  | { status: "taken"; checkpoint: SignedCheckpoint }
  | { status: "exists" }
  | { status: "empty" }
  | { status: "chainBroken"; brokenAtId: bigint | null; reason: string };

export async function listPublishedCheckpoints(db: Pick<Database, "auditCheckpoint">, options: { take?: number } = {}): Promise<SignedCheckpoint[]> {
  const rows = await db.auditCheckpoint.findMany({
    orderBy: { day: "desc" },
    ...(options.take === undefined ? {} : { take: options.take }),
    select: { day: true, sequence: true, headHash: true, signature: true, version: true },
  });
  return rows.map((row) => ({
    day: row.day.toISOString().slice(0, 10),
    sequence: row.sequence.toString(),
    headHash: row.headHash,
    version: row.version === 2 ? 2 : 1,
    signature: row.signature,
  }));
}

export async function buildCheckpointsDocument(db: Pick<Database, "auditCheckpoint">, options: { take?: number } = {}): Promise<CheckpointsDocument> {
  return {
    format: CHECKPOINTS_FORMAT,
    algorithm: "Ed25519",
    publicKey: checkpointPublicKey(),
    signedMessage:
      "UTF-8 of: lapor-imigrasi audit checkpoint v{version} LF {day} LF {sequence} LF {headHash} LF. Version 1: headHash is the hash of event {sequence}. " +
      "Version 2: headHash is the SHA-256 of: lapor-imigrasi audit heads v1 LF, then one line {chain} SP {id} SP {hash} LF per chain for its last event with id up to {sequence}: " +
      "legacy (chain versions 1 and 2), system (events of no case), then each case id in ascending order",
    checkpoints: await listPublishedCheckpoints(db, options),
  };
}

const checkpointsDocumentSchema = z.object({
  format: z.literal(CHECKPOINTS_FORMAT),
  publicKey: z.string().min(1),
  checkpoints: z.array(
    z.object({
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      sequence: z.string().regex(/^\d{1,19}$/),
      headHash: z.string().regex(/^[0-9a-f]{64}$/),
      version: z.union([z.literal(1), z.literal(2)]).optional(),
      signature: z.string().min(1),
    }),
  ),
});

/** A saved checkpoints file (what /transparansi offers for download), or the problems with it. */
export function parseCheckpointsDocument(text: string): { ok: true; document: Pick<CheckpointsDocument, "publicKey" | "checkpoints"> } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not JSON" };
  }
  const parsed = checkpointsDocumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
  return { ok: true, document: parsed.data };
}

/** Takes today's checkpoint unless one exists; signs only chains that verify. */
export async function takeDailyCheckpoint(db: Pick<Database, "caseEvent" | "auditCheckpoint" | "$queryRaw" | "$transaction">, now: Date = new Date()): Promise<DailyCheckpointResult> {
  const day = toJakartaDateKey(now);
  const dayDate = new Date(`${day}T00:00:00.000Z`);
  if (await db.auditCheckpoint.findUnique({ where: { day: dayDate }, select: { day: true } })) return { status: "exists" };
  const sequence = await cutAuditTrail(db);
  if (sequence === null) return { status: "empty" };
  // Held to the earlier checkpoints too, so a rewrite since the last one is never signed over.
  const verdict = await verifyAuditChain(db, {
    key: deriveAppKey("audit-chain"),
    checkpoints: await listPublishedCheckpoints(db),
    publicKey: checkpointPublicKey(),
    headsAt: sequence,
  });
  if (!verdict.ok) return { status: "chainBroken", brokenAtId: verdict.brokenAtId, reason: verdict.reason };
  const statement = { day, sequence: sequence.toString(), headHash: verdict.heads!.digest, version: 2 as const };
  const signature = signCheckpoint(statement);
  const created = await db.auditCheckpoint.createMany({
    data: [{ day: dayDate, sequence, headHash: statement.headHash, version: statement.version, signature, createdAt: now }],
    skipDuplicates: true,
  });
  return created.count === 1 ? { status: "taken", checkpoint: { ...statement, signature } } : { status: "exists" };
}

/** How long the cut waits for appends in flight before it gives way (and tries again). */
const CUT_LOCK_TIMEOUT = "500ms";
const CUT_ATTEMPTS = 20;

/**
 * The highest event id, read while AUDIT_CHAIN_LOCK is held exclusively: appends hold it shared
 * from before their id is taken until they commit, so none is in flight below it. Waiting briefly
 * (then again, a little later) keeps the cut from stalling appends or deadlocking with one that
 * waits on a case another append holds. Null when the trail is empty.
 */
async function cutAuditTrail(db: Pick<Database, "$transaction">): Promise<bigint | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${CUT_LOCK_TIMEOUT}'`);
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
        const [row] = await tx.$queryRaw<{ sequence: bigint | null }[]>`SELECT max("id") AS "sequence" FROM "CaseEvent"`;
        return row?.sequence === null || row?.sequence === undefined ? null : BigInt(row.sequence);
      });
    } catch (error) {
      if (attempt >= CUT_ATTEMPTS || !isLockTimeout(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function isLockTimeout(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return /55P03|lock timeout/i.test(text);
}
