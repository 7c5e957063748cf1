// Chats as the embedded Bot API keeps them: per chat, its own message_id sequence (shared by
// both sides, as in a Telegram private chat), every message, the reply keyboard shown, and
// whether the user has blocked the bot.
import { getOrCreate } from "./rate-limit.js";
import type { Json } from "./types.js";

export interface TelegramUser {
  id: number;
  is_bot: false;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface StoredMessage {
  /** The Message as the bot receives or received it (edits applied). */
  message: Json;
  /** The HTML the bot sent for its text or caption (parse_mode "HTML"). */
  html?: string;
  fromBot: boolean;
  deleted?: boolean;
}

export interface ChatState {
  chat: Json;
  /** The user of a private chat, when the server knows them (sandbox personas). */
  user?: TelegramUser;
  /** The user has written to the bot: before that, the bot cannot start the conversation. */
  started: boolean;
  blocked: boolean;
  lastMessageId: number;
  messages: Map<number, StoredMessage>;
  /** The reply keyboard the client shows under the message box, until it is removed. */
  replyKeyboard?: Json;
}

export interface ChatSnapshot {
  chat: Json;
  user?: TelegramUser;
  started: boolean;
  blocked: boolean;
  lastMessageId: number;
  messages: StoredMessage[];
  replyKeyboard?: Json;
}

export class ChatStore {
  private chats = new Map<string, ChatState>();

  /** The private chat of `user`, created when new; the user's profile is refreshed. */
  openPrivate(user: TelegramUser): ChatState {
    const chat = getOrCreate(this.chats, String(user.id), () => newChat(privateChat(user)));
    chat.user = user;
    chat.chat = privateChat(user);
    return chat;
  }

  /** The chat with this id (number or numeric string), if the server knows it. */
  get(chatId: unknown): ChatState | undefined {
    return this.chats.get(String(chatId));
  }

  /** The chat, made up on the spot for an id nobody registered (tests that invent chats). */
  getOrCreate(chatId: unknown): ChatState {
    return getOrCreate(this.chats, String(chatId), () =>
      newChat({ id: Number(chatId), type: Number(chatId) < 0 ? "group" : "private" }),
    );
  }

  /** The next message_id of the chat (1, 2, 3 … per chat, as in Telegram). */
  nextMessageId(chat: ChatState): number {
    chat.lastMessageId += 1;
    return chat.lastMessageId;
  }

  /** Stores a message under its message_id (from nextMessageId). */
  add(chat: ChatState, stored: StoredMessage): void {
    chat.messages.set(Number(stored.message.message_id), stored);
  }

  /** The message `messageId` of the chat, unless it was deleted. */
  find(chat: ChatState | undefined, messageId: unknown): StoredMessage | undefined {
    const stored = chat?.messages.get(Number(messageId));
    return stored && !stored.deleted ? stored : undefined;
  }

  all(): ChatState[] {
    return [...this.chats.values()];
  }

  clear(): void {
    this.chats.clear();
  }

  snapshot(): ChatSnapshot[] {
    return this.all().map((c) => ({ ...c, messages: [...c.messages.values()] }));
  }

  restore(snapshots: ChatSnapshot[]): void {
    this.clear();
    for (const s of snapshots) {
      const messages = new Map(s.messages.map((m) => [Number(m.message.message_id), m]));
      this.chats.set(String(s.chat.id), { ...s, messages });
    }
  }
}

function newChat(chat: Json): ChatState {
  return { chat, started: false, blocked: false, lastMessageId: 0, messages: new Map() };
}

function privateChat(user: TelegramUser): Json {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}
