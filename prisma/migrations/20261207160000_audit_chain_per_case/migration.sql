-- Issue 16: the audit trail becomes a chain per case (chain version 3, written by the app from
-- now on), so appends to different cases no longer wait on one lock. The rows written so far
-- stay the legacy chain. Checkpoints signed until now signed that chain, they keep version 1.
-- Version 2 checkpoints sign the digest of every chain head.

-- AlterTable
ALTER TABLE "AuditCheckpoint" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
