-- AlterTable
ALTER TABLE "User" ADD COLUMN     "blockNoticeAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "mutedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CaseIntake" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "activityId" INTEGER,
    "enteredById" INTEGER NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactConsentAt" TIMESTAMP(3),
    "claimCodeHash" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "claimedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseIntake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernParty" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'cosigner',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "ConcernParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernHold" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "similarToId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decision" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ConcernHold_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CaseIntake" ADD CONSTRAINT "CaseIntake_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseIntake" ADD CONSTRAINT "CaseIntake_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseIntake" ADD CONSTRAINT "CaseIntake_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseIntake" ADD CONSTRAINT "CaseIntake_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernParty" ADD CONSTRAINT "ConcernParty_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernParty" ADD CONSTRAINT "ConcernParty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernHold" ADD CONSTRAINT "ConcernHold_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernHold" ADD CONSTRAINT "ConcernHold_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

