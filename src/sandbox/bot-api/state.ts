// Everything the embedded Bot API remembers: chats and their messages, files, the update
// queue, the command menus, open callback queries. The HTTP server (server.ts), the method
// implementations (methods.ts) and the user side (client.ts) all work on one BotApiState;
// it tells listeners (the web chat) what changed through its events.
import { EventEmitter } from "node:events";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import { type ChatSnapshot, ChatStore, type StoredMessage, type TelegramUser } from "./chats.js";
import { FileStore, type FileStoreSnapshot } from "./files.js";
import type { Json } from "./types.js";
import { UpdateQueue } from "./updates.js";

export interface BotInfo {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
}

export interface CallbackQueryState {
  id: string;
  from: TelegramUser;
  chatId: number;
  messageId: number;
  /** Date.now() of the tap. */
  at: number;
  answered: boolean;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  chatId: number;
  messageId: number;
  text?: string;
  showAlert: boolean;
  url?: string;
}

/** What changed, for the web chat. Every event names the chat it happened in. */
export interface BotApiEvents {
  message: [{ chatId: number; stored: StoredMessage }];
  edit: [{ chatId: number; stored: StoredMessage }];
  delete: [{ chatId: number; messageId: number }];
  callbackAnswer: [CallbackAnswer];
  replyKeyboard: [{ chatId: number; keyboard?: Json }];
  chatAction: [{ chatId: number; action: string }];
  commands: [];
}

export interface BotApiSnapshot {
  nextUpdateId: number;
  pendingUpdates: Update[];
  chats: ChatSnapshot[];
  files: FileStoreSnapshot;
  commands: [string, Json[]][];
}

export class BotApiState extends EventEmitter<BotApiEvents> {
  readonly chats = new ChatStore();
  readonly files: FileStore;
  updates: UpdateQueue;
  /** setMyCommands lists, keyed by commandsKey(scope, language_code). */
  readonly commands = new Map<string, Json[]>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();

  constructor(
    readonly botInfo: BotInfo,
    readonly strict: boolean,
    readonly logger?: Logger,
    filesDirectory?: string,
  ) {
    super();
    this.files = new FileStore(filesDirectory);
    this.updates = new UpdateQueue(1000, logger);
  }

  /** The bot as the `from` of its messages. */
  get botUser(): Json {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.first_name,
      username: this.botInfo.username,
    };
  }

  /**
   * The command menu the Telegram app of `user` shows in their private chat, found as Telegram
   * finds it (Bot API, "Determining list of commands"): the chat's own scope, then
   * all_private_chats, then default; within each, the list for the user's language first,
   * then the one without a language. `languageCode` is the app's IETF tag ("zh-hans", "en");
   * menus are keyed by its two-letter language. Empty when the bot set no menu.
   */
  commandsFor(user: { chatId: number | string; languageCode?: string | undefined }): Json[] {
    const language = user.languageCode?.split("-")[0]?.toLowerCase() ?? "";
    const scopes = [
      { type: "chat", chat_id: user.chatId },
      { type: "all_private_chats" },
      { type: "default" },
    ];
    for (const scope of scopes)
      for (const lang of language ? [language, ""] : [""]) {
        const list = this.commands.get(commandsKey(scope, lang));
        if (list) return list;
      }
    return [];
  }

  snapshot(): BotApiSnapshot {
    return {
      nextUpdateId: this.updates.nextId,
      pendingUpdates: this.updates.pending,
      chats: this.chats.snapshot(),
      files: this.files.snapshot(),
      commands: [...this.commands],
    };
  }

  /** Brings back a snapshot: update ids go on from where they were, so the bot's de-duplication keeps working. */
  restore(snapshot: BotApiSnapshot): void {
    this.updates.close();
    this.updates = new UpdateQueue(snapshot.nextUpdateId, this.logger);
    for (const update of snapshot.pendingUpdates) this.updates.push(update);
    this.chats.restore(snapshot.chats);
    this.files.restore(snapshot.files);
    this.commands.clear();
    for (const [key, list] of snapshot.commands) this.commands.set(key, list);
  }

  /** Forgets chats, files, menus and queued updates; update ids keep increasing. */
  clear(): void {
    this.updates.clear();
    this.chats.clear();
    this.files.clear();
    this.commands.clear();
    this.callbackQueries.clear();
  }
}

/** The key of a command menu: its scope (type, chat, member) and its two-letter language ("" for none). */
export function commandsKey(scope: unknown, languageCode: unknown): string {
  const s = typeof scope === "object" && scope !== null ? (scope as Json) : {};
  const chat = s.chat_id === undefined ? "" : `:${String(s.chat_id)}`;
  const member = s.user_id === undefined ? "" : `:${String(s.user_id)}`;
  return `${String(s.type ?? "default")}${chat}${member}|${typeof languageCode === "string" ? languageCode : ""}`;
}
