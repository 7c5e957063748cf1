// Builds the whole application from a config: database, bot, worker, intake. Used by
// src/main.ts and by tests, so that both run the same wiring.
import type { Bot } from "grammy";
import type { BotContext, BotDeps } from "./bot/context.js";
import { type CreateBotOptions, createBot } from "./bot/create-bot.js";
import { createI18n } from "./bot/i18n.js";
import { createUpdateProcessor, type ProcessUpdate } from "./bot/intake/process-update.js";
import { createNotificationSender } from "./bot/notifications.js";
import type { Config } from "./config.js";
import { createDatabase, type Database, preparePragmas } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { createNotifyTask, NOTIFY_TASK } from "./jobs/tasks/notify.js";
import { createWorker, type Worker } from "./jobs/worker.js";
import type { Logger } from "./logger.js";

export interface App {
  config: Config;
  db: Database;
  bot: Bot<BotContext>;
  deps: BotDeps;
  worker: Worker;
  processUpdate: ProcessUpdate;
  close(): Promise<void>;
}

export interface CreateAppOptions extends CreateBotOptions {
  /** An existing database (tests); otherwise DATABASE_URL is opened and migrated. */
  db?: Database;
  now?: () => Date;
  workerPollIntervalMs?: number;
}

export async function createApp(
  config: Config,
  logger: Logger,
  options: CreateAppOptions = {},
): Promise<App> {
  let db = options.db;
  if (!db) {
    const applied = await migrate(config.DATABASE_URL);
    if (applied.length > 0) logger.info({ applied }, "migrations applied");
    db = createDatabase(config.DATABASE_URL);
    await preparePragmas(db);
  }
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const now = options.now ?? (() => new Date());
  const deps: BotDeps = { config, db, logger, i18n, now };
  const bot = createBot(deps, options);
  const worker = createWorker({
    db,
    logger,
    now,
    pollIntervalMs: options.workerPollIntervalMs,
    handlers: {
      [NOTIFY_TASK]: createNotifyTask(createNotificationSender({ api: bot.api, db, i18n, config })),
    },
  });
  deps.onJobsQueued = () => worker.wake();
  const processUpdate = createUpdateProcessor(bot, deps);
  const database = db;
  return {
    config,
    db,
    bot,
    deps,
    worker,
    processUpdate,
    async close() {
      await worker.stop();
      if (!options.db) await database.close();
    },
  };
}
