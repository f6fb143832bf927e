-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('NATIONAL_HOLIDAY', 'CUTI_BERSAMA');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ScopeLevel" AS ENUM ('OFFICE', 'REGIONAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('COMPLAINT', 'PUNGLI');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'WALK_IN', 'PHONE', 'SMS', 'EMAIL', 'LETTER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER', 'RESOLVED', 'REJECTED', 'FORWARDED');

-- CreateEnum
CREATE TYPE "DeadlineTier" AS ENUM ('LIGHT', 'NORMATIVE', 'NO_INVESTIGATION', 'INVESTIGATION');

-- CreateEnum
CREATE TYPE "ReporterMode" AS ENUM ('ANONYMOUS', 'IDENTIFIED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'TRANSFER', 'E_WALLET', 'OTHER');

-- CreateEnum
CREATE TYPE "ForwardTarget" AS ENUM ('REGIONAL_OFFICE', 'INSPECTORATE_GENERAL', 'SABER_PUNGLI', 'OMBUDSMAN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('id', 'en');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('REPORTER_MESSAGE', 'PUBLIC_REPLY', 'INTERNAL_NOTE');

-- CreateEnum
CREATE TYPE "Uploader" AS ENUM ('REPORTER', 'STAFF');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('REPORTER', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('DUPLICATE', 'RELATED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "RegionalOffice" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegionalOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officeClass" TEXT,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "regionalOfficeId" INTEGER NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "feeRupiah" INTEGER NOT NULL,
    "feeUnit" TEXT,
    "legalBasis" TEXT,
    "sourceUrl" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "problemCode" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" SERIAL NOT NULL,
    "date" DATE NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scopeLevel" "ScopeLevel" NOT NULL,
    "officeId" INTEGER,
    "regionalOfficeId" INTEGER,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "totpLastUsedStep" INTEGER,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "passwordChangedAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "receiptSecretHash" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "channel" "Channel" NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'id',
    "officeId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "categoryId" INTEGER NOT NULL,
    "incidentDate" DATE,
    "incidentPlace" TEXT,
    "description" TEXT NOT NULL,
    "amountDemandedRupiah" INTEGER,
    "amountPaidRupiah" INTEGER,
    "paymentMethod" "PaymentMethod",
    "brokerInvolved" BOOLEAN,
    "receiptGiven" BOOLEAN,
    "accusedDescription" TEXT,
    "officialFeeRupiah" INTEGER,
    "feeDifferenceRupiah" INTEGER,
    "reporterMode" "ReporterMode" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'NEW',
    "deadlineTier" "DeadlineTier" NOT NULL DEFAULT 'NORMATIVE',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verificationDueAt" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "resolutionDueAt" TIMESTAMP(3),
    "clockPausedAt" TIMESTAMP(3),
    "pausedWorkingDays" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "isEscalated" BOOLEAN NOT NULL DEFAULT false,
    "escalatedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "forwardedTo" "ForwardTarget",
    "forwardNote" TEXT,
    "assigneeId" UUID,
    "intakeById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReporterContact" (
    "caseId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReporterContact_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "isSigned" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "messageId" UUID,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedBy" "Uploader" NOT NULL,
    "uploaderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "caseId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "CaseLink" (
    "id" UUID NOT NULL,
    "fromCaseId" UUID NOT NULL,
    "toCaseId" UUID NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseInvolvement" (
    "caseId" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "markedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseInvolvement_pkey" PRIMARY KEY ("caseId","staffUserId")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ExportJob" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "params" JSONB NOT NULL,
    "requestedById" UUID NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "storageKey" TEXT,
    "fileName" TEXT,
    "error" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegionalOffice_code_key" ON "RegionalOffice"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");

-- CreateIndex
CREATE INDEX "Office_regionalOfficeId_idx" ON "Office"("regionalOfficeId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_code_key" ON "Service"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Category_code_key" ON "Category"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_key" ON "Holiday"("date");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "StaffUser_officeId_idx" ON "StaffUser"("officeId");

-- CreateIndex
CREATE INDEX "StaffUser_regionalOfficeId_idx" ON "StaffUser"("regionalOfficeId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_trackingCode_key" ON "Case"("trackingCode");

-- CreateIndex
CREATE INDEX "Case_officeId_status_receivedAt_idx" ON "Case"("officeId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "Case_officeId_receivedAt_id_idx" ON "Case"("officeId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Case_receivedAt_id_idx" ON "Case"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Case_assigneeId_status_idx" ON "Case"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Case_status_verificationDueAt_idx" ON "Case"("status", "verificationDueAt");

-- CreateIndex
CREATE INDEX "Case_status_resolutionDueAt_idx" ON "Case"("status", "resolutionDueAt");

-- CreateIndex
CREATE INDEX "Case_categoryId_receivedAt_idx" ON "Case"("categoryId", "receivedAt");

-- CreateIndex
CREATE INDEX "Case_serviceId_receivedAt_idx" ON "Case"("serviceId", "receivedAt");

-- CreateIndex
CREATE INDEX "CaseMessage_caseId_createdAt_idx" ON "CaseMessage"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_caseId_idx" ON "Attachment"("caseId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_id_idx" ON "CaseEvent"("caseId", "id");

-- CreateIndex
CREATE INDEX "CaseEvent_actorId_createdAt_idx" ON "CaseEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseEvent_action_createdAt_idx" ON "CaseEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "CaseLink_toCaseId_idx" ON "CaseLink"("toCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseLink_fromCaseId_toCaseId_key" ON "CaseLink"("fromCaseId", "toCaseId");

-- CreateIndex
CREATE INDEX "CaseInvolvement_staffUserId_idx" ON "CaseInvolvement"("staffUserId");

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");

-- CreateIndex
CREATE INDEX "ExportJob_status_createdAt_idx" ON "ExportJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ExportJob_requestedById_createdAt_idx" ON "ExportJob"("requestedById", "createdAt");

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_regionalOfficeId_fkey" FOREIGN KEY ("regionalOfficeId") REFERENCES "RegionalOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_regionalOfficeId_fkey" FOREIGN KEY ("regionalOfficeId") REFERENCES "RegionalOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_intakeById_fkey" FOREIGN KEY ("intakeById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReporterContact" ADD CONSTRAINT "ReporterContact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CaseMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_fromCaseId_fkey" FOREIGN KEY ("fromCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_toCaseId_fkey" FOREIGN KEY ("toCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseInvolvement" ADD CONSTRAINT "CaseInvolvement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseInvolvement" ADD CONSTRAINT "CaseInvolvement_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseInvolvement" ADD CONSTRAINT "CaseInvolvement_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Full-text search over the case text, in the Postgres "indonesian" configuration.
-- The Prisma schema language cannot express a generated column, so it lives here
-- and in the migration that introduced it. The drift check applies both.
-- (No semicolons or apostrophes in comments: the migration runner splits on them.)
ALTER TABLE "Case" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector(
    'indonesian'::regconfig,
    coalesce("description", '') || ' ' || coalesce("incidentPlace", '') || ' ' || coalesce("accusedDescription", '')
  )
) STORED;

CREATE INDEX "Case_searchVector_idx" ON "Case" USING GIN ("searchVector");
