-- CreateTable
CREATE TABLE "CaseFact" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StatsState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeputyReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deputyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonalDataExport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "districtId" INTEGER,
    "operator" TEXT NOT NULL,
    "rows" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseFact_receivedAt_idx" ON "CaseFact"("receivedAt");

-- CreateIndex
CREATE INDEX "CaseFact_districtId_receivedAt_idx" ON "CaseFact"("districtId", "receivedAt");

-- CreateIndex
CREATE INDEX "CaseFact_assigneeId_receivedAt_idx" ON "CaseFact"("assigneeId", "receivedAt");

-- CreateIndex
CREATE INDEX "CaseFact_open_districtId_dueAt_idx" ON "CaseFact"("open", "districtId", "dueAt");

-- CreateIndex
CREATE INDEX "CaseFact_reply_order_idx" ON "CaseFact"("firstReplySeconds", "receivedAt", "districtId", "categoryId", "assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "DeputyReport_deputyId_year_key" ON "DeputyReport"("deputyId", "year");

-- CreateIndex
CREATE INDEX "ConcernEvent_createdAt_idx" ON "ConcernEvent"("createdAt");

