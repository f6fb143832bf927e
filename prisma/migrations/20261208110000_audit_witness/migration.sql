-- Issue 16 follow-up: every audit event appended from now on records the newest audit seal it
-- could see (lib/audit/seal.ts), covered by its MAC, so a chain's newest events cannot be deleted
-- without deleting every event appended after the next seal. Rows written before keep no witness.

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "witnessHash" TEXT,
ADD COLUMN     "witnessId" BIGINT;
