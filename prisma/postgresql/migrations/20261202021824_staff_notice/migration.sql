-- AlterTable
ALTER TABLE "User" ADD COLUMN     "staffNoticeAt" TIMESTAMP(3);

