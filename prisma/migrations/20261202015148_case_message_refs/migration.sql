-- CreateTable
CREATE TABLE "CaseMessageRef" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "concernId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseMessageRef_userId_idx" ON "CaseMessageRef"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMessageRef_chatId_messageId_key" ON "CaseMessageRef"("chatId", "messageId");

