-- AlterTable
ALTER TABLE "Category" ADD COLUMN "acknowledgeDays" INTEGER;
ALTER TABLE "Category" ADD COLUMN "answerDays" INTEGER;
ALTER TABLE "Category" ADD COLUMN "urgentAcknowledgeDays" INTEGER;
ALTER TABLE "Category" ADD COLUMN "urgentAnswerDays" INTEGER;

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN "assignedAt" DATETIME;
ALTER TABLE "Concern" ADD COLUMN "contactSharedAt" DATETIME;
ALTER TABLE "Concern" ADD COLUMN "mergedAt" DATETIME;
ALTER TABLE "Concern" ADD COLUMN "mergedById" INTEGER;
ALTER TABLE "Concern" ADD COLUMN "pausedAt" DATETIME;

-- AlterTable
ALTER TABLE "ConcernEvent" ADD COLUMN "internal" BOOLEAN;
ALTER TABLE "ConcernEvent" ADD COLUMN "referralId" INTEGER;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN "acknowledgeBy" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "acknowledgeReminderSentAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "acknowledgedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "acknowledgedById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "amberSentAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "answerClass" TEXT;
ALTER TABLE "Referral" ADD COLUMN "answeredById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "contactPerson" TEXT;
ALTER TABLE "Referral" ADD COLUMN "createdById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "deputyRatedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "deputyRatedById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "deputyRating" TEXT;
ALTER TABLE "Referral" ADD COLUMN "deputyRatingNote" TEXT;
ALTER TABLE "Referral" ADD COLUMN "note" TEXT;
ALTER TABLE "Referral" ADD COLUMN "originalDeadline" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "promiseAskedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "promisedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "redSentAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "redoCount" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "reminderSentAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "rerouteReminderSentAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "returnNote" TEXT;
ALTER TABLE "Referral" ADD COLUMN "returnReason" TEXT;
ALTER TABLE "Referral" ADD COLUMN "returnedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "returnedById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Referral" ADD COLUMN "reviewOutcome" TEXT;
ALTER TABLE "Referral" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "reviewedById" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "reworkCount" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "reworkReason" TEXT;
ALTER TABLE "Referral" ADD COLUMN "suggestedDepartmentId" INTEGER;
ALTER TABLE "Referral" ADD COLUMN "updatedAt" DATETIME;
ALTER TABLE "Referral" ADD COLUMN "withdrawnAt" DATETIME;

-- CreateTable
CREATE TABLE "ReferralExtension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "referralId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "reason" TEXT NOT NULL,
    "requestedDeadline" DATETIME NOT NULL,
    "previousDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralExtension_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DepartmentContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "departmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "DepartmentContact_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DepartmentContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "categoryId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    CONSTRAINT "CannedReply_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkingCalendarYear" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "confirmed" BOOLEAN NOT NULL,
    "file" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "districtId" INTEGER,
    "departmentId" INTEGER,
    "stationId" INTEGER,
    "createdById" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Invite_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invite_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invite_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invite_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invite" ("createdAt", "createdById", "districtId", "expiresAt", "id", "role", "stationId", "token", "usedAt", "usedById") SELECT "createdAt", "createdById", "districtId", "expiresAt", "id", "role", "stationId", "token", "usedAt", "usedById" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_token_key" ON "Invite"("token");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

