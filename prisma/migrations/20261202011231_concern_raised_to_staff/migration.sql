-- AlterTable
ALTER TABLE "Concern" ADD COLUMN "raisedToStaffAt" DATETIME;

