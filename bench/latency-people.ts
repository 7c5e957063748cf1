// The people of the latency bench acting through the fake Bot API's user side, as a Telegram
// app does: typing, tapping the newest button with a label, swipe-replying to a message, and
// waiting for the bot's next message in their chat. Times are performance.now() milliseconds,
// taken when the fake makes an update available and when it stores the bot's message.
import type { TelegramUser } from "../src/sandbox/bot-api/chats.js";
import type { FakeBotApi } from "../test/helpers/fake-bot-api.js";

type Stored = { message: Record<string, unknown>; fromBot: boolean };
type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] };

/** How long a person takes to read a message before reacting to it, at least. */
export const READING_MS = 1100;

/** The fake's user side, with the bot's messages per chat watched as they are stored. */
export class People {
  private waiters = new Map<
    number,
    { match: (text: string) => boolean; resolve: (at: number, s: Stored) => void }
  >();
  /** When the bot last sent or edited something in each chat. */
  private lastFromBot = new Map<number, number>();

  constructor(private readonly fake: FakeBotApi) {
    const seen = ({ chatId, stored }: { chatId: number; stored: Stored }) => {
      const at = performance.now();
      this.lastFromBot.set(chatId, at);
      const waiter = this.waiters.get(chatId);
      const text = String(stored.message.text ?? stored.message.caption ?? "");
      if (waiter && stored.fromBot && waiter.match(text)) {
        this.waiters.delete(chatId);
        waiter.resolve(at, stored);
      }
    };
    fake.state.on("message", seen);
    fake.state.on("edit", ({ chatId }) => this.lastFromBot.set(chatId, performance.now()));
  }

  /** A Chinese-speaking Telegram user. */
  static user(id: number): TelegramUser {
    return { id, is_bot: false, first_name: `P${id}`, language_code: "zh-hans" };
  }

  /** Resolves with the time the bot's next new message in `chatId` matching `match` was stored, and its id. */
  nextMessage(chatId: number, match: (text: string) => boolean): Promise<{ at: number; messageId: number }> {
    if (this.waiters.has(chatId)) throw new Error(`already waiting for a message in chat ${chatId}`);
    return new Promise((resolve) =>
      this.waiters.set(chatId, {
        match,
        resolve: (at, stored) => resolve({ at, messageId: Number(stored.message.message_id) }),
      }),
    );
  }

  /** Waits until `chatId` has had nothing from the bot for READING_MS (Telegram's 1 msg/s per chat). */
  async read(chatId: number): Promise<void> {
    for (;;) {
      const quietFor = performance.now() - (this.lastFromBot.get(chatId) ?? Number.NEGATIVE_INFINITY);
      if (quietFor >= READING_MS) return;
      await new Promise((resolve) => setTimeout(resolve, READING_MS - quietFor));
    }
  }

  private handled(updateId: number): Promise<void> {
    return this.fake.state.updates.handled(updateId, 600_000);
  }

  /** Sends text (optionally as a swipe-reply) and waits until the bot has handled it. */
  async say(user: TelegramUser, text: string, replyTo?: number): Promise<void> {
    await this.handled(this.fake.client.send(user, { text }, replyTo).updateId);
  }

  /** The newest button labelled `label` in the user's chat, or undefined. */
  button(user: TelegramUser, label: string): { data: string; messageId: number } | undefined {
    const calls = this.fake.sentTo(user.id);
    for (let i = calls.length - 1; i >= 0; i--) {
      const call = calls[i]!;
      const markup = call.payload.reply_markup as Markup | undefined;
      for (const row of markup?.inline_keyboard ?? [])
        for (const button of row)
          if (button.text === label && button.callback_data) {
            const result = call.result as { message_id?: number } | undefined;
            return {
              data: button.callback_data,
              messageId: result?.message_id ?? Number(call.payload.message_id),
            };
          }
    }
    return undefined;
  }

  /**
   * Taps the newest button labelled `label`; resolves with the time the update was made
   * available to getUpdates, and a promise of its handling. Throws when there is no such button.
   */
  tap(user: TelegramUser, label: string): { at: number; handled: Promise<void> } {
    const found = this.button(user, label);
    if (!found) throw new Error(`no button "${label}" in the chat of ${user.id}`);
    const at = performance.now();
    const { updateId } = this.fake.client.press(user, found.messageId, found.data);
    return { at, handled: this.handled(updateId) };
  }
}
