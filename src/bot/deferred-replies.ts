// Receiving and recording never wait for sending. When Telegram has paused the bot's sending
// (a 429 with a retry_after too long to keep a person waiting: the pacer answers 429 at once,
// src/jobs/pacer.ts), the bot's answer to whoever acted is not lost and the update is not held:
// it is queued as a "reply" message (src/domain/messages.ts) that the worker sends once the
// pause is over, and the handler carries on as if it had been sent. Every sending method the
// bot's answers use is queued: texts, edits of a text (sent as a new message: the old one may be
// gone by then), files by file_id or uploaded (a chart, an export: queued with their bytes),
// albums (sendMediaGroup) and locations; a redraw of buttons alone (editMessageReplyMarkup) is
// skipped, a stale button being answered when tapped.
//
// The pause is stored (src/db/queries/delivery-pause.ts): a process that did not meet the 429
// itself — another instance, or this one after a restart — learns of it before its next
// answer (learnStoredPause), instead of from a 429 of its own.
import { randomUUID } from "node:crypto";
import { InputFile, type Transformer } from "grammy";
import type { Database } from "../db/client.js";
import { enqueue, messageJob } from "../db/outbox.js";
import { findDeliveryPause } from "../db/queries/delivery-pause.js";
import type { ReplyPart } from "../domain/messages.js";
import { type Pacer, sendingMethod } from "../jobs/pacer.js";
import type { Logger } from "../logger.js";

type Payload = Record<string, unknown>;
type Upload = NonNullable<ReplyPart["upload"]>;
const fileMethods: Record<string, Exclude<ReplyPart["type"], "text" | "location" | "album">> = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVoice: "voice",
  sendVideo: "video",
  sendAudio: "audio",
};
const albumTypes: readonly string[] = ["photo", "video", "document", "audio"];
/** Largest file queued by its bytes: a chart or an export, never a person's upload (those have file_ids). */
const MAX_QUEUED_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A file of a payload: its file_id, or the bytes of an InputFile made from a buffer; undefined otherwise. */
async function fileOf(value: unknown): Promise<{ fileId: string } | { upload: Upload } | undefined> {
  if (typeof value === "string") return { fileId: value };
  if (!(value instanceof InputFile)) return undefined;
  const raw = await value.toRaw();
  if (!(raw instanceof Uint8Array) || raw.byteLength > MAX_QUEUED_UPLOAD_BYTES) return undefined;
  return { upload: { data: Buffer.from(raw).toString("base64"), filename: value.filename ?? "file" } };
}

