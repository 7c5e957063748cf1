// editMessageText, editMessageCaption, editMessageReplyMarkup and deleteMessage, with the
// answers bots rely on: "message is not modified" for an edit that changes nothing, "message
// to edit not found", "message can't be edited" for someone else's message.
import type { ChatState, StoredMessage } from "../chats.js";
import { readReplyMarkup } from "../markup.js";
import { badRequest, ok } from "../replies.js";
import type { BotApiState } from "../state.js";
import { readText } from "../text.js";
import type { Json, Reply } from "../types.js";
import { chatOf, type Method, stableJson } from "./common.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

interface Target {
  chat: ChatState;
  stored: StoredMessage;
}

/**
 * The message an edit is about. Undefined for an inline message, or (not strict) for a
 * message the server never saw, which such tests made up: those edits succeed blindly.
 */
function targetOf(state: BotApiState, payload: Json, verb: "edit" | "delete"): Target | undefined {
  if (payload.inline_message_id !== undefined && payload.chat_id === undefined) {
    if (state.strict) throw badRequest("MESSAGE_ID_INVALID");
    return undefined;
  }
  const chat = chatOf(state, payload);
  if (payload.message_id === undefined) throw badRequest("message identifier is not specified");
  const stored = state.chats.find(chat, payload.message_id);
  if (!stored) {
    if (state.strict) throw badRequest(`message to ${verb} not found`);
    return undefined;
  }
  if (!stored.fromBot && verb === "edit") throw badRequest("message can't be edited");
  return { chat, stored };
}

function inlineMarkup(payload: Json): Json | undefined {
  const markup = readReplyMarkup(payload);
  if (markup && markup.kind !== "inline") throw badRequest("inline keyboard expected");
  return markup?.markup;
}

/** Applies `changes` (undefined values remove a field), or answers "message is not modified". */
function applyEdit(state: BotApiState, target: Target, changes: Json, html: string | undefined): Reply {
  const { message } = target.stored;
  const current = Object.fromEntries(Object.keys(changes).map((key) => [key, message[key]]));
  if (stableJson(current) === stableJson(changes)) throw badRequest(NOT_MODIFIED);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete message[key];
    else message[key] = value;
  }
  message.edit_date = Math.floor(Date.now() / 1000);
  if (html !== undefined || "text" in changes || "caption" in changes) {
    if (html === undefined) delete target.stored.html;
    else target.stored.html = html;
  }
  state.emit("edit", { chatId: Number(target.chat.chat.id), stored: target.stored });
  return ok(message);
}

/** The answer to an edit of a message the server does not know (not strict): the edit echoed. */
function blindEdit(state: BotApiState, payload: Json, changes: Json): Reply {
  if (payload.chat_id === undefined) return ok(true);
  const chat = state.chats.getOrCreate(payload.chat_id);
  const message: Json = {
    message_id: Number(payload.message_id),
    from: state.botUser,
    chat: chat.chat,
    date: Math.floor(Date.now() / 1000),
    edit_date: Math.floor(Date.now() / 1000),
  };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) message[key] = value;
  return ok(message);
}

const editMessageText: Method = (payload, state) => {
  const target = targetOf(state, payload, "edit");
  const text = readText(payload, "text")!;
  const changes = { text: text.text, entities: text.entities, reply_markup: inlineMarkup(payload) };
  if (!target) return blindEdit(state, payload, changes);
  if (typeof target.stored.message.text !== "string")
    throw badRequest("there is no text in the message to edit");
  return applyEdit(state, target, changes, text.html);
};

const editMessageCaption: Method = (payload, state) => {
  const target = targetOf(state, payload, "edit");
  const caption = readText(payload, "caption");
  const changes = {
    caption: caption?.text,
    caption_entities: caption?.entities,
    reply_markup: inlineMarkup(payload),
  };
  if (!target) return blindEdit(state, payload, changes);
  if (typeof target.stored.message.text === "string")
    throw badRequest("there is no caption in the message to edit");
  return applyEdit(state, target, changes, caption?.html);
};

const editMessageReplyMarkup: Method = (payload, state) => {
  const target = targetOf(state, payload, "edit");
  const changes = { reply_markup: inlineMarkup(payload) };
  if (!target) return blindEdit(state, payload, changes);
  return applyEdit(state, target, changes, target.stored.html);
};

const deleteMessage: Method = (payload, state) => {
  const target = targetOf(state, payload, "delete");
  if (!target) return ok(true);
  target.stored.deleted = true;
  const chatId = Number(target.chat.chat.id);
  state.emit("delete", { chatId, messageId: Number(target.stored.message.message_id) });
  return ok(true);
};

export const editingMethods: Record<string, Method> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
};
