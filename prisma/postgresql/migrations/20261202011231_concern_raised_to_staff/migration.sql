-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "raisedToStaffAt" TIMESTAMP(3);

