// Which case a message the bot sent is about (CaseMessageRef): recorded when a message about a
// case is delivered, read when someone replies to it in Telegram.
import type { OutgoingMessage } from "../../domain/messages.js";
import type { Prisma } from "../client.js";

/** The case an outgoing message is about, if any (every message kind that carries a `concernId`). */
export function concernOfMessage(message: OutgoingMessage): number | undefined {
  return "concernId" in message ? message.concernId : undefined;
}

/**
 * Records that messages `messageIds` in chat `chatId` (a private chat: the recipient's Telegram
 * id) are about case `concernId`; recording the same message twice keeps the first row.
 */
export async function recordCaseMessages(
  prisma: Prisma,
  input: { chatId: bigint; messageIds: number[]; concernId: number; userId: number; now: Date },
): Promise<void> {
  for (const messageId of input.messageIds) {
    await prisma.caseMessageRef.upsert({
      where: { chatId_messageId: { chatId: input.chatId, messageId } },
      create: {
        chatId: input.chatId,
        messageId,
        concernId: input.concernId,
        userId: input.userId,
        createdAt: input.now,
      },
      update: {},
    });
  }
}

/** The case the bot's message `messageId` in chat `chatId` was about, or undefined. */
export async function findCaseOfMessage(
  prisma: Prisma,
  chatId: bigint,
  messageId: number,
): Promise<number | undefined> {
  const row = await prisma.caseMessageRef.findUnique({
    where: { chatId_messageId: { chatId, messageId } },
    select: { concernId: true },
  });
  return row?.concernId;
}
