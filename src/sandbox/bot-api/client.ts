// The user side of the embedded Bot API: what a Telegram app does for its user. A persona
// writes, sends a photo, a file or a location, taps a button, or blocks the bot; each
// becomes a stored message and the update the bot receives, exactly as Telegram sends it.
import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import type { StoredMessage, TelegramUser } from "./chats.js";
import { fileObject, imageDimensions } from "./files.js";
import type { BotApiState } from "./state.js";
import type { Json } from "./types.js";

/** Why a user's action cannot happen; the web chat tells the person in their language. */
export class ClientActionError extends Error {
  constructor(
    readonly reason:
      | "blocked"
      | "empty"
      | "not_an_image"
      | "no_such_message"
      | "no_such_button"
      | "bad_location",
  ) {
    super(`the user's action is not possible: ${reason}`);
    this.name = "ClientActionError";
  }
}

export interface UploadedContent {
  content: Buffer;
  fileName: string;
  /** Seconds, for a voice note (the page measures it). */
  duration?: number;
  mimeType?: string;
}

export type UserMessage =
  | { text: string }
  | { photo: UploadedContent; caption?: string }
  | { document: UploadedContent; caption?: string }
  | { voice: UploadedContent; caption?: string }
  | { location: { latitude: number; longitude: number } };

/** Telegram marks a leading /command (and /command@bot) with a bot_command entity. */
function commandEntities(text: string): Json[] | undefined {
  const match = /^\/[A-Za-z0-9_]{1,32}(@\w+)?/.exec(text);
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : undefined;
}

/** What an action produced, and the id of the update the bot received for it. */
export interface Sent<T> {
  value: T;
  updateId: number;
}

export class TelegramClient {
  constructor(private readonly state: BotApiState) {}

  /**
   * `user` sends `content` in their private chat with the bot, optionally as a reply to one
   * of the chat's messages. Returns the stored message. Throws ClientActionError: "blocked"
   * (the user blocked the bot: unblock first), "empty" (no text), "not_an_image" (a photo
   * whose bytes are not an image), "bad_location", "no_such_message" (the reply target).
   */
  send(user: TelegramUser, content: UserMessage, replyToMessageId?: number): Sent<StoredMessage> {
    const { state } = this;
    const chat = state.chats.openPrivate(user);
    if (chat.blocked) throw new ClientActionError("blocked");
    const fields = this.contentFields(content);
    const replied = replyToMessageId === undefined ? undefined : state.chats.find(chat, replyToMessageId);
    if (replyToMessageId !== undefined && !replied) throw new ClientActionError("no_such_message");
    chat.started = true;
    const message: Json = {
      message_id: state.chats.nextMessageId(chat),
      from: user,
      chat: chat.chat,
      date: Math.floor(Date.now() / 1000),
      ...(replied ? { reply_to_message: replied.message } : {}),
      ...fields,
    };
    const stored: StoredMessage = { message, fromBot: false };
    state.chats.add(chat, stored);
    // A one-time reply keyboard hides once used.
    if (chat.replyKeyboard?.one_time_keyboard === true && "text" in content) {
      chat.replyKeyboard = undefined;
      state.emit("replyKeyboard", { chatId: user.id });
    }
    state.emit("message", { chatId: user.id, stored });
    const updateId = state.updates.push({ message } as unknown as Omit<Update, "update_id">);
    return { value: stored, updateId };
  }

  /**
   * `user` taps the inline button carrying `data` on message `messageId` of their chat.
   * Returns the callback query's id. Throws ClientActionError "blocked", "no_such_message",
   * or "no_such_button" (the message has no such button: clients send only real buttons' data).
   */
  press(user: TelegramUser, messageId: number, data: string): Sent<string> {
    const { state } = this;
    const chat = state.chats.openPrivate(user);
    if (chat.blocked) throw new ClientActionError("blocked");
    const stored = state.chats.find(chat, messageId);
    if (!stored) throw new ClientActionError("no_such_message");
    const rows = ((stored.message.reply_markup as Json | undefined)?.inline_keyboard ?? []) as Json[][];
    if (!rows.some((row) => row.some((button) => button.callback_data === data)))
      throw new ClientActionError("no_such_button");
    const id = randomBytes(8).readBigUInt64BE().toString();
    state.callbackQueries.set(id, {
      id,
      from: user,
      chatId: user.id,
      messageId,
      at: Date.now(),
      answered: false,
    });
    const updateId = state.updates.push({
      callback_query: { id, from: user, message: stored.message, chat_instance: String(user.id), data },
    } as unknown as Omit<Update, "update_id">);
    return { value: id, updateId };
  }

  /**
   * Blocks or unblocks the bot, which then receives my_chat_member ("kicked" / "member"), as
   * from Telegram. Returns the update's id, or undefined when nothing changed.
   */
  setBlocked(user: TelegramUser, blocked: boolean): number | undefined {
    const { state } = this;
    const chat = state.chats.openPrivate(user);
    if (chat.blocked === blocked) return undefined;
    chat.blocked = blocked;
    const member = (status: string) => ({
      user: state.botUser,
      status,
      ...(status === "kicked" ? { until_date: 0 } : {}),
    });
    return state.updates.push({
      my_chat_member: {
        chat: chat.chat,
        from: user,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: member(blocked ? "member" : "kicked"),
        new_chat_member: member(blocked ? "kicked" : "member"),
      },
    } as unknown as Omit<Update, "update_id">);
  }

  private contentFields(content: UserMessage): Json {
    const { files } = this.state;
    if ("text" in content) {
      if (content.text.trim() === "") throw new ClientActionError("empty");
      const entities = commandEntities(content.text);
      return { text: content.text, ...(entities ? { entities } : {}) };
    }
    if ("location" in content) {
      const { latitude, longitude } = content.location;
      if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
        throw new ClientActionError("bad_location");
      return { location: { latitude, longitude } };
    }
    const caption = content.caption?.trim() ? { caption: content.caption } : {};
    if ("photo" in content) {
      if (!imageDimensions(content.photo.content)) throw new ClientActionError("not_an_image");
      const file = files.add({ ...content.photo, kind: "photo" });
      return { photo: [fileObject(file)], ...caption };
    }
    const [kind, upload] =
      "voice" in content ? (["voice", content.voice] as const) : (["document", content.document] as const);
    // Telegram apps record voice notes as OGG/Opus and say so.
    const mimeType = upload.mimeType ?? (kind === "voice" ? "audio/ogg" : undefined);
    const file = files.add({ ...upload, kind, ...(mimeType ? { mimeType } : {}) });
    return { [kind]: fileObject(file), ...caption };
  }
}
