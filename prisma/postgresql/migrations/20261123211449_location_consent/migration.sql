-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locationConsentAt" TIMESTAMP(3);

