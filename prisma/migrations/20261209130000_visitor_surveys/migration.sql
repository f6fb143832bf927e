-- Visitor surveys (issue 14): answers, one-time invitation codes, burst flags, and the SURVEYOR role.
-- CreateEnum
CREATE TYPE "SurveyChannel" AS ENUM ('RANDOM_INVITATION', 'OPEN_POSTER', 'INTERVIEWER');

-- CreateEnum
CREATE TYPE "SurveyPaymentAskedBy" AS ENUM ('STAFF', 'BROKER');

-- CreateEnum
CREATE TYPE "SurveyBurstStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SURVEYOR';

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "channel" "SurveyChannel" NOT NULL,
    "submittedOn" DATE NOT NULL,
    "scoreRequirements" INTEGER NOT NULL,
    "scoreProcedure" INTEGER NOT NULL,
    "scoreTime" INTEGER NOT NULL,
    "scoreCost" INTEGER NOT NULL,
    "scoreProduct" INTEGER NOT NULL,
    "scoreStaffCompetence" INTEGER NOT NULL,
    "scoreStaffConduct" INTEGER NOT NULL,
    "scoreComplaintHandling" INTEGER NOT NULL,
    "scoreFacilities" INTEGER NOT NULL,
    "askedToPay" BOOLEAN NOT NULL,
    "askedToPayAmountRupiah" INTEGER,
    "askedToPayBy" "SurveyPaymentAskedBy",
    "offeredShortcutByBroker" BOOLEAN NOT NULL,
    "receiptGiven" BOOLEAN,
    "comment" TEXT,
    "interviewerId" UUID,
    "burstFlagId" UUID,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "ticketNumber" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyBurstFlag" (
    "id" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "channel" "SurveyChannel" NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "status" "SurveyBurstStatus" NOT NULL DEFAULT 'OPEN',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyBurstFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyBurstWindow" (
    "officeId" INTEGER NOT NULL,
    "channel" "SurveyChannel" NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "responseIds" UUID[],
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyBurstWindow_pkey" PRIMARY KEY ("officeId","channel","windowStart")
);

-- CreateIndex
CREATE INDEX "SurveyResponse_officeId_submittedOn_idx" ON "SurveyResponse"("officeId", "submittedOn");

-- CreateIndex
CREATE INDEX "SurveyResponse_submittedOn_officeId_serviceId_idx" ON "SurveyResponse"("submittedOn", "officeId", "serviceId");

-- CreateIndex
CREATE INDEX "SurveyResponse_burstFlagId_idx" ON "SurveyResponse"("burstFlagId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_codeHash_key" ON "SurveyInvitation"("codeHash");

-- CreateIndex
CREATE INDEX "SurveyInvitation_expiresAt_idx" ON "SurveyInvitation"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_officeId_day_ticketNumber_key" ON "SurveyInvitation"("officeId", "day", "ticketNumber");

-- CreateIndex
CREATE INDEX "SurveyBurstFlag_officeId_status_idx" ON "SurveyBurstFlag"("officeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyBurstFlag_officeId_channel_windowStart_key" ON "SurveyBurstFlag"("officeId", "channel", "windowStart");

-- CreateIndex
CREATE INDEX "SurveyBurstWindow_expiresAt_idx" ON "SurveyBurstWindow"("expiresAt");

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_burstFlagId_fkey" FOREIGN KEY ("burstFlagId") REFERENCES "SurveyBurstFlag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyBurstFlag" ADD CONSTRAINT "SurveyBurstFlag_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyBurstFlag" ADD CONSTRAINT "SurveyBurstFlag_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyBurstWindow" ADD CONSTRAINT "SurveyBurstWindow_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

