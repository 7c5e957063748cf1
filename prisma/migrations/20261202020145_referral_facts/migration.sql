-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseFact" (
    "concernId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "districtId" INTEGER NOT NULL,
    "categoryId" INTEGER,
    "assigneeId" INTEGER,
    "status" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "receivedMonth" TEXT NOT NULL,
    "dueAt" DATETIME,
    "closedAt" DATETIME,
    "countable" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "closedOnTime" INTEGER NOT NULL,
    "closedOnce" INTEGER NOT NULL,
    "reopened" INTEGER NOT NULL,
    "takenOn" INTEGER NOT NULL,
    "referred" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "unsatisfied" INTEGER NOT NULL,
    "ratedResolved" INTEGER NOT NULL,
    "replied" INTEGER NOT NULL,
    "firstReplySeconds" INTEGER,
    "referralAckOnTime" INTEGER NOT NULL DEFAULT 0,
    "referralReturned" INTEGER NOT NULL DEFAULT 0,
    "referralExtended" INTEGER NOT NULL DEFAULT 0,
    "referralAnswered" INTEGER NOT NULL DEFAULT 0,
    "answerA" INTEGER NOT NULL DEFAULT 0,
    "answerB" INTEGER NOT NULL DEFAULT 0,
    "answerC" INTEGER NOT NULL DEFAULT 0,
    "answerD" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_CaseFact" ("assigneeId", "categoryId", "closed", "closedAt", "closedOnTime", "closedOnce", "concernId", "countable", "districtId", "dueAt", "firstReplySeconds", "open", "rated", "ratedResolved", "receivedAt", "receivedMonth", "referred", "reopened", "replied", "satisfied", "status", "takenOn", "unsatisfied", "updatedAt") SELECT "assigneeId", "categoryId", "closed", "closedAt", "closedOnTime", "closedOnce", "concernId", "countable", "districtId", "dueAt", "firstReplySeconds", "open", "rated", "ratedResolved", "receivedAt", "receivedMonth", "referred", "reopened", "replied", "satisfied", "status", "takenOn", "unsatisfied", "updatedAt" FROM "CaseFact";
DROP TABLE "CaseFact";
ALTER TABLE "new_CaseFact" RENAME TO "CaseFact";
CREATE INDEX "CaseFact_receivedAt_idx" ON "CaseFact"("receivedAt");
CREATE INDEX "CaseFact_districtId_receivedAt_idx" ON "CaseFact"("districtId", "receivedAt");
CREATE INDEX "CaseFact_assigneeId_receivedAt_idx" ON "CaseFact"("assigneeId", "receivedAt");
CREATE INDEX "CaseFact_open_districtId_dueAt_idx" ON "CaseFact"("open", "districtId", "dueAt");
CREATE INDEX "CaseFact_reply_order_idx" ON "CaseFact"("firstReplySeconds", "receivedAt", "districtId", "categoryId", "assigneeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

