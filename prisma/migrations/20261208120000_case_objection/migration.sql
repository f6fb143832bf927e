-- CreateTable
CREATE TABLE "CaseObjection" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedStatus" "CaseStatus" NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "reviewDueAt" TIMESTAMP(3) NOT NULL,
    "submissionId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseObjection_caseId_key" ON "CaseObjection"("caseId");

-- CreateIndex
CREATE INDEX "CaseObjection_createdAt_idx" ON "CaseObjection"("createdAt");

-- AddForeignKey
ALTER TABLE "CaseObjection" ADD CONSTRAINT "CaseObjection_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

