// Wires config → database (+ migrations) → bot, worker, scheduler, intake → graceful shutdown.
import { createApp } from "./app.js";
import { registerCommands } from "./bot/commands.js";
import { allowedUpdates, createPoller } from "./bot/intake/polling.js";
import { createWebhookServer } from "./bot/intake/webhook.js";
import { ConfigError, loadConfig } from "./config.js";
import { releaseAllClaims } from "./db/queries/processed-updates.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
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
      onFatal: () => void shutdown("fatal polling error", 1),
    });
    await poller.start();
    logger.info({ username: bot.botInfo.username }, "polling");
    stopIntake = () => poller.stop();
  }

  let stopping = false;
  async function shutdown(signal: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await stopIntake();
    await app.close();
    clearTimeout(force);
    process.exit(code);
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
