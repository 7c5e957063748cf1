-- CreateTable
CREATE TABLE "CaseFact" (
    "concernId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "categoryId" INTEGER,
    "assigneeId" INTEGER,
    "status" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "receivedMonth" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseFact_pkey" PRIMARY KEY ("concernId")
);

-- CreateTable
CREATE TABLE "StatsState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatsState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DeputyReport" (
    "id" SERIAL NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeputyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalDataExport" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "districtId" INTEGER,
    "operator" TEXT NOT NULL,
    "rows" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalDataExport_pkey" PRIMARY KEY ("id")
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

