import { z } from "@/lib/zod";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { deriveAppKey } from "@/lib/env";
import type { Database } from "@/lib/prisma-client";

import { checkpointPublicKey, signCheckpoint } from "./checkpoint-signing";
import { verifyAuditChain, type SignedCheckpoint } from "./verify";

/**
 * Daily checkpoints anchor the audit chain outside the database. Once a day (Asia/Jakarta) one
 * instance verifies the chain and, if it is intact, signs its head (the last event's id and
 * hash) with the installation's Ed25519 key (./checkpoint-signing.ts). The checkpoints are
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
    select: { day: true, sequence: true, headHash: true, signature: true },
  });
  return rows.map((row) => ({ day: row.day.toISOString().slice(0, 10), sequence: row.sequence.toString(), headHash: row.headHash, signature: row.signature }));
}

export async function buildCheckpointsDocument(db: Pick<Database, "auditCheckpoint">, options: { take?: number } = {}): Promise<CheckpointsDocument> {
  return {
    format: CHECKPOINTS_FORMAT,
    algorithm: "Ed25519",
    publicKey: checkpointPublicKey(),
    signedMessage: "UTF-8 of: lapor-imigrasi audit checkpoint v1 LF {day} LF {sequence} LF {headHash} LF",
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

/** Takes today's checkpoint unless one exists; signs only a chain that verifies. */
export async function takeDailyCheckpoint(db: Pick<Database, "caseEvent" | "auditCheckpoint">, now: Date = new Date()): Promise<DailyCheckpointResult> {
  const day = toJakartaDateKey(now);
  const dayDate = new Date(`${day}T00:00:00.000Z`);
  if (await db.auditCheckpoint.findUnique({ where: { day: dayDate }, select: { day: true } })) return { status: "exists" };
  // Held to the earlier checkpoints too, so a rewrite since the last one is never signed over.
  const verdict = await verifyAuditChain(db, {
    key: deriveAppKey("audit-chain"),
    checkpoints: await listPublishedCheckpoints(db),
    publicKey: checkpointPublicKey(),
  });
  if (!verdict.ok) return { status: "chainBroken", brokenAtId: verdict.brokenAtId, reason: verdict.reason };
  if (verdict.lastId === null || verdict.lastHash === null) return { status: "empty" };
  const statement = { day, sequence: verdict.lastId.toString(), headHash: verdict.lastHash };
  const signature = signCheckpoint(statement);
  const created = await db.auditCheckpoint.createMany({
    data: [{ day: dayDate, sequence: verdict.lastId, headHash: verdict.lastHash, signature, createdAt: now }],
    skipDuplicates: true,
  });
  return created.count === 1 ? { status: "taken", checkpoint: { ...statement, signature } } : { status: "exists" };
}
