-- AlterTable
ALTER TABLE "User" ADD COLUMN "locationConsentAt" DATETIME;

