// reply_markup as Telegram checks it: inline keyboards (callback and URL buttons), reply
// keyboards, their removal, and force_reply.
import { badRequest } from "./replies.js";
import type { Json } from "./types.js";

/** Bot API: callback_data is 1-64 bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export type ReplyMarkup =
  | { kind: "inline"; markup: Json }
  | { kind: "keyboard"; markup: Json }
  | { kind: "remove" }
  | { kind: "force_reply" };

const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

const isRows = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every((row) => Array.isArray(row));

function checkInlineButton(button: unknown): void {
  if (typeof button !== "object" || button === null) throw badRequest("can't parse inline keyboard button");
  const b = button as Json;
  if (typeof b.text !== "string" || b.text === "")
    throw badRequest("text buttons are unallowed in the inline keyboard");
  const actions = BUTTON_ACTIONS.filter((a) => b[a] !== undefined);
  if (actions.length !== 1)
    throw badRequest("can't parse inline keyboard button: exactly one action is required");
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === "string" ? Buffer.byteLength(b.callback_data) : 0;
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (b.url !== undefined && !(typeof b.url === "string" && /^(https?|tg):\/\/\S+$/i.test(b.url)))
    throw badRequest(`inline keyboard button URL '${String(b.url)}' is invalid`);
}

/**
 * The reply_markup of a call, checked; undefined when absent. Throws BotApiError 400 with
 * Telegram's wording for a markup that is not one of the four kinds, an inline button
 * without text or with other than one action, callback_data outside 1-64 bytes
 * ("BUTTON_DATA_INVALID"), or a URL button whose URL is not http(s) or tg.
 */
export function readReplyMarkup(payload: Json): ReplyMarkup | undefined {
  let markup = payload.reply_markup;
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup === "string") {
    try {
      markup = JSON.parse(markup);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (typeof markup !== "object" || markup === null)
    throw badRequest("can't parse reply keyboard markup JSON object");
  const m = markup as Json;
  if (m.inline_keyboard !== undefined) {
    if (!isRows(m.inline_keyboard)) throw badRequest('field "inline_keyboard" must be an Array of Arrays');
    for (const row of m.inline_keyboard) for (const button of row) checkInlineButton(button);
    return { kind: "inline", markup: m };
  }
  if (m.keyboard !== undefined) {
    if (!isRows(m.keyboard)) throw badRequest('field "keyboard" must be an Array of Arrays');
    for (const row of m.keyboard)
      for (const button of row) {
        const text = typeof button === "string" ? button : (button as Json | null)?.text;
        if (typeof text !== "string" || text === "") throw badRequest("keyboard button text is empty");
      }
    return { kind: "keyboard", markup: m };
  }
  if (m.remove_keyboard === true) return { kind: "remove" };
  if (m.force_reply === true) return { kind: "force_reply" };
  throw badRequest("can't parse reply keyboard markup JSON object");
}
