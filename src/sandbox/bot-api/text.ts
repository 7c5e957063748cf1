// A message's text or caption as Telegram stores it: parsed per parse_mode, within its limit.
import { type MessageEntity, parseHtml } from "./html.js";
import { badRequest } from "./replies.js";
import type { Json } from "./types.js";

/** Bot API: "1-4096 characters after entities parsing" for text, "0-1024" for a caption. */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export interface StoredText {
  text: string;
  entities?: MessageEntity[];
  /** The HTML the bot sent (parse_mode "HTML"), which the web chat renders. */
  html?: string;
}

/**
 * The text (`field` "text") or caption ("caption") of a send or edit call, parsed. Lengths
 * count UTF-16 code units after parsing, as Telegram does. Returns undefined for an absent
 * caption. Throws BotApiError 400 with Telegram's wording: "message text is empty",
 * "message is too long", "message caption is too long", "can't parse entities: …", and
 * "unsupported parse_mode" (Markdown and MarkdownV2 are not implemented here: the bot only
 * sends HTML).
 */
export function readText(payload: Json, field: "text" | "caption"): StoredText | undefined {
  const raw = payload[field];
  if (raw === undefined || raw === null) {
    if (field === "text") throw badRequest("message text is empty");
    return undefined;
  }
  const source = typeof raw === "string" ? raw : String(raw);
  const mode = payload.parse_mode;
  let parsed: StoredText;
  if (mode === undefined || mode === null || mode === "") {
    const given = payload[field === "text" ? "entities" : "caption_entities"];
    parsed = {
      text: source,
      ...(Array.isArray(given) && given.length ? { entities: given as MessageEntity[] } : {}),
    };
  } else if (mode === "HTML") {
    const { text, entities } = parseHtml(source);
    parsed = { text, html: source, ...(entities.length ? { entities } : {}) };
  } else {
    throw badRequest(`unsupported parse_mode "${String(mode)}"`);
  }
  if (field === "text") {
    if (parsed.text.trim() === "") throw badRequest("message text is empty");
    if (parsed.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  } else if (parsed.text.length > MAX_CAPTION_LENGTH) {
    throw badRequest("message caption is too long");
  }
  return parsed;
}
