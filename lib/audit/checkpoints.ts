import { z } from "@/lib/zod";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { deriveAppKey } from "@/lib/env";
import type { Database } from "@/lib/prisma-client";

import { checkpointPublicKey, signCheckpoint } from "./checkpoint-signing";
import { NEWEST_SEAL_SQL } from "./lock";
import { sealAuditTrail } from "./seal";
import { verifyAuditChain, type SignedCheckpoint } from "./verify";

/**
 * Daily checkpoints anchor the audit chains outside the database. Once a day (Asia/Jakarta) one
 * instance seals the trail up to now (./seal.ts: a cut while no append is in flight, then a
 * system-chain event digesting the chain heads changed since the seal before), verifies what
 * changed since the previous checkpoint and, if it is intact, signs that seal's id and hash with
 * the installation's Ed25519 key (./checkpoint-signing.ts, statement version 3). Version 2
 * checkpoints signed a digest of every chain's head (./heads-root.ts), version 1 ones the one
 * global chain's head event; both stay checkable. The checkpoints are
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
    version: row.version === 3 ? 3 : row.version === 2 ? 2 : 1,
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
      "legacy (chain versions 1 and 2), system (events of no case), then each case id in ascending order. " +
      "Version 3: headHash is the keyed hash of the audit seal event {sequence}, which digests the chain heads of its range and links the seals before it",
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
      version: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
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

/**
 * Takes today's checkpoint unless one exists: seals the trail up to now (./seal.ts), verifies
 * what changed since the last checkpoint (incremental: the checkpoint before was verified when it
 * was signed; the first one after the upgrade walks everything) and, if it is intact, signs the
 * newest seal (version 3), which by its digest and its chain covers every event up to it.
 */
export async function takeDailyCheckpoint(db: Pick<Database, "caseEvent" | "auditCheckpoint" | "$queryRaw" | "$transaction">, now: Date = new Date()): Promise<DailyCheckpointResult> {
  const day = toJakartaDateKey(now);
  const dayDate = new Date(`${day}T00:00:00.000Z`);
  if (await db.auditCheckpoint.findUnique({ where: { day: dayDate }, select: { day: true } })) return { status: "exists" };
  await sealAuditTrail(db, now);
  const [seal] = await db.$queryRaw<{ id: bigint; hash: string }[]>`${NEWEST_SEAL_SQL}`;
  if (!seal) return { status: "empty" };
  // Held to the earlier checkpoints too, so a rewrite since the last one is never signed over.
  const verdict = await verifyAuditChain(db, {
    key: deriveAppKey("audit-chain"),
    checkpoints: await listPublishedCheckpoints(db),
    publicKey: checkpointPublicKey(),
    mode: "incremental",
  });
  if (!verdict.ok) return { status: "chainBroken", brokenAtId: verdict.brokenAtId, reason: verdict.reason };
  const sequence = BigInt(seal.id);
  const statement = { day, sequence: sequence.toString(), headHash: seal.hash, version: 3 as const };
  const signature = signCheckpoint(statement);
  const created = await db.auditCheckpoint.createMany({
    data: [{ day: dayDate, sequence, headHash: statement.headHash, version: statement.version, signature, createdAt: now }],
    skipDuplicates: true,
  });
  return created.count === 1 ? { status: "taken", checkpoint: { ...statement, signature } } : { status: "exists" };
}
