-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "escalation" TEXT,
ADD COLUMN     "followedUpAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "escalation" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "sendStartedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeliveryPause" (
    "id" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryPause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Concern_status_remindedAt_createdAt_idx" ON "Concern"("status", "remindedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Concern_status_escalation_dueAt_idx" ON "Concern"("status", "escalation", "dueAt");

-- CreateIndex
CREATE INDEX "Concern_followedUpAt_closedAt_idx" ON "Concern"("followedUpAt", "closedAt");

-- CreateIndex
CREATE INDEX "Referral_status_escalation_deadline_idx" ON "Referral"("status", "escalation", "deadline");

-- CreateIndex
CREATE INDEX "Job_status_finishedAt_idx" ON "Job"("status", "finishedAt");

