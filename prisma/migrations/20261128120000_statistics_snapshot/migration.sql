-- CreateTable
CREATE TABLE "StatisticsSnapshot" (
    "key" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatisticsSnapshot_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "StatisticsSnapshot_computedAt_idx" ON "StatisticsSnapshot"("computedAt");

