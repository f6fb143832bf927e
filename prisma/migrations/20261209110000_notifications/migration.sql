-- CreateEnum
CREATE TYPE "NotificationRecipient" AS ENUM ('STAFF', 'REPORTER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('CASE_UPDATED', 'CASE_CLOSED', 'CASE_AUTO_CLOSED', 'RETALIATION_CHECK', 'NEW_CASE', 'CASE_ASSIGNED', 'REPORTER_REPLIED', 'DEADLINE_DUE', 'ESCALATED', 'WEEKLY_DIGEST');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('NONE', 'PENDING', 'BATCHED', 'SENT', 'FAILED', 'BOUNCED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientKind" "NotificationRecipient" NOT NULL,
    "staffUserId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "caseId" UUID,
    "details" JSONB,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "mailStatus" "MailStatus" NOT NULL DEFAULT 'NONE',
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    "mailLastError" TEXT,
    "mailSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffNotificationSettings" (
    "staffUserId" UUID NOT NULL,
    "mutedMailKinds" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "locale" "Locale" NOT NULL DEFAULT 'id',
    "lastBatchMailedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffNotificationSettings_pkey" PRIMARY KEY ("staffUserId")
);

-- CreateTable
CREATE TABLE "ReporterNoticeEmail" (
    "caseId" UUID NOT NULL,
    "email" TEXT,
    "stoppedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReporterNoticeEmail_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "MailSuppression" (
    "addressHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailSuppression_pkey" PRIMARY KEY ("addressHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_staffUserId_createdAt_idx" ON "Notification"("staffUserId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_staffUserId_readAt_idx" ON "Notification"("staffUserId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_caseId_recipientKind_mailStatus_idx" ON "Notification"("caseId", "recipientKind", "mailStatus");

-- CreateIndex
CREATE INDEX "Notification_mailStatus_createdAt_idx" ON "Notification"("mailStatus", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotificationSettings" ADD CONSTRAINT "StaffNotificationSettings_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReporterNoticeEmail" ADD CONSTRAINT "ReporterNoticeEmail_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

