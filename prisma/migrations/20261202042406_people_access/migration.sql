-- AlterTable
ALTER TABLE "User" ADD COLUMN "suspendedAt" DATETIME;

-- CreateTable
CREATE TABLE "AccessAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "subjectId" INTEGER,
    "subjectLabel" TEXT NOT NULL,
    "role" TEXT,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AccessAudit_createdAt_idx" ON "AccessAudit"("createdAt");

-- CreateIndex
CREATE INDEX "AccessAudit_subjectId_createdAt_idx" ON "AccessAudit"("subjectId", "createdAt");

