// Receiving and recording never wait for sending. When Telegram has paused the bot's sending
// (a 429 with a retry_after too long to keep a person waiting: the pacer answers 429 at once,
// src/jobs/pacer.ts), the bot's answer to whoever acted is not lost and the update is not held:
// it is queued as a "reply" message (src/domain/messages.ts) that the worker sends once the
// pause is over, and the handler carries on as if it had been sent. What is queued: texts,
// edits of a text (sent as a new message: the old one may be gone by then) and files by file_id.
import { randomUUID } from "node:crypto";
import type { Transformer } from "grammy";
import type { Database } from "../db/client.js";
import { enqueue, messageJob } from "../db/outbox.js";
import type { ReplyPart } from "../domain/messages.js";
import type { Logger } from "../logger.js";

type Payload = Record<string, unknown>;
const fileMethods: Record<string, ReplyPart["type"]> = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVoice: "voice",
  sendVideo: "video",
  sendAudio: "audio",
};

/** What a refused call would have shown, as a part to queue; undefined when it cannot be queued. */
export function replyPartOf(method: string, payload: Payload): ReplyPart | undefined {
  const html = payload.parse_mode === "HTML";
  const keyboard = payload.reply_markup as ReplyPart["keyboard"];
  if ((method === "sendMessage" || method === "editMessageText") && typeof payload.text === "string") {
    const entities = payload.entities as ReplyPart["entities"];
    return {
      type: "text",
      text: payload.text,
      html,
      ...(entities ? { entities } : {}),
      ...(keyboard ? { keyboard } : {}),
    };
  }
  const type = fileMethods[method];
  const file = type ? payload[type] : undefined;
  if (!type || typeof file !== "string") return undefined;
  const entities = payload.caption_entities as ReplyPart["entities"];
  return {
    type,
    fileId: file,
    ...(typeof payload.caption === "string" ? { caption: payload.caption } : {}),
    html,
    ...(entities ? { entities } : {}),
    ...(keyboard ? { keyboard } : {}),
  };
}

/**
 * The transformer, on bot.api outside the pacer's: a 429 answer to a call that replyPartOf
 * can queue is queued for the chat's user (runAt: when the pause ends) and answered as sent
 * (a Message with message_id 0). Other 429s, and chats of no known user, reach the caller.
 */
export function deferWhenPaused(db: Database, now: () => Date, logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok || result.error_code !== 429) return result;
    const p = payload as Payload;
    const part = replyPartOf(method, p);
    const chatId = Number(p.chat_id);
    if (!part || !Number.isSafeInteger(chatId) || chatId <= 0) return result;
    const user = await db.prisma.user.findUnique({ where: { telegramId: BigInt(chatId) } });
    if (!user) return result;
    const at = now();
    const retryAfterMs = (result.parameters?.retry_after ?? 1) * 1000;
    const job = messageJob(
      { kind: "reply", recipientId: user.id, replyId: randomUUID(), part },
      new Date(at.getTime() + retryAfterMs),
    );
    await enqueue(db.prisma, db.dialect, [job], at);
    logger.warn({ method, chatId, retryAfterMs }, "sending is paused: the answer is queued");
    const sent = {
      message_id: 0,
      date: Math.floor(at.getTime() / 1000),
      chat: { id: chatId, type: "private" },
      ...(part.type === "text" ? { text: part.text } : { caption: part.caption }),
    };
    return { ok: true, result: sent } as unknown as typeof result;
  };
}
