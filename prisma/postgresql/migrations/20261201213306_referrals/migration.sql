-- DropForeignKey
ALTER TABLE "Invite" DROP CONSTRAINT "Invite_districtId_fkey";

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "acknowledgeDays" INTEGER,
ADD COLUMN     "answerDays" INTEGER,
ADD COLUMN     "urgentAcknowledgeDays" INTEGER,
ADD COLUMN     "urgentAnswerDays" INTEGER;

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "contactSharedAt" TIMESTAMP(3),
ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedById" INTEGER,
ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ConcernEvent" ADD COLUMN     "internal" BOOLEAN,
ADD COLUMN     "referralId" INTEGER;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "acknowledgeBy" TIMESTAMP(3),
ADD COLUMN     "acknowledgeReminderSentAt" TIMESTAMP(3),
ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "acknowledgedById" INTEGER,
ADD COLUMN     "amberSentAt" TIMESTAMP(3),
ADD COLUMN     "answerClass" TEXT,
ADD COLUMN     "answeredById" INTEGER,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "contactPerson" TEXT,
ADD COLUMN     "createdById" INTEGER,
ADD COLUMN     "deputyRatedAt" TIMESTAMP(3),
ADD COLUMN     "deputyRatedById" INTEGER,
ADD COLUMN     "deputyRating" TEXT,
ADD COLUMN     "deputyRatingNote" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "originalDeadline" TIMESTAMP(3),
ADD COLUMN     "promiseAskedAt" TIMESTAMP(3),
ADD COLUMN     "promisedAt" TIMESTAMP(3),
ADD COLUMN     "redSentAt" TIMESTAMP(3),
ADD COLUMN     "redoCount" INTEGER,
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "rerouteReminderSentAt" TIMESTAMP(3),
ADD COLUMN     "returnNote" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedById" INTEGER,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewOutcome" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" INTEGER,
ADD COLUMN     "reworkCount" INTEGER,
ADD COLUMN     "reworkReason" TEXT,
ADD COLUMN     "suggestedDepartmentId" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "departmentId" INTEGER,
ALTER COLUMN "districtId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ReferralExtension" (
    "id" SERIAL NOT NULL,
    "referralId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "reason" TEXT NOT NULL,
    "requestedDeadline" TIMESTAMP(3) NOT NULL,
    "previousDeadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentContact" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "DepartmentContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" SERIAL NOT NULL,
    "categoryId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingCalendarYear" (
    "year" INTEGER NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "file" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkingCalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "ReferralExtension_referralId_status_idx" ON "ReferralExtension"("referralId", "status");

-- CreateIndex
CREATE INDEX "DepartmentContact_userId_idx" ON "DepartmentContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentContact_departmentId_userId_key" ON "DepartmentContact"("departmentId", "userId");

-- CreateIndex
CREATE INDEX "CannedReply_categoryId_archivedAt_idx" ON "CannedReply"("categoryId", "archivedAt");

-- CreateIndex
CREATE INDEX "ConcernEvent_referralId_createdAt_idx" ON "ConcernEvent"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "ConcernEvent_kind_createdAt_idx" ON "ConcernEvent"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_departmentId_status_idx" ON "Referral"("departmentId", "status");

-- AddForeignKey
ALTER TABLE "ReferralExtension" ADD CONSTRAINT "ReferralExtension_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentContact" ADD CONSTRAINT "DepartmentContact_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentContact" ADD CONSTRAINT "DepartmentContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CannedReply" ADD CONSTRAINT "CannedReply_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

