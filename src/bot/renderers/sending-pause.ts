// Renders the two kinds that a long pause of sending (Telegram's 429) brings: the bot's own
// answer queued while it lasted (src/bot/deferred-replies.ts), and the report to
// administrators once it is over.
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import type { MessageOf, ReplyPart } from "../../domain/messages.js";
import type { MessagePart, RenderedMessage, Renderer } from "../../jobs/delivery.js";
import { formatDateTime } from "../format.js";
import { htmlMessage } from "./parts.js";

/** A queued answer's part as the delivery engine sends it. */
export function replyMessagePart(part: ReplyPart): MessagePart {
  const format = part.html
    ? { html: true as const }
    : { entities: (part.entities ?? []) as unknown as MessageEntity[] };
  const keyboard = part.keyboard as unknown as InlineKeyboardMarkup | undefined;
  if (part.type === "text") return { type: "text", text: part.text ?? "", format, keyboard };
  if (part.type === "location")
    return { type: "location", latitude: part.latitude ?? 0, longitude: part.longitude ?? 0, keyboard };
  if (part.type === "album")
    return {
      type: "album",
      items: (part.items ?? []).map((item) => ({
        type: item.type,
        fileId: item.fileId ?? "",
        ...(item.upload ? { upload: item.upload } : {}),
      })),
      caption: part.caption,
      format,
    };
  return {
    type: part.type,
    fileId: part.fileId ?? "",
    ...(part.upload ? { upload: part.upload } : {}),
    caption: part.caption,
    format,
    keyboard,
  };
}

export const renderReply: Renderer<"reply"> = (message): RenderedMessage => ({
  parts: [replyMessagePart(message.part)],
});

export function createPauseReportRenderer(timeZone: string): Renderer<"pause_report"> {
  return (message: MessageOf<"pause_report">, { t, locale }) => {
    const from = new Date(message.from);
    const until = new Date(message.until);
    return htmlMessage(
      t("pause-report", {
        from: formatDateTime(from, locale, timeZone),
        until: formatDateTime(until, locale, timeZone),
        minutes: Math.round((until.getTime() - from.getTime()) / 60_000),
      }),
    );
  };
}
