-- Issue 13, rules that run by themselves: auto-close of cases left waiting for the reporter
-- (its sweep index), the retaliation check (RetaliationCheck, the closedAt index), retaliation
-- reports as a case kind filed at a regional office's oversight desk and linked to the original
-- case (a system link has no staff author).

-- CreateEnum
CREATE TYPE "RetaliationAnswer" AS ENUM ('NO', 'YES');

-- AlterEnum
ALTER TYPE "CaseKind" ADD VALUE 'RETALIATION';

-- DropForeignKey
ALTER TABLE "CaseLink" DROP CONSTRAINT "CaseLink_createdById_fkey";

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "isOversightDesk" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "retaliationOfCaseId" UUID,
ADD COLUMN     "retaliationRound" INTEGER;

-- AlterTable
ALTER TABLE "CaseLink" ALTER COLUMN "createdById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RetaliationCheck" (
    "caseId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "answer" "RetaliationAnswer",
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "RetaliationCheck_pkey" PRIMARY KEY ("caseId","round")
);

-- CreateIndex
CREATE INDEX "Case_status_clockPausedAt_idx" ON "Case"("status", "clockPausedAt");

-- CreateIndex
CREATE INDEX "Case_closedAt_idx" ON "Case"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_retaliationOfCaseId_retaliationRound_key" ON "Case"("retaliationOfCaseId", "retaliationRound");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_retaliationOfCaseId_fkey" FOREIGN KEY ("retaliationOfCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetaliationCheck" ADD CONSTRAINT "RetaliationCheck_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

