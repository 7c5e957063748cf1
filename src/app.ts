// Builds the whole application from a config: database, bot, worker, intake. Used by
// src/main.ts and by tests, so that both run the same wiring.
import type { Bot } from "grammy";
import { createBroadcastProgress } from "./bot/broadcast-progress.js";
import type { BotContext, BotDeps } from "./bot/context.js";
import { type CreateBotOptions, createBot } from "./bot/create-bot.js";
import { deferWhenPaused, learnStoredPause } from "./bot/deferred-replies.js";
import { createI18n } from "./bot/i18n.js";
import { createUpdateProcessor, type ProcessUpdate } from "./bot/intake/process-update.js";
import { createRenderers } from "./bot/renderers/index.js";
import { createBulkApi, createDeliveryApi, createTransport } from "./bot/transport.js";
import type { Config } from "./config.js";
import { createDatabase, type Database, preparePragmas } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { outboxWrites } from "./db/outbox.js";
import { ACTIVITY_PUBLISH_TASK, publishActivityBatch } from "./db/queries/activities.js";
import { LONG_PAUSE_MS, queuePauseReport, recordDeliveryPause } from "./db/queries/delivery-pause.js";
import type { WorkingCalendar } from "./domain/working-days.js";
import { createDeliveryEngine } from "./jobs/delivery.js";
import { createPacer, type Pacer, pacerTransformer } from "./jobs/pacer.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import { scheduledTasks } from "./jobs/schedules.js";
import { createActivityPublishTask, PUBLISH_BATCH_SIZE } from "./jobs/tasks/activity-publish.js";
import { createBroadcastTasks, recordBroadcastOutcome } from "./jobs/tasks/broadcast.js";
import { recordCaseMessageOutcome } from "./jobs/tasks/case-message-refs.js";
import { createDeliverTasks } from "./jobs/tasks/deliver.js";
import { undeliveredHooks } from "./jobs/tasks/undelivered.js";
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
    db = await createDatabase(config.DATABASE_URL);
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
  // Every pause a 429 asks for is stored, so that every instance and a restart honour it; a
  // long one is an incident: logged as an error and reported to the administrators once over.
  const onPause = async ({ from, until }: { from: Date; until: Date }) => {
    const ms = until.getTime() - from.getTime();
    if (ms <= LONG_PAUSE_MS) return;
    logger.error(
      { until, minutes: Math.round(ms / 60_000) },
      "Telegram paused sending for a long time (429)",
    );
    await queuePauseReport(db, { from, until, adminTelegramIds: config.ADMIN_IDS, now: from });
  };
  const storePause = async (ms: number) => {
    const from = now();
    const until = new Date(from.getTime() + ms);
    try {
      await recordDeliveryPause(db.prisma, until, from);
      await onPause({ from, until });
    } catch (error) {
      logger.warn({ err: error }, "could not store the pause of sending");
    }
  };
  bot.api.config.use(pacerTransformer(pacer, { onPause: storePause }));
  // Before the pacer: a pause stored by another instance (or before a restart) is known before sending.
  bot.api.config.use(learnStoredPause(db, pacer, now, logger));
  // Outside the pacer: an answer refused by a long pause waits in the queue, not in the handler.
  bot.api.config.use(deferWhenPaused(db, now, logger));
  // Every queued message, whatever its kind, goes through this one engine (src/jobs/delivery.ts).
  const delivery = createDeliveryEngine({
    db,
    pacer,
    config,
    transport: createTransport(createDeliveryApi(config)),
    renderers: createRenderers({ db, config }),
    hooks: { ...undeliveredHooks(db), broadcast: recordBroadcastOutcome(db) },
    // Which case each sent message is about: a Telegram reply to it goes to that case.
    onOutcome: recordCaseMessageOutcome(db.prisma),
    translator: (locale) => (key, vars) => i18n.t(locale, key, vars),
    onPause,
  });
  // A broadcast's progress edits: paced on the bulk lane, and they too learn of a stored pause first.
  const bulkApi = createBulkApi(config, pacer, storePause);
  bulkApi.config.use(learnStoredPause(db, pacer, now, logger));
  const schedules = scheduledTasks(db, config, options.loadCalendar);
  const worker = createWorker({
    db,
    logger,
    now,
    pollIntervalMs: options.workerPollIntervalMs,
    // About a second's worth of sends in progress, so that network latency does not cut the rate.
    concurrency: Math.max(10, Math.ceil(sendRate)),
    handlers: {
      ...createDeliverTasks(delivery),
      ...schedules.handlers,
      [ACTIVITY_PUBLISH_TASK]: createActivityPublishTask(async (publish) => {
        await publishActivityBatch(db, { ...publish, now: now(), batchSize: PUBLISH_BATCH_SIZE });
      }),
      ...createBroadcastTasks({
        db,
        now,
        ...createBroadcastProgress({ api: bulkApi, i18n, config }),
        progressIntervalMs: config.BROADCAST_PROGRESS_SECONDS * 1000,
      }),
    },
  });
  const scheduler = createScheduler({
    db,
    logger,
    now,
    schedules: schedules.schedules,
    timeZone: config.TIME_ZONE,
    onQueued: () => worker.wake(),
  });
  // The worker is woken at a handler's first Bot API call after it queued something: its
  // transaction has committed by then (a handler's answers follow its commit), so the queued
  // message is claimed and rendered while the answers are on their way. A wake-up that comes
  // before a commit only finds nothing yet: the wake-up at the end of the update (below) stays.
  let wokenFor = outboxWrites();
  bot.api.config.use((prev, method, payload, signal) => {
    const queued = outboxWrites();
    if (queued !== wokenFor) {
      wokenFor = queued;
      worker.wake();
    }
    return prev(method, payload, signal);
  });
  // And once per handled update that queued something, after its transactions have
  // committed, so that what it queued goes out at once.
  const handleUpdate = createUpdateProcessor(bot, deps);
  const processUpdate: ProcessUpdate = async (update) => {
    const queuedBefore = outboxWrites();
    const claim = await handleUpdate(update);
    if (outboxWrites() !== queuedBefore) worker.wake();
    return claim;
  };
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
