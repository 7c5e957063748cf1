// How queued messages reach Telegram: an Api of their own, and one message part at a time.
// The delivery engine (src/jobs/delivery.ts) paces, marks and retries; this only sends.
import { Api } from "grammy";
import type { Config } from "../config.js";
import type { MessagePart, Transport } from "../jobs/delivery.js";
import { type Pacer, pacerTransformer } from "../jobs/pacer.js";
import { classifySendError } from "./telegram-errors.js";

/** Telegram's limit on a text message, in characters (UTF-16 code units). */
const MAX_TEXT_LENGTH = 4096;

/**
 * An Api for queued sends: they are paced by the delivery engine rather than the interactive
 * transformer, and give up after SEND_TIMEOUT_SECONDS rather than grammY's 500 s.
 */
export function createDeliveryApi(config: Config): Api {
  return new Api(config.BOT_TOKEN, {
    apiRoot: config.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    timeoutSeconds: config.SEND_TIMEOUT_SECONDS,
  });
}

/** For queued tasks that call the Api themselves (a broadcast's progress report): paced on the bulk lane. */
export function createBulkApi(config: Config, pacer: Pacer): Api {
  const api = createDeliveryApi(config);
  api.config.use(pacerTransformer(pacer, { lane: "bulk", maxRetryAfterMs: 60_000 }));
  return api;
}

function formatting(format: MessagePart["format"], field: "text" | "caption") {
  if ("html" in format) return { parse_mode: "HTML" as const };
  return field === "text" ? { entities: format.entities } : { caption_entities: format.entities };
}

/**
 * Sends one part to a chat: a text (HTML, or with the entities a person's own message came
 * with), or a photo or document by file_id with its caption. Resolves to its message_id;
 * throws what Telegram answered. A longer text is cut at Telegram's 4,096 characters.
 */
export async function sendPart(
  api: Api,
  chatId: number,
  part: MessagePart,
  { silent = false }: { silent?: boolean } = {},
): Promise<number> {
  const common = {
    reply_markup: part.keyboard,
    ...(silent ? { disable_notification: true } : {}),
  };
  if (part.type === "text") {
    const sent = await api.sendMessage(chatId, part.text.slice(0, MAX_TEXT_LENGTH), {
      ...formatting(part.format, "text"),
      ...common,
    });
    return sent.message_id;
  }
  const options = { caption: part.caption, ...formatting(part.format, "caption"), ...common };
  const sent =
    part.type === "photo"
      ? await api.sendPhoto(chatId, part.fileId, options)
      : await api.sendDocument(chatId, part.fileId, options);
  return sent.message_id;
}

/** The delivery engine's way to Telegram. */
export function createTransport(api: Api): Transport {
  return {
    send: (chatId, part, options) => sendPart(api, chatId, part, options),
    classify: classifySendError,
  };
}
