// How queued messages reach Telegram: an Api of their own, and one message part at a time.
// The delivery engine (src/jobs/delivery.ts) paces, marks and retries; this only sends.
import { Api, InputFile } from "grammy";
import type { Config } from "../config.js";
import type { MessagePart, Transport, UploadedFile } from "../jobs/delivery.js";
import { type Pacer, pacerTransformer } from "../jobs/pacer.js";
import { dropEmptyKeyboardRows } from "./keyboards/empty-rows.js";
import { MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH, splitEntityText, splitHtml } from "./split-text.js";
import { classifySendError } from "./telegram-errors.js";

/**
 * An Api for queued sends: they are paced by the delivery engine rather than the interactive
 * transformer, and give up after SEND_TIMEOUT_SECONDS rather than grammY's 500 s.
 */
export function createDeliveryApi(config: Config): Api {
  const api = new Api(config.BOT_TOKEN, {
    apiRoot: config.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    timeoutSeconds: config.SEND_TIMEOUT_SECONDS,
  });
  // No inline keyboard goes out with an empty row, whichever renderer made it.
  api.config.use(dropEmptyKeyboardRows);
  return api;
}

/** For queued tasks that call the Api themselves (a broadcast's progress report): paced on the bulk lane. */
export function createBulkApi(
  config: Config,
  pacer: Pacer,
  onPause?: (ms: number) => void | Promise<void>,
): Api {
  const api = createDeliveryApi(config);
  api.config.use(pacerTransformer(pacer, { lane: "bulk", maxRetryAfterMs: 60_000, onPause }));
  return api;
}

type PartFormat = Extract<MessagePart, { format: unknown }>["format"];

function formatting(format: PartFormat, field: "text" | "caption") {
  if ("html" in format) return { parse_mode: "HTML" as const };
  return field === "text" ? { entities: format.entities } : { caption_entities: format.entities };
}

/** What to send for a file: its file_id, or its bytes to upload. */
function fileOf(file: { fileId: string; upload?: UploadedFile }): string | InputFile {
  return file.upload
    ? new InputFile(Buffer.from(file.upload.data, "base64"), file.upload.filename)
    : file.fileId;
}

/**
 * Sends one part to a chat: a text (HTML, or with the entities a person's own message came
 * with); a photo or other file by file_id (or uploaded) with its caption; a location; an album
 * as one media group (sendMediaGroup), the caption on its first item. Resolves to its
 * message_id (an album's, each); throws what Telegram answered. The part must fit Telegram's
 * limits (see fitPart).
 */
export async function sendPart(
  api: Api,
  chatId: number,
  part: MessagePart,
  { silent = false }: { silent?: boolean } = {},
): Promise<number | number[]> {
  const quiet = silent ? { disable_notification: true } : {};
  if (part.type === "album") {
    const media = part.items.map((item, i) => ({
      type: item.type,
      media: fileOf(item),
      ...(i === 0 && part.caption ? { caption: part.caption, ...formatting(part.format, "caption") } : {}),
    }));
    const sent = await api.sendMediaGroup(chatId, media as Parameters<Api["sendMediaGroup"]>[1], quiet);
    return sent.map((message) => message.message_id);
  }
  const common = { reply_markup: part.keyboard, ...quiet };
  if (part.type === "text") {
    const sent = await api.sendMessage(chatId, part.text, {
      ...formatting(part.format, "text"),
      ...common,
    });
    return sent.message_id;
  }
  if (part.type === "location") {
    const sent = await api.sendLocation(chatId, part.latitude, part.longitude, common);
    return sent.message_id;
  }
  const options = { caption: part.caption, ...formatting(part.format, "caption"), ...common };
  const file = fileOf(part);
  const senders = {
    photo: () => api.sendPhoto(chatId, file, options),
    document: () => api.sendDocument(chatId, file, options),
    voice: () => api.sendVoice(chatId, file, options),
    video: () => api.sendVideo(chatId, file, options),
    audio: () => api.sendAudio(chatId, file, options),
  };
  const sent = await senders[part.type]();
  return sent.message_id;
}

/** Splits a text, keeping its formatting, into pieces within `limits` (see src/bot/split-text.ts). */
function splitFormatted(
  text: string,
  format: PartFormat,
  limits: readonly number[],
): { text: string; format: PartFormat }[] {
  if ("html" in format) return splitHtml(text, limits).map((piece) => ({ text: piece, format }));
  return splitEntityText({ text, entities: format.entities }, limits).map((piece) => ({
    text: piece.text,
    format: { entities: piece.entities },
  }));
}

/**
 * A part as the messages Telegram takes: a text over 4,096 characters as several texts, a
 * caption over 1,024 (a file's or an album's) as the file with the caption's first piece and
 * texts with the rest; the part's buttons go on the last message. Nothing is cut.
 */
export function fitPart(part: MessagePart): MessagePart[] {
  if (part.type === "location") return [part];
  const keyboard = part.keyboard;
  if (part.type === "text") {
    const pieces = splitFormatted(part.text, part.format, [MAX_TEXT_LENGTH]);
    if (pieces.length <= 1) return [part];
    return pieces.map((piece, i) => ({
      type: "text",
      ...piece,
      ...(i === pieces.length - 1 && keyboard ? { keyboard } : {}),
    }));
  }
  if (!part.caption) return [part];
  const pieces = splitFormatted(part.caption, part.format, [MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH]);
  if (pieces.length <= 1) return [part];
  const [first, ...more] = pieces;
  const head =
    part.type === "album"
      ? { ...part, caption: first!.text, format: first!.format }
      : { ...part, keyboard: undefined, caption: first!.text, format: first!.format };
  return [
    head,
    ...more.map(
      (piece, i): MessagePart => ({
        type: "text",
        ...piece,
        ...(i === more.length - 1 && keyboard ? { keyboard } : {}),
      }),
    ),
  ];
}

/** The delivery engine's way to Telegram. */
export function createTransport(api: Api): Transport {
  return {
    send: (chatId, part, options) => sendPart(api, chatId, part, options),
    classify: classifySendError,
    fit: fitPart,
  };
}
