-- CreateTable
CREATE TABLE "CaseMessageRef" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "concernId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseMessageRef_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseMessageRef_userId_idx" ON "CaseMessageRef"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMessageRef_chatId_messageId_key" ON "CaseMessageRef"("chatId", "messageId");

