// What the method implementations share: finding the chat a call is about (with Telegram's
// 400 and 403 answers) and turning a call into a stored message from the bot.
import type { ChatState, StoredMessage } from "../chats.js";
import type { ReplyMarkup } from "../markup.js";
import { badRequest, forbidden } from "../replies.js";
import type { BotApiState } from "../state.js";
import type { Json, Reply } from "../types.js";

export type Method = (payload: Json, state: BotApiState, signal: AbortSignal) => Reply | Promise<Reply>;

/**
 * The chat `payload.chat_id` names. Throws BotApiError: 400 "chat_id is empty", 400 "chat not
 * found" (strict: a chat the server does not know), 403 "bot was blocked by the user", 403
 * "bot can't initiate conversation with a user" (strict: a known user who never wrote).
 */
export function chatOf(state: BotApiState, payload: Json, field = "chat_id"): ChatState {
  const id = payload[field];
  if (id === undefined || id === null || id === "") throw badRequest(`${field} is empty`);
  if (typeof id !== "number" && !(typeof id === "string" && /^(-?\d+|@\w+)$/.test(id)))
    throw badRequest("chat not found");
  const chat = state.strict ? state.chats.get(id) : state.chats.getOrCreate(id);
  if (!chat) throw badRequest("chat not found");
  if (chat.blocked) throw forbidden("bot was blocked by the user");
  if (state.strict && chat.user && !chat.started)
    throw forbidden("bot can't initiate conversation with a user");
  return chat;
}

/** reply_parameters.message_id or the older reply_to_message_id. */
function replyTarget(payload: Json): { messageId: number; allowMissing: boolean } | undefined {
  const params = payload.reply_parameters as Json | undefined;
  const id = params?.message_id ?? payload.reply_to_message_id;
  if (id === undefined) return undefined;
  return {
    messageId: Number(id),
    allowMissing:
      params?.allow_sending_without_reply === true || payload.allow_sending_without_reply === true,
  };
}

/**
 * Stores a new message from the bot in `chat` with the given content fields (text, photo, …)
 * and answers it as Telegram does. A reply keyboard becomes the chat's keyboard; the Message
 * itself carries only an inline keyboard. Throws 400 "message to be replied not found"
 * (strict) for a reply to a message the chat does not have.
 */
export function postBotMessage(
  state: BotApiState,
  chat: ChatState,
  payload: Json,
  content: Json,
  markup: ReplyMarkup | undefined,
  html?: string,
): Json {
  const target = replyTarget(payload);
  const replied = target ? state.chats.find(chat, target.messageId) : undefined;
  if (target && !replied && state.strict && !target.allowMissing)
    throw badRequest("message to be replied not found");
  const message: Json = {
    message_id: state.chats.nextMessageId(chat),
    from: state.botUser,
    chat: chat.chat,
    date: Math.floor(Date.now() / 1000),
    ...(replied ? { reply_to_message: withoutReply(replied.message) } : {}),
  };
  Object.assign(message, content);
  if (markup?.kind === "inline") message.reply_markup = markup.markup;
  const stored: StoredMessage = { message, fromBot: true, ...(html === undefined ? {} : { html }) };
  state.chats.add(chat, stored);
  const chatId = Number(chat.chat.id);
  state.emit("message", { chatId, stored });
  if (markup?.kind === "keyboard" || markup?.kind === "remove") {
    chat.replyKeyboard = markup.kind === "keyboard" ? markup.markup : undefined;
    state.emit("replyKeyboard", { chatId, keyboard: chat.replyKeyboard });
  }
  return message;
}

/** A replied-to message is shown without its own reply_to_message, as Telegram nests one level. */
function withoutReply(message: Json): Json {
  const { reply_to_message: _, ...rest } = message;
  return rest;
}

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
