// Runs the bot from a config: migrations, command menu, worker, schedules and intake (polling
// or webhook). The same path for production (src/main.ts) and the sandbox, which points
// TELEGRAM_API_ROOT at its embedded Bot API.
import { type App, createApp } from "./app.js";
import { registerCommands } from "./bot/commands.js";
import { allowedUpdates, createPoller } from "./bot/intake/polling.js";
import { createWebhookServer } from "./bot/intake/webhook.js";
import type { Config } from "./config.js";
import { releaseAllClaims } from "./db/queries/processed-updates.js";
import type { Logger } from "./logger.js";

export interface RunningBot {
  app: App;
  /** Stops taking updates, then stops the worker and scheduler and closes the database. */
  stop(): Promise<void>;
}

export interface RunBotOptions {
  /** Polling cannot go on (a rejected token, a failing database). */
  onFatal?: (error: unknown) => void;
}

/**
 * Builds the app from `config` (migrating DATABASE_URL), registers the command menu (a
 * failure is only logged), starts the worker and the scheduler, then takes updates: a
 * webhook server on PORT (BOT_MODE=webhook) or long polling. Resolves once updates flow.
 */
export async function runBot(
  config: Config,
  logger: Logger,
  options: RunBotOptions = {},
): Promise<RunningBot> {
  const app = await createApp(config, logger);
  const { bot, worker } = app;
  await bot.init();
  await registerCommands(bot.api, app.deps.i18n, config.DEFAULT_LOCALE).catch((error) =>
    logger.warn({ err: error }, "could not register the command menu"),
  );
  worker.start();
  // Cron ticks only queue work; the start-up catch-up queues each schedule's latest slot.
  await app.scheduler.start();

  let stopIntake: () => Promise<void>;
  if (config.BOT_MODE === "webhook") {
    const url = new URL(config.WEBHOOK_URL!);
    const server = createWebhookServer({
      process: app.processUpdate,
      secret: config.WEBHOOK_SECRET!,
      path: url.pathname,
      logger,
    });
    await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
    await bot.api.setWebhook(url.toString(), {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...allowedUpdates],
    });
    logger.info({ port: config.PORT, url: url.toString() }, "webhook listening");
    stopIntake = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    await bot.api.deleteWebhook();
    const released = await releaseAllClaims(app.db);
    if (released > 0) logger.warn({ released }, "released updates left unfinished by a previous run");
    const poller = createPoller({
      api: bot.api,
      process: app.processUpdate,
      logger,
      onFatal: options.onFatal,
    });
    await poller.start();
    logger.info({ username: bot.botInfo.username }, "polling");
    stopIntake = () => poller.stop();
  }

  return {
    app,
    async stop() {
      await stopIntake();
      await app.close();
    },
  };
}
