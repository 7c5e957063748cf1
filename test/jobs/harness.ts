// The real application against the fake Bot API, with the fake's options (flood limits)
// and a clock the test moves by hand. Several harnesses may share one database, to play
// several instances of the bot.
import type { App } from "../../src/app.js";
import type { Config } from "../../src/config.js";
import type { Database, Dialect } from "../../src/db/client.js";
import type { FakeBotApi, FakeBotApiOptions } from "../helpers/fake-bot-api.js";
import { eventually, startTestApp, stopTestApp, type TestApp } from "../helpers/test-app.js";

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
    private readonly parts: TestApp,
    readonly clock: Clock,
  ) {}

  static async create(options: HarnessOptions = {}): Promise<Harness> {
    const shared = options.shareWith;
    const clock = shared?.clock ?? new Clock(new Date(options.start ?? "2026-11-24T03:00:00Z").getTime());
    const parts = await startTestApp({
      dialect: options.dialect,
      env: options.env,
      fake: options.fake,
      now: clock.now,
      share: shared ? { fake: shared.fake, db: shared.db } : undefined,
      workerPollIntervalMs: 50,
    });
    return new Harness(parts, clock);
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

  get config(): Config {
    return this.parts.config;
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

  close(): Promise<void> {
    return stopTestApp(this.parts);
  }
}

export { eventually };
