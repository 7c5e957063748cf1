-- AlterTable
ALTER TABLE "User" ADD COLUMN "blockNoticeAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "mutedAt" DATETIME;

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "CaseIntake" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "concernId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "activityId" INTEGER,
    "enteredById" INTEGER NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactConsentAt" DATETIME,
    "claimCodeHash" TEXT,
    "claimExpiresAt" DATETIME,
    "claimedAt" DATETIME,
    "claimedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseIntake_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseIntake_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CaseIntake_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseIntake_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernParty" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "concernId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'cosigner',
    "createdAt" DATETIME NOT NULL,
    "leftAt" DATETIME,
    CONSTRAINT "ConcernParty_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConcernParty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "undoneAt" DATETIME,
    "undoneById" INTEGER,
    CONSTRAINT "ModerationAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ModerationAction_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernHold" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "concernId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "similarToId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "decision" TEXT,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    CONSTRAINT "ConcernHold_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConcernHold_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseIntake_concernId_key" ON "CaseIntake"("concernId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseIntake_claimCodeHash_key" ON "CaseIntake"("claimCodeHash");

-- CreateIndex
CREATE INDEX "CaseIntake_claimedById_idx" ON "CaseIntake"("claimedById");

-- CreateIndex
CREATE INDEX "ConcernParty_userId_idx" ON "ConcernParty"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernParty_concernId_userId_key" ON "ConcernParty"("concernId", "userId");

-- CreateIndex
CREATE INDEX "ModerationAction_userId_kind_undoneAt_idx" ON "ModerationAction"("userId", "kind", "undoneAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernHold_concernId_key" ON "ConcernHold"("concernId");

-- CreateIndex
CREATE INDEX "ConcernHold_decision_createdAt_idx" ON "ConcernHold"("decision", "createdAt");

-- CreateIndex
CREATE INDEX "Concern_erasedAt_closedAt_idx" ON "Concern"("erasedAt", "closedAt");