/** What a refused call would have shown, as a part to queue; undefined when it cannot be queued. */
export async function replyPartOf(method: string, payload: Payload): Promise<ReplyPart | undefined> {
  const html = payload.parse_mode === "HTML";
  const keyboard = payload.reply_markup as ReplyPart["keyboard"];
  const withKeyboard = keyboard ? { keyboard } : {};
  if ((method === "sendMessage" || method === "editMessageText") && typeof payload.text === "string") {
    const entities = payload.entities as ReplyPart["entities"];
    return { type: "text", text: payload.text, html, ...(entities ? { entities } : {}), ...withKeyboard };
  }
  if (method === "sendLocation") {
    const latitude = Number(payload.latitude);
    const longitude = Number(payload.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
    return { type: "location", latitude, longitude, html: false, ...withKeyboard };
  }
  if (method === "sendMediaGroup") {
    const media = Array.isArray(payload.media) ? (payload.media as Payload[]) : [];
    const items: NonNullable<ReplyPart["items"]> = [];
    for (const item of media) {
      const file = await fileOf(item.media);
      if (!file || !albumTypes.includes(String(item.type))) return undefined;
      items.push({ type: item.type as NonNullable<ReplyPart["items"]>[number]["type"], ...file });
    }
    if (items.length === 0) return undefined;
    // The album's caption is its first item's.
    const first = media[0]!;
    const entities = first.caption_entities as ReplyPart["entities"];
    return {
      type: "album",
      items,
      html: first.parse_mode === "HTML",
      ...(typeof first.caption === "string" ? { caption: first.caption } : {}),
      ...(entities ? { entities } : {}),
    };
  }
  const type = fileMethods[method];
  const file = type ? await fileOf(payload[type]) : undefined;
  if (!type || !file) return undefined;
  const entities = payload.caption_entities as ReplyPart["entities"];
  return {
    type,
    ...file,
    ...(typeof payload.caption === "string" ? { caption: payload.caption } : {}),
    html,
    ...(entities ? { entities } : {}),
    ...withKeyboard,
  };
}

/** The answer a handler gets for a queued call: what Telegram would have returned, message_id 0. */
function queuedResult(part: ReplyPart, chatId: number, at: Date) {
  const message = (extra: Payload) => ({
    message_id: 0,
    date: Math.floor(at.getTime() / 1000),
    chat: { id: chatId, type: "private" },
    ...extra,
  });
  if (part.type === "album")
    return (part.items ?? []).map((_, i) => message(i === 0 ? { caption: part.caption } : {}));
  if (part.type === "location")
    return message({ location: { latitude: part.latitude, longitude: part.longitude } });
  return message(part.type === "text" ? { text: part.text } : { caption: part.caption });
}

/**
 * The transformer, on bot.api outside the pacer's: a 429 answer to a call that replyPartOf
 * can queue is queued for the chat's user (runAt: when the pause ends) and answered as sent
 * (a Message with message_id 0, or an album of them); a 429 to editMessageReplyMarkup is
 * answered `true` (the buttons stay; tapped, they are answered as stale). Other 429s, and
 * chats of no known user, reach the caller.
 */
export function deferWhenPaused(db: Database, now: () => Date, logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok || result.error_code !== 429) return result;
    if (method === "editMessageReplyMarkup") {
      logger.info({ method }, "sending is paused: a redraw of buttons is skipped");
      return { ok: true, result: true } as unknown as typeof result;
    }
    const p = payload as Payload;
    const chatId = Number(p.chat_id);
    if (!Number.isSafeInteger(chatId) || chatId <= 0) return result;
    const part = await replyPartOf(method, p);
    if (!part) return result;
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
    return { ok: true, result: queuedResult(part, chatId, at) } as unknown as typeof result;
  };
}

/**
 * How often (ms) an instance that knows of no pause reads the stored one: once per second, so
 * that a flood of answers costs one read a second rather than one per answer, and a pause met
 * by another instance is honoured here within a second of being stored.
 */
export const STORED_PAUSE_RECHECK_MS = 1000;

/**
 * The transformer, on bot.api between deferWhenPaused and the pacer's: before a sending call
 * (unless this process already knows of a pause, or read the stored one less than `recheckMs`
 * ago) it reads the stored pause — one row by its key — and pauses this process's pacer for what is left of it, so that an instance that did
 * not meet the 429 — another one, or this one restarted — queues its answers instead of
 * calling Telegram during the pause. A failed read is logged and the call goes on.
 */
export function learnStoredPause(
  db: Database,
  pacer: Pacer,
  now: () => Date,
  logger: Logger,
  recheckMs = STORED_PAUSE_RECHECK_MS,
): Transformer {
  let checkedAt = Number.NEGATIVE_INFINITY;
  return async (prev, method, payload, signal) => {
    // The interval is measured on the monotonic clock, not on `now` (which tests may hold still).
    if (
      sendingMethod.test(method) &&
      pacer.pausedForMs() === 0 &&
      performance.now() - checkedAt >= recheckMs
    ) {
      checkedAt = performance.now();
      const at = now();
      try {
        const until = await findDeliveryPause(db.prisma, at);
        if (until) pacer.pause(until.getTime() - at.getTime());
      } catch (error) {
        logger.warn({ err: error }, "could not read the stored pause of sending");
      }
    }
    return prev(method, payload, signal);
  };
}
