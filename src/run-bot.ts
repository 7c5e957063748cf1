// Runs the bot from a config: migrations, command menu, worker, schedules and intake (polling
// or webhook). The same path for production (src/main.ts) and the sandbox, which points
// TELEGRAM_API_ROOT at its embedded Bot API.
import { GrammyError } from "grammy";
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
  /** How long start-up waits for Telegram's first answer (getMe), in ms; 30 s unless given. */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
/** After this long without an answer, start-up says it is still waiting. */
const SLOW_CONNECT_MS = 5_000;

/** Start-up could not talk to Telegram; `message` says why and what to do, for the person who ran npm start. */
export class TelegramUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TelegramUnreachableError";
  }
}

/**
 * Asks Telegram who the bot is (getMe, which grammY retries on network errors), saying so in
 * the log, so that a machine without a route to Telegram is told instead of waiting forever.
 * Throws TelegramUnreachableError: when no answer came within `timeoutMs`, or when Telegram
 * refused the token.
 */
async function connect(bot: App["bot"], config: Config, logger: Logger, timeoutMs: number) {
  const apiRoot = config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  logger.info({ apiRoot }, "connecting to Telegram");
  const slow = setTimeout(
    () => logger.warn({ apiRoot }, "no answer from Telegram yet; still trying"),
    Math.min(SLOW_CONNECT_MS, timeoutMs / 2),
  );
  try {
    // grammY types its signal with the abort-controller package's AbortSignal; Node's is the same at runtime.
    await bot.init(AbortSignal.timeout(timeoutMs) as Parameters<typeof bot.init>[0]);
  } catch (error) {
    if (error instanceof GrammyError)
      throw new TelegramUnreachableError(
        `Telegram at ${apiRoot} refused BOT_TOKEN (${error.error_code} ${error.description}): check the token from @BotFather`,
        { cause: error },
      );
    throw new TelegramUnreachableError(
      `cannot reach Telegram at ${apiRoot} (no answer within ${Math.round(timeoutMs / 1000)} s). ` +
        "Check this machine's network or proxy, set TELEGRAM_API_ROOT to a Bot API server it can reach, " +
        "or leave BOT_TOKEN unset to try the bot in the sandbox (npm start without a token)",
      { cause: error },
    );
  } finally {
    clearTimeout(slow);
  }
}

/**
 * Builds the app from `config` (migrating DATABASE_URL), registers the command menu (a
 * failure is only logged), starts the worker and the scheduler, then takes updates: a
 * webhook server on PORT (BOT_MODE=webhook) or long polling. Resolves once updates flow.
 * Throws TelegramUnreachableError when Telegram does not answer or refuses the token.
 */
export async function runBot(
  config: Config,
  logger: Logger,
  options: RunBotOptions = {},
): Promise<RunningBot> {
  const app = await createApp(config, logger);
  const { bot, worker } = app;
  try {
    await connect(bot, config, logger, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  } catch (error) {
    await app.close();
    throw error;
  }
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
