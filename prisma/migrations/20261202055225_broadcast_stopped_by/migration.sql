-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN "cancelledById" INTEGER;

