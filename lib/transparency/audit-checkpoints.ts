import "server-only";

import { buildCheckpointsDocument, type CheckpointsDocument } from "@/lib/audit/checkpoints";
import { db } from "@/lib/db";

/**
 * The audit chain's signed daily checkpoints as /transparansi publishes them (lib/audit/checkpoints.ts):
 * public by design, they hold no case content, only the chain's head id and hash per day.
 */

/** Checkpoints listed on the page; the JSON download has them all. */
export const CHECKPOINTS_SHOWN = 14;

export function getPublishedCheckpoints(options: { take?: number } = {}): Promise<CheckpointsDocument> {
  return buildCheckpointsDocument(db, options);
}
