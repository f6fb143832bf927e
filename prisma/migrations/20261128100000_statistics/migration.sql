-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "resolutionWorkingDays" INTEGER,
ADD COLUMN     "verificationWorkingDays" INTEGER;

-- CreateTable
CREATE TABLE "PublicStatsSnapshot" (
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicStatsSnapshot_pkey" PRIMARY KEY ("key")
);


-- Backfill the durations of cases decided before these columns existed, counted as
-- lib/deadlines/working-days.ts countWorkingDaysBetween counts: the working days after the
-- Jakarta day of receipt up to and including the Jakarta day of the decision
UPDATE "Case" c SET "verificationWorkingDays" = (
    SELECT count(*)::int FROM generate_series(
        (c."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date + 1,
        (COALESCE(c."verifiedAt", c."closedAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date,
        interval '1 day') AS day
    WHERE extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = day::date))
WHERE COALESCE(c."verifiedAt", c."closedAt") IS NOT NULL;

UPDATE "Case" c SET "resolutionWorkingDays" = GREATEST(0, (
    SELECT count(*)::int FROM generate_series(
        (c."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date + 1,
        (c."closedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date,
        interval '1 day') AS day
    WHERE extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = day::date)) - c."pausedWorkingDays")
WHERE c."closedAt" IS NOT NULL;
