// Builds the whole application from a config: database, bot, worker, intake. Used by
// src/main.ts and by tests, so that both run the same wiring.
import type { Bot } from "grammy";
import { createActivityNoticeSender } from "./bot/activity-notifications.js";
import { createBroadcastDelivery } from "./bot/broadcast-delivery.js";
import { createBulletinSender } from "./bot/bulletin-message.js";
import type { BotContext, BotDeps } from "./bot/context.js";
import { type CreateBotOptions, createBot } from "./bot/create-bot.js";
import { createI18n } from "./bot/i18n.js";
import { createUpdateProcessor, type ProcessUpdate } from "./bot/intake/process-update.js";
import {
  createBulkApi,
  createDelivery,
  createDeliveryApi,
  createNotificationSender,
} from "./bot/notifications.js";
import { createReminderSender } from "./bot/reminder-messages.js";
import { classifySendError } from "./bot/telegram-errors.js";
import type { Config } from "./config.js";
import { createDatabase, type Database, preparePragmas } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { publishActivityBatch } from "./db/queries/activities.js";
import type { WorkingCalendar } from "./domain/working-days.js";
import { createPacer, type Pacer, pacerTransformer } from "./jobs/pacer.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import { scheduledTasks } from "./jobs/schedules.js";
import { ACTIVITY_NOTICE_TASK, createActivityNoticeTask } from "./jobs/tasks/activity-notice.js";
import {
  ACTIVITY_PUBLISH_TASK,
  createActivityPublishTask,
  PUBLISH_BATCH_SIZE,
} from "./jobs/tasks/activity-publish.js";
import { createBroadcastTasks } from "./jobs/tasks/broadcast.js";
import { createSendBulletinTask, SEND_BULLETIN_TASK } from "./jobs/tasks/monthly-bulletin.js";
import { createNotifyTask, NOTIFY_TASK } from "./jobs/tasks/notify.js";
import { createSendReminderTask, SEND_REMINDER_TASK } from "./jobs/tasks/send-reminder.js";
import { createWorker, type Worker } from "./jobs/worker.js";
import type { Logger } from "./logger.js";

export interface App {
  config: Config;
  db: Database;
  bot: Bot<BotContext>;
  deps: BotDeps;
  worker: Worker;
  /** Started by src/main.ts (not by tests): cron ticks and the start-up catch-up. */
  scheduler: Scheduler;
  pacer: Pacer;
  processUpdate: ProcessUpdate;
  close(): Promise<void>;
}

export interface CreateAppOptions extends CreateBotOptions {
  /** An existing database (tests); otherwise DATABASE_URL is opened and migrated. */
  db?: Database;
  now?: () => Date;
  workerPollIntervalMs?: number;
  /** The working-day calendar the monthly bulletin goes by (default: the shipped and loaded years). */
  loadCalendar?: () => Promise<WorkingCalendar>;
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
  // One pacer for everything this process sends; the bot's budget is shared out between its
  // instances (see src/jobs/pacer.ts). Answers go through bot.api on the interactive lane.
  const sendRate = config.SEND_RATE_PER_SECOND / config.SEND_INSTANCES;
  const pacer = createPacer({
    ratePerSecond: sendRate,
    perChatPerSecond: config.SEND_PER_CHAT_PER_SECOND,
    groupPerMinute: config.SEND_GROUP_PER_MINUTE,
  });
  bot.api.config.use(pacerTransformer(pacer));
  const delivery = createDelivery({ api: createDeliveryApi(config), db, i18n, config, pacer });
  const schedules = scheduledTasks(db, config, options.loadCalendar);
  const worker = createWorker({
    db,
    logger,
    now,
    pollIntervalMs: options.workerPollIntervalMs,
    // About a second's worth of sends in progress, so that network latency does not cut the rate.
    concurrency: Math.max(10, Math.ceil(sendRate)),
    handlers: {
      [NOTIFY_TASK]: createNotifyTask(createNotificationSender(delivery, { db, config })),
      [SEND_REMINDER_TASK]: createSendReminderTask(
        createReminderSender(delivery, {
          db,
          timeZone: config.TIME_ZONE,
          remindAfterHours: config.REMIND_UNACCEPTED_HOURS,
        }),
      ),
      ...schedules.handlers,
      [SEND_BULLETIN_TASK]: createSendBulletinTask(createBulletinSender(delivery, { db, config })),
      [ACTIVITY_PUBLISH_TASK]: createActivityPublishTask(async (publish) => {
        await publishActivityBatch(db, { ...publish, now: now(), batchSize: PUBLISH_BATCH_SIZE });
      }),
      [ACTIVITY_NOTICE_TASK]: createActivityNoticeTask(
        createActivityNoticeSender(delivery, { db, timeZone: config.TIME_ZONE }),
      ),
      ...createBroadcastTasks({
        db,
        now,
        ...createBroadcastDelivery({ api: createBulkApi(config, pacer), i18n, config }),
        classify: classifySendError,
        progressIntervalMs: config.BROADCAST_PROGRESS_SECONDS * 1000,
      }),
    },
  });
  deps.onJobsQueued = () => worker.wake();
  const scheduler = createScheduler({
    db,
    logger,
    now,
    schedules: schedules.schedules,
    timeZone: config.TIME_ZONE,
    onQueued: () => worker.wake(),
  });
  const processUpdate = createUpdateProcessor(bot, deps);
  const database = db;
  return {
    config,
    db,
    bot,
    deps,
    worker,
    scheduler,
    pacer,
    processUpdate,
    async close() {
      await scheduler.stop();
      await worker.stop();
      if (!options.db) await database.close();
    },
  };
}
