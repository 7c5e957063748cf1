// The real application (createApp) against the fake Bot API, with the fake's options (flood
// limits) and a clock the test moves by hand. Several harnesses may share one database, to
// play several instances of the bot.
import type { UserFromGetMe } from "grammy/types";
import { type App, createApp } from "../../src/app.js";
import { type Config, parseConfig } from "../../src/config.js";
import type { Database, Dialect } from "../../src/db/client.js";
import { readSeedFile, seedDirectory } from "../../src/db/queries/seed.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { FakeBotApi, type FakeBotApiOptions } from "../helpers/fake-bot-api.js";
import { exampleSeedPath } from "../helpers/test-bot.js";

/** A hand-moved clock: the application's `now`. */
export class Clock {
  constructor(private at: number) {}
  now = (): Date => new Date(this.at);
  set(date: Date | string): void {
    this.at = new Date(date).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface HarnessOptions {
  dialect?: Dialect;
  env?: Record<string, string>;
  fake?: FakeBotApiOptions;
  /** Share another harness's fake and database (a second instance of the bot). */
  shareWith?: Harness;
  /** Defaults to 2026-11-24 11:00 in Shanghai: daytime, outside quiet hours. */
  start?: string;
}

export class Harness {
  private constructor(
    readonly app: App,
    readonly fake: FakeBotApi,
    readonly db: Database,
    readonly clock: Clock,
    readonly config: Config,
    private readonly owned?: TestDatabase,
  ) {}

  static async create(options: HarnessOptions = {}): Promise<Harness> {
    const shared = options.shareWith;
    const fake = shared?.fake ?? (await FakeBotApi.start(options.fake));
    let owned: TestDatabase | undefined;
    let db: Database;
    if (shared) db = shared.db;
    else {
      owned = await createTestDatabase(options.dialect ?? "sqlite");
      db = owned;
      await seedDirectory(db.prisma, readSeedFile(exampleSeedPath), new Date());
    }
    const clock = shared?.clock ?? new Clock(new Date(options.start ?? "2026-11-24T03:00:00Z").getTime());
    const config = parseConfig({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: db.url,
      LOG_LEVEL: "silent",
      ...options.env,
    });
    const app = await createApp(config, createLogger("silent"), {
      db,
      botInfo: fake.botInfo as UserFromGetMe,
      now: clock.now,
      workerPollIntervalMs: 50,
    });
    return new Harness(app, fake, db, clock, config, owned);
  }

  get prisma() {
    return this.db.prisma;
  }

  /** Jobs not finished yet. */
  pendingJobs(): Promise<number> {
    return this.prisma.job.count({ where: { status: { in: ["queued", "running"] } } });
  }

  /** Runs the worker until nothing is due, moving the clock on by `step` between rounds (retries, backoff). */
  async drainWithClock(step: number, rounds = 12): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await this.app.worker.drain();
      if ((await this.pendingJobs()) === 0) return;
      this.clock.advance(step);
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.owned) {
      await this.fake.close();
      await this.owned.drop();
    }
  }
}

/** Polls `condition` until it holds (work done by a running worker); fails after `timeoutMs`. */
export async function eventually(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
