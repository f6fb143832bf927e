import "server-only";

import { db } from "@/lib/db";
import { deriveAppKey } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

import { getEvidenceStorage } from "./evidence-storage";
import {
  signEvidenceToken,
  STAGED_EVIDENCE_LIFETIME_MS,
  verifyEvidenceToken,
  type StagedEvidence,
  type VerifiedStagedEvidence,
} from "./evidence-token";
import { processEvidence, type EvidenceRejection } from "./process-evidence";
import { CASE_EVIDENCE_PREFIX, newCaseEvidenceKey, newStagingKey, STAGING_PREFIX, type FileStorage } from "./storage";

/**
 * Evidence waits in staging between its upload and the filing that attaches it: the upload
 * endpoint (JavaScript) and the form action (no JavaScript) both stage files here, and a
 * failed submission keeps them, so the reporter need not choose them again.
 */

export type UploadedFile = { bytes: Uint8Array; fileName: string };

/** Processes one file and stores it in staging. A refused file is never written anywhere. */
export async function stageEvidence(
  file: UploadedFile,
  options: { now?: Date } = {},
): Promise<{ ok: true; evidence: StagedEvidence } | { ok: false; error: EvidenceRejection }> {
  const processed = await processEvidence(file);
  if (!processed.ok) return processed;

  const now = options.now ?? new Date();
  const storageKey = newStagingKey();
  await getEvidenceStorage().put(storageKey, processed.evidence.bytes);
  const { fileName, mediaType, sizeBytes, sha256 } = processed.evidence;
  const token = signEvidenceToken(
    { storageKey, fileName, mediaType, sizeBytes, sha256, expiresAt: new Date(now.getTime() + STAGED_EVIDENCE_LIFETIME_MS) },
    deriveAppKey("evidence-token"),
  );
  return { ok: true, evidence: { token, fileName, mediaType, sizeBytes, sha256 } };
}

/**
 * The staged files a submission refers to. Tokens that are forged, expired or not about a
 * staging key count as invalid; the same file sent twice counts once.
 */
export function readStagedEvidenceTokens(tokens: readonly string[], now: Date): { valid: VerifiedStagedEvidence[]; invalidCount: number } {
  const key = deriveAppKey("evidence-token");
  const valid = new Map<string, VerifiedStagedEvidence>();
  let invalidCount = 0;
  for (const token of tokens) {
    const verified = verifyEvidenceToken(token, key, now);
    if (!verified.ok || !verified.evidence.storageKey.startsWith(`${STAGING_PREFIX}/`)) {
      invalidCount += 1;
      continue;
    }
    valid.set(verified.evidence.storageKey, verified.evidence);
  }
  return { valid: [...valid.values()], invalidCount };
}

/**
 * Moves staged files into a case's folder and records them as the reporter's attachments while
 * the database transaction is open, remembering every move so that `undo` can put the files
 * back if the transaction fails: a failed filing leaves no file in any case folder, and the
 * staged files stay usable for the next attempt.
 */
export function createEvidenceTransfer(storage: FileStorage = getEvidenceStorage()) {
  const moves: { from: string; to: string }[] = [];
  return {
    /** Throws StoredFileMissingError (lib/attachments/storage.ts) when a file is no longer staged. */
    async attachToCase(
      tx: Prisma.TransactionClient,
      evidence: readonly VerifiedStagedEvidence[],
      target: { caseId: string; messageId?: string; now: Date },
    ): Promise<void> {
      for (const file of evidence) {
        const storageKey = newCaseEvidenceKey(target.caseId);
        await storage.move(file.storageKey, storageKey);
        moves.push({ from: file.storageKey, to: storageKey });
        await tx.attachment.create({
          data: {
            caseId: target.caseId,
            messageId: target.messageId ?? null,
            fileName: file.fileName,
            mediaType: file.mediaType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            storageKey,
            uploadedBy: "REPORTER",
            createdAt: target.now,
          },
          select: { id: true },
        });
      }
    },

    async undo(): Promise<void> {
      for (const move of moves.splice(0).reverse()) {
        try {
          await storage.move(move.to, move.from);
        } catch (error) {
          // Back in staging is best; gone is acceptable; left in the case folder is not.
          console.error("evidence transfer: could not return a file to staging, deleting it", { key: move.to, error });
          await storage.delete(move.to);
        }
      }
    },
  };
}

/**
 * After a transaction that moved files failed: whether it is known not to have committed, so
 * that its files may go back to staging (`undo`). Yes when it failed before COMMIT was sent;
 * after that, a lost connection leaves the outcome open, and only `findCommitted` (does the row
 * it created exist?) can tell. Moving files out of a committed record would lose them; files
 * left behind by a transaction that did not commit are deleted by `sweepOrphanedCaseEvidence`.
 */
export async function isKnownRolledBack(options: { isCommitSent: boolean; findCommitted: () => Promise<boolean> }): Promise<boolean> {
  if (!options.isCommitSent) return true;
  try {
    return !(await options.findCommitted());
  } catch {
    return false;
  }
}

/** Files last written before this are past their token's lifetime, plus an hour to spare. */
function sweepCutoff(now: Date): Date {
  return new Date(now.getTime() - STAGED_EVIDENCE_LIFETIME_MS - 60 * 60 * 1000);
}

/**
 * Deletes staged files older than their token's lifetime (plus an hour, so a file is never
 * deleted while its token is still accepted). Driven by the files' modification times, so it
 * needs no bookkeeping; see lib/reports/housekeeping.ts for when it runs.
 */
export async function sweepStagedEvidence(now: Date = new Date()): Promise<number> {
  return getEvidenceStorage().deleteOlderThan(STAGING_PREFIX, sweepCutoff(now));
}

const ORPHAN_LOOKUP_BATCH = 500;

/**
 * Deletes files in case folders that no attachment row names. A transfer moves files before
 * its transaction commits; when the process dies in between (killed, out of memory, the
 * machine lost), the transaction rolls back but no `undo` runs, and the moved files would stay
 * forever. A move keeps the file's modification time, which is its upload time, so a file
 * whose token could still be attached by a running filing is always younger than the cutoff.
 */
export async function sweepOrphanedCaseEvidence(now: Date = new Date(), storage: FileStorage = getEvidenceStorage()): Promise<number> {
  const keys = await storage.listOlderThan(CASE_EVIDENCE_PREFIX, sweepCutoff(now));
  let deleted = 0;
  for (let start = 0; start < keys.length; start += ORPHAN_LOOKUP_BATCH) {
    const batch = keys.slice(start, start + ORPHAN_LOOKUP_BATCH);
    const recorded = await db.attachment.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const recordedKeys = new Set(recorded.map((attachment) => attachment.storageKey));
    for (const key of batch.filter((candidate) => !recordedKeys.has(candidate))) {
      await storage.delete(key);
      deleted += 1;
    }
  }
  return deleted;
}
