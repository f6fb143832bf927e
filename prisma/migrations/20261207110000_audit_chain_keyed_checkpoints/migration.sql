-- Issue 11: the audit chain becomes keyed (an HMAC under a key derived from APP_SECRET).
-- Rows that exist now keep chainVersion 1 (plain SHA-256): SQL cannot know APP_SECRET, so the
-- first start of the app (or npm run audit:rekey) checks them and re-keys them to version 2.

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "chainVersion" INTEGER NOT NULL DEFAULT 1;

-- Signed daily checkpoints of the chain, published on /transparansi.
-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "day" DATE NOT NULL,
    "sequence" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("day")
);
