// Builds the real application (bot, intake, worker, database) with Telegram faked at the
// HTTP edge, and drives it as people would: updates in, recorded Bot API calls out.
import type { InlineKeyboardButton, Message, Update } from "grammy/types";
import type { App } from "../../src/app.js";
import type { Database, Dialect } from "../../src/db/client.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import type { FakeBotApi, FakeBotApiOptions, RecordedCall } from "./fake-bot-api.js";
import { exampleSeedPath, startTestApp, stopTestApp, type TestApp } from "./test-app.js";

export { exampleSeedPath };

export interface TestBotOptions {
  dialect?: Dialect;
  env?: Record<string, string>;
  seed?: boolean;
  now?: () => Date;
  /** Options of the fake Bot API, e.g. Telegram's flood limits. */
  fake?: FakeBotApiOptions;
  /** The working-day calendar the monthly bulletin goes by (default: the shipped years). */
  loadCalendar?: () => Promise<WorkingCalendar>;
  /** How long a started worker sleeps when nothing is due (default 500 ms). */
  workerPollIntervalMs?: number;
  /** Another instance's fake Bot API and database: this bot is a second instance, or a restart. */
  share?: { fake: FakeBotApi; db: Database };
}

let nextUpdateId = 1;
let nextMessageId = 1_000_000;

export class TestBot {
  private constructor(private readonly parts: TestApp) {}

  static async create(options: TestBotOptions = {}): Promise<TestBot> {
    return new TestBot(await startTestApp(options));
  }

  get app(): App {
    return this.parts.app;
  }

  get fake(): FakeBotApi {
    return this.parts.fake;
  }

  get db(): Database {
    return this.parts.db;
  }

  get prisma() {
    return this.db.prisma;
  }

  user(
    telegramId: number,
    profile: { firstName?: string; username?: string; languageCode?: string } = {},
  ): TestUser {
    return new TestUser(this, telegramId, profile);
  }

  /** Feeds one update through the same intake as polling and webhooks. */
  async deliver(update: Omit<Update, "update_id"> & { update_id?: number }) {
    const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as Update;
    return { claim: await this.app.processUpdate(full), update: full };
  }

  /** Runs queued jobs (notifications) until none is due. */
  drainJobs(): Promise<number> {
    return this.app.worker.drain();
  }

  close(): Promise<void> {
    return stopTestApp(this.parts);
  }
}

type Markup = { inline_keyboard?: InlineKeyboardButton[][] };

/** The message a recorded send created, or the one an edit changed, as the Bot API answered. */
function messageIdOf(call: RecordedCall): number {
  const result = call.result as { message_id?: number } | undefined;
  return result?.message_id ?? Number(call.payload.message_id);
}

export class TestUser {
  constructor(
    private readonly bot: TestBot,
    readonly id: number,
    private readonly profile: { firstName?: string; username?: string; languageCode?: string },
  ) {}

  get from() {
    return {
      id: this.id,
      is_bot: false as const,
      first_name: this.profile.firstName ?? `User${this.id}`,
      username: this.profile.username,
      language_code: this.profile.languageCode ?? "zh-hans",
    };
  }

  private chat() {
    return { id: this.id, type: "private" as const, first_name: this.from.first_name };
  }

  private baseMessage(): Omit<Message, "chat"> & { chat: ReturnType<TestUser["chat"]> } {
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(),
      from: this.from,
    } as never;
  }

  /** Sends text; a leading "/" makes it a command, as Telegram marks it with an entity. */
  send(text: string, extra: Partial<Message> = {}) {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.bot.deliver({ message: { ...this.baseMessage(), text, entities, ...extra } as never });
  }

  sendMessage(fields: Partial<Message>) {
    return this.bot.deliver({ message: { ...this.baseMessage(), ...fields } as never });
  }

  sendPhoto(caption?: string, extra: Partial<Message> = {}) {
    const unique = `ph${nextMessageId}`;
    return this.sendMessage({
      photo: [
        { file_id: `small-${unique}`, file_unique_id: `s-${unique}`, width: 90, height: 90 },
        { file_id: `photo-${unique}`, file_unique_id: unique, width: 1280, height: 960, file_size: 200_000 },
      ],
      caption,
      ...extra,
    });
  }

  /** All successful calls that delivered something to this user. */
  get received(): RecordedCall[] {
    return this.bot.fake.sentTo(this.id);
  }

  texts(): string[] {
    return this.bot.fake.textsTo(this.id);
  }

  lastText(): string {
    return this.texts().at(-1) ?? "";
  }

  /** Presses raw callback data on the newest message (forged data included). */
  pressData(data: string, messageId?: number) {
    const message = { message_id: messageId ?? this.newestMessageId(), date: 0, chat: this.chat() };
    return this.bot.deliver({
      callback_query: {
        id: String(nextMessageId++),
        from: this.from,
        chat_instance: "ci",
        data,
        message: message as never,
      },
    });
  }

  /** Presses the newest button whose label matches, as a person tapping it would. */
  async press(label: string | RegExp) {
    const found = this.findButton(label);
    if (!found) {
      throw new Error(
        `no button ${label} in messages to ${this.id}; last texts:\n${this.texts().slice(-3).join("\n---\n")}`,
      );
    }
    return this.pressData(found.data, found.messageId);
  }

  /** The callback data of the newest button whose label matches. */
  findButton(label: string | RegExp): { data: string; messageId: number } | undefined {
    const calls = this.received;
    for (let i = calls.length - 1; i >= 0; i--) {
      const call = calls[i]!;
      const markup = call.payload.reply_markup as Markup | undefined;
      for (const row of markup?.inline_keyboard ?? []) {
        for (const button of row) {
          const matches = typeof label === "string" ? button.text === label : label.test(button.text);
          if (matches && "callback_data" in button && button.callback_data) {
            return { data: button.callback_data, messageId: messageIdOf(call) };
          }
        }
      }
    }
    return undefined;
  }

  /** The message_id of the newest message the bot sent this user (1 when none). */
  private newestMessageId(): number {
    const last = this.received.at(-1);
    return last ? messageIdOf(last) : 1;
  }

  /** Answers given to this user's button presses (toasts and alerts). */
  callbackAnswers(): string[] {
    return this.bot.fake
      .callsTo("answerCallbackQuery")
      .map((c) => (c.payload.text as string | undefined) ?? "")
      .filter(Boolean);
  }

  async record() {
    return this.bot.prisma.user.findUnique({ where: { telegramId: BigInt(this.id) } });
  }

  /** /start from a station QR code for `districtCode`, then accept the privacy notice. */
  async onboard(districtCode = "QS-CG-DM") {
    await this.send(`/start d_${districtCode}`);
    await this.press(/同意并继续|Agree and continue/);
  }
}
