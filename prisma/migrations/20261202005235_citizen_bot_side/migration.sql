-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "sequence" INTEGER;

-- AlterTable
ALTER TABLE "ConcernParty" ADD COLUMN "ratedAt" DATETIME;
ALTER TABLE "ConcernParty" ADD COLUMN "rating" TEXT;

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "PrivacyRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PrivacyRequest_userId_idx" ON "PrivacyRequest"("userId");

