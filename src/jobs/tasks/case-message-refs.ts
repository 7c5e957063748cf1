// Remembers which case each delivered message is about (CaseMessageRef), so that a Telegram
// reply to it goes to that case (src/bot/features/case-replies.ts).
import type { Prisma } from "../../db/client.js";
import { concernOfMessage, recordCaseMessages } from "../../db/queries/case-message-refs.js";
import type { MessageKind } from "../../domain/messages.js";
import type { DeliveryOutcome, OutcomeHook } from "../delivery.js";

/**
 * The delivery engine's outcome hook (src/jobs/delivery.ts onOutcome): every message about a
 * case that was sent is recorded with its Telegram message ids.
 */
export function recordCaseMessageOutcome(prisma: Prisma): OutcomeHook<MessageKind> {
  return async (message, outcome: DeliveryOutcome, { recipient, now }) => {
    const concernId = concernOfMessage(message);
    if (concernId === undefined || outcome.status !== "sent" || !recipient) return;
    await recordCaseMessages(prisma, {
      chatId: recipient.telegramId,
      messageIds: outcome.messageIds,
      concernId,
      userId: recipient.id,
      now,
    });
  };
}
