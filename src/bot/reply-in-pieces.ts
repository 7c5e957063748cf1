// The bot's own answers, sent whole: a text longer than one Telegram message goes out as
// several (src/bot/split-text.ts), the buttons on the last.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "./context.js";
import { splitHtml } from "./split-text.js";

/**
 * Replies with Telegram-HTML `html`, in as many messages as it takes (4,096 characters
 * each after parsing, cut only between graphemes, never inside a tag or an entity);
 * `keyboard` goes on the last message. Resolves to the message ids sent, in order.
 */
export async function replyInPieces(
  ctx: BotContext,
  html: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<number[]> {
  const pieces = splitHtml(html);
  const ids: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    const last = i === pieces.length - 1;
    const sent = await ctx.reply(piece, {
      parse_mode: "HTML",
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
    ids.push(sent.message_id);
  }
  return ids;
}
