-- CreateEnum
CREATE TYPE "InvolvementReportStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISMISSED');

-- AlterEnum
ALTER TYPE "HolidayKind" ADD VALUE 'REGIONAL_HOLIDAY';

-- DropIndex
DROP INDEX "Holiday_date_key";

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "address" TEXT,
ADD COLUMN     "openingHours" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "officeId" INTEGER,
ADD COLUMN     "province" TEXT,
ADD COLUMN     "scopeKey" TEXT NOT NULL DEFAULT 'national',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ServiceFee" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "feeRupiah" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "legalBasis" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceFee_pkey" PRIMARY KEY ("id")
);

-- Every existing fee becomes the first row of its history, in force since PP 45/2024 took effect
-- (for incidents before the earliest row, the earliest known fee is used)
INSERT INTO "ServiceFee" ("serviceId", "feeRupiah", "effectiveFrom", "legalBasis")
SELECT "id", "feeRupiah", DATE '2024-12-17', "legalBasis" FROM "Service";

-- AlterTable
ALTER TABLE "Service" DROP COLUMN "feeRupiah";

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "id" SERIAL NOT NULL,
    "officeId" INTEGER,
    "titleId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffPasswordToken" (
    "id" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffPasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvolvementReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "reportedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "InvolvementReportStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvolvementReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceFee_serviceId_effectiveFrom_key" ON "ServiceFee"("serviceId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ReplyTemplate_officeId_idx" ON "ReplyTemplate"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffPasswordToken_tokenHash_key" ON "StaffPasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffPasswordToken_staffUserId_idx" ON "StaffPasswordToken"("staffUserId");

-- CreateIndex
CREATE INDEX "InvolvementReport_caseId_status_idx" ON "InvolvementReport"("caseId", "status");

-- CreateIndex
CREATE INDEX "InvolvementReport_status_createdAt_idx" ON "InvolvementReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Holiday_officeId_idx" ON "Holiday"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_scopeKey_key" ON "Holiday"("date", "scopeKey");

-- AddForeignKey
ALTER TABLE "ServiceFee" ADD CONSTRAINT "ServiceFee_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceFee" ADD CONSTRAINT "ServiceFee_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffPasswordToken" ADD CONSTRAINT "StaffPasswordToken_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffPasswordToken" ADD CONSTRAINT "StaffPasswordToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvolvementReport" ADD CONSTRAINT "InvolvementReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvolvementReport" ADD CONSTRAINT "InvolvementReport_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvolvementReport" ADD CONSTRAINT "InvolvementReport_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvolvementReport" ADD CONSTRAINT "InvolvementReport_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

