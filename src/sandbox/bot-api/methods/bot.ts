// The methods that are not about one message: getMe, getUpdates and the webhook, getFile,
// answerCallbackQuery, the command menu, getChat.
import { MAX_DOWNLOAD_BYTES } from "../files.js";
import { badRequest, ok } from "../replies.js";
import { type BotApiState, commandsKey } from "../state.js";
import type { Json } from "../types.js";
import type { Method } from "./common.js";

/** Telegram drops a callback query's answer after about 15 s ("query is too old"). */
export const CALLBACK_ANSWER_WINDOW_MS = 15_000;
/** Bot API: a callback answer's text is 0-200 characters. */
const MAX_CALLBACK_TEXT = 200;
const COMMAND = /^[a-z0-9_]{1,32}$/;

const answerCallbackQuery: Method = (payload, state) => {
  const id = String(payload.callback_query_id ?? "");
  const query = state.callbackQueries.get(id);
  const tooOld = badRequest("query is too old and response timeout expired or query ID is invalid");
  if (!query) {
    // Not strict, a test made the query up: nothing to check it against.
    if (state.strict) throw tooOld;
    return ok(true);
  }
  if (query.answered || Date.now() - query.at > CALLBACK_ANSWER_WINDOW_MS) throw tooOld;
  const text = typeof payload.text === "string" ? payload.text : undefined;
  if (text !== undefined && text.length > MAX_CALLBACK_TEXT) throw badRequest("MESSAGE_TOO_LONG");
  query.answered = true;
  state.emit("callbackAnswer", {
    callbackQueryId: id,
    chatId: query.chatId,
    messageId: query.messageId,
    showAlert: payload.show_alert === true,
    ...(text ? { text } : {}),
    ...(typeof payload.url === "string" ? { url: payload.url } : {}),
  });
  return ok(true);
};

const getFile: Method = (payload, state) => {
  const file = state.files.get(String(payload.file_id ?? ""));
  if (!file) throw badRequest("invalid file_id");
  if (file.size > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
  return ok({
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.size,
    file_path: file.filePath,
  });
};

/** BotCommandScope types, and the fields each needs. */
const SCOPE_FIELDS: Record<string, string[]> = {
  default: [],
  all_private_chats: [],
  all_group_chats: [],
  all_chat_administrators: [],
  chat: ["chat_id"],
  chat_administrators: ["chat_id"],
  chat_member: ["chat_id", "user_id"],
};

/**
 * The scope of a *MyCommands call, checked: absent means default. Throws BotApiError 400 for
 * an unknown scope type or a missing chat_id/user_id, and (strict) "chat not found" for a
 * chat the server does not know. language_code must be empty or two letters (ISO 639-1).
 */
function commandScope(payload: Json, state: BotApiState): { scope: Json; language: string } {
  const raw = payload.scope ?? { type: "default" };
  const scope = typeof raw === "object" && raw !== null ? (raw as Json) : {};
  const fields = SCOPE_FIELDS[String(scope.type)];
  if (!fields) throw badRequest("can't parse BotCommandScope: unknown scope type");
  for (const field of fields)
    if (scope[field] === undefined || scope[field] === "") throw badRequest(`${field} is empty`);
  if (state.strict && scope.chat_id !== undefined && !state.chats.get(scope.chat_id))
    throw badRequest("chat not found");
  const language = payload.language_code ?? "";
  if (typeof language !== "string" || !/^([a-z]{2})?$/.test(language))
    throw badRequest("invalid language code specified");
  return { scope, language };
}

const setMyCommands: Method = (payload, state) => {
  const list = payload.commands;
  if (!Array.isArray(list)) throw badRequest("can't parse commands JSON object");
  if (list.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  for (const item of list as Json[]) {
    if (typeof item?.command !== "string" || !COMMAND.test(item.command))
      throw badRequest("BOT_COMMAND_INVALID");
    const description = item.description;
    if (typeof description !== "string" || description.length < 1 || description.length > 256)
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
  }
  const { scope, language } = commandScope(payload, state);
  const key = commandsKey(scope, language);
  if (list.length === 0) state.commands.delete(key);
  else
    state.commands.set(
      key,
      (list as Json[]).map((c) => ({ command: c.command, description: c.description })),
    );
  state.emit("commands");
  return ok(true);
};

const getMyCommands: Method = (payload, state) => {
  const { scope, language } = commandScope(payload, state);
  return ok(state.commands.get(commandsKey(scope, language)) ?? []);
};

const deleteMyCommands: Method = (payload, state) => {
  const { scope, language } = commandScope(payload, state);
  state.commands.delete(commandsKey(scope, language));
  state.emit("commands");
  return ok(true);
};

const getChat: Method = (payload, state) => {
  if (payload.chat_id === undefined) throw badRequest("chat_id is empty");
  const chat = state.strict ? state.chats.get(payload.chat_id) : state.chats.getOrCreate(payload.chat_id);
  if (!chat) throw badRequest("chat not found");
  return ok(chat.chat);
};

export const botMethods: Record<string, Method> = {
  getMe: (_payload, state) => ok(state.botInfo),
  getUpdates: (payload, state, signal) => state.updates.getUpdates(payload, signal),
  setWebhook: (payload, state) => state.updates.setWebhook(payload),
  deleteWebhook: (payload, state) => state.updates.deleteWebhook(payload),
  getWebhookInfo: (_payload, state) => ok(state.updates.webhookInfo()),
  getFile,
  answerCallbackQuery,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  getChat,
};
