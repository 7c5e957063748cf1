// The real application (createApp) wired to a fake Bot API and a fresh, seeded database:
// the common ground of TestBot (people driving the bot) and the jobs harness (a hand-moved
// clock, several instances on one database).
import type { UserFromGetMe } from "grammy/types";
import { type App, createApp } from "../../src/app.js";
import { type Config, parseConfig } from "../../src/config.js";
import type { Database, Dialect } from "../../src/db/client.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, exampleSeedPath, type TestDatabase } from "./database.js";
import { FakeBotApi, type FakeBotApiOptions, type RecordedCall } from "./fake-bot-api.js";
import { findNoteLeaks, type NoteLeak } from "./note-guard.js";

export { exampleSeedPath };

export interface TestAppOptions {
  dialect?: Dialect;
  env?: Record<string, string>;
  /** Options of the fake Bot API, e.g. Telegram's flood limits. */
  fake?: FakeBotApiOptions;
  now?: () => Date;
  /** Seed the example county (default true). */
  seed?: boolean;
  /** Another instance's fake and database: this app is a second instance of the bot. */
  share?: { fake: FakeBotApi; db: Database };
  workerPollIntervalMs?: number;
  /** The working-day calendar the monthly bulletin goes by (default: the shipped years). */
  loadCalendar?: () => Promise<WorkingCalendar>;
}

export interface TestApp {
  app: App;
  fake: FakeBotApi;
  db: Database;
  config: Config;
  /** The database this app created, and must drop; absent for a second instance. */
  owned?: TestDatabase;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fake = options.share?.fake ?? (await FakeBotApi.start(options.fake));
  let owned: TestDatabase | undefined;
  let db: Database;
  if (options.share) db = options.share.db;
  else {
    owned = await createTestDatabase(options.dialect ?? "sqlite", { seeded: options.seed !== false });
    db = owned;
  }
  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: db.url,
    LOG_LEVEL: "silent",
    // Answers are paced too: at the production default (25/s) every reply would wait its
    // turn. Tests of the sending rate set their own rate and the fake's limits.
    SEND_RATE_PER_SECOND: "1000",
    // Telegram's 1 message/s per chat would make every test wait about a second whenever the
    // bot writes twice to one person. A fake that enforces Telegram's limits (its own or a
    // shared one) keeps the production default; the spacing itself is proven in
    // test/jobs/pacer.test.ts and, end to end, in test/jobs/per-chat-spacing.test.ts.
    ...(fake.rateLimit ? {} : { SEND_PER_CHAT_PER_SECOND: "1000" }),
    ...options.env,
  });
  const app = await createApp(config, createLogger("silent"), {
    db,
    botInfo: fake.botInfo as UserFromGetMe,
    now: options.now,
    workerPollIntervalMs: options.workerPollIntervalMs,
    loadCalendar: options.loadCalendar,
  });
  return { app, fake, db, config, owned };
}

/**
 * Closes the app, and the fake and database it owns. An app that owns its database first
 * checks that no internal note reached a citizen in anything the fake recorded
 * (test/helpers/note-guard.ts), and fails after closing when one did.
 */
export async function stopTestApp({ app, fake, owned }: TestApp): Promise<void> {
  const leaks = owned ? await findNoteLeaks(owned, fake).catch((): NoteLeak[] => []) : [];
  const emptyRows = owned ? callsWithEmptyKeyboardRows(fake.calls) : [];
  await app.close();
  if (owned) {
    await fake.close();
    await owned.drop();
  }
  if (leaks.length > 0)
    throw new Error(`internal notes reached citizens: ${JSON.stringify(leaks.slice(0, 5))}`);
  if (emptyRows.length > 0)
    throw new Error(`inline keyboards with an empty row were sent: ${JSON.stringify(emptyRows.slice(0, 3))}`);
}

/** The recorded calls whose inline keyboard has an empty row (`[]`): none may reach Telegram. */
export function callsWithEmptyKeyboardRows(calls: RecordedCall[]): RecordedCall[] {
  return calls.filter((call) => {
    let markup = call.payload.reply_markup as unknown;
    if (typeof markup === "string") markup = JSON.parse(markup);
    const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
    return Array.isArray(rows) && rows.some((row) => Array.isArray(row) && row.length === 0);
  });
}

/** Polls `condition` until it holds (work done by a running worker); fails after `timeoutMs`. */
export async function eventually(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
