-- AlterTable
ALTER TABLE "User" ADD COLUMN "staffNoticeAt" DATETIME;

