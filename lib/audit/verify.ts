import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/prisma-client";

import { computeEventHash } from "./chain";

/**
 * Walks the whole audit trail in id order, a batch at a time (memory stays flat however long
 * the trail), and checks each event twice: its stored hash must be the hash of its content and
 * its predecessor's hash (so an UPDATE shows at that row), and its prevHash must be the hash of
 * the event before it (so a DELETE shows at the row after the gap). Not server-only: the
 * `npm run audit:verify` command runs it outside Next.
 *
 * What a hash chain cannot show on its own: the newest events deleted from the end. Compare
 * `checked` and the last hash with an earlier run (or a copy kept elsewhere) to catch that.
 */

export type AuditChainVerdict =
  | { ok: true; checked: number; lastHash: string | null }
  | { ok: false; checked: number; brokenAtId: bigint; reason: AuditChainBreak };

export type AuditChainBreak =
  /** The event's content (or its recorded prevHash) was changed after it was written. */
  | "hashMismatch"
  /** The event does not link to the one before it: an event in between was deleted (or inserted). */
  | "prevHashMismatch";

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
} satisfies Prisma.CaseEventSelect;

type ChainedEventRow = Prisma.CaseEventGetPayload<{ select: typeof chainedEventSelect }>;

export async function verifyAuditChain(
  db: Pick<Database, "caseEvent">,
  options: { batchSize?: number } = {},
): Promise<AuditChainVerdict> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let checked = 0;
  let previousHash: string | null = null;
  let afterId: bigint | null = null;

  for (;;) {
    const batch: ChainedEventRow[] = await db.caseEvent.findMany({
      where: afterId === null ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: chainedEventSelect,
    });
    for (const event of batch) {
      if (event.prevHash !== previousHash) return { ok: false, checked, brokenAtId: event.id, reason: "prevHashMismatch" };
      const { id, prevHash, hash, ...content } = event;
      if (computeEventHash(prevHash, content) !== hash) return { ok: false, checked, brokenAtId: id, reason: "hashMismatch" };
      previousHash = hash;
      checked += 1;
    }
    if (batch.length < batchSize) return { ok: true, checked, lastHash: previousHash };
    afterId = batch[batch.length - 1]!.id;
  }
}
