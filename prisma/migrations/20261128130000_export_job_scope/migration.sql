-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scopeKey" TEXT;
