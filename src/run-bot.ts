// Runs the bot from a config: migrations, command menu, worker, schedules and intake (polling
// or webhook). The same path for production (src/main.ts) and the sandbox, which points
// TELEGRAM_API_ROOT at its embedded Bot API.
import { GrammyError, HttpError } from "grammy";
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
  /** How long one attempt waits for Telegram's answer (getMe), in ms; 30 s unless given. */
  connectTimeoutMs?: number;
  /** The wait after the first failed attempt, in ms, doubled after each one; 1 s unless given. */
  retryInitialMs?: number;
  /** The longest wait between attempts, in ms; 60 s unless given. */
  retryMaxMs?: number;
  /** Aborting it gives up connecting: runBot then rejects with TelegramUnreachableError. */
  signal?: AbortSignal;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY_INITIAL_MS = 1_000;
const DEFAULT_RETRY_MAX_MS = 60_000;
/** Telegram's answers to a token it does not know (401 Unauthorized, 404 Not Found): retrying cannot help. */
const REFUSED_TOKEN_CODES = new Set([401, 404]);

/** Start-up could not talk to Telegram; `message` says why and what to do, for the person who ran npm start. */
export class TelegramUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TelegramUnreachableError";
  }
}

/**
 * The wait before attempt `attempt + 1` after `attempt` failed ones (1-based), in ms:
 * `initialMs` doubled per failed attempt, never more than `maxMs` (1, 2, 4 … 60 s by default).
 */
export function connectRetryDelayMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
}

/** Why one attempt failed, in a few words for the log: the network error's code, or Telegram's answer. */
function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
  if (error instanceof HttpError) {
    const inner = error.error as {
      name?: string;
      code?: string;
      message?: string;
      cause?: { code?: string };
    };
    if (inner?.name === "AbortError" || inner?.name === "TimeoutError")
      return `no answer within ${formatSeconds(timeoutMs)} s`;
    return inner?.code ?? inner?.cause?.code ?? inner?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Resolves after `ms`, or as soon as `signal` is aborted. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Asks Telegram who the bot is (getMe) until it answers, so that a machine without a route to
 * Telegram is told instead of waiting silently: each failed attempt (no answer within
 * `connectTimeoutMs`, a network error, a server error) is logged as "cannot reach the Bot API
 * at <root> (<reason>); retrying in N s", with waits of 1, 2, 4 … capped at 60 s (issue 7).
 * Throws TelegramUnreachableError at once when Telegram refuses the token (401, 404), or when
 * `signal` is aborted.
 */
async function connect(bot: App["bot"], config: Config, logger: Logger, options: RunBotOptions) {
  const apiRoot = config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const initialMs = options.retryInitialMs ?? DEFAULT_RETRY_INITIAL_MS;
  const maxMs = options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS;
  logger.info({ apiRoot }, "connecting to Telegram");
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted)
      throw new TelegramUnreachableError(`gave up connecting to the Bot API at ${apiRoot}`);
    try {
      const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
      // grammY types its signal with the abort-controller package's AbortSignal; Node's is the same at runtime.
      bot.botInfo = await bot.api.getMe(AbortSignal.any(signals) as Parameters<typeof bot.api.getMe>[0]);
      if (attempt > 1) logger.info({ apiRoot, attempt }, "reached the Bot API");
      return;
    } catch (error) {
      if (error instanceof GrammyError && REFUSED_TOKEN_CODES.has(error.error_code))
        throw new TelegramUnreachableError(
          `Telegram at ${apiRoot} refused BOT_TOKEN (${error.error_code} ${error.description}): check the token from @BotFather`,
          { cause: error },
        );
      const delayMs = connectRetryDelayMs(attempt, initialMs, maxMs);
      const reason = failureReason(error, timeoutMs);
      logger.warn(
        { apiRoot, attempt, reason, retryInMs: delayMs },
        `cannot reach the Bot API at ${apiRoot} (${reason}); retrying in ${formatSeconds(delayMs)} s`,
      );
      await pause(delayMs, options.signal);
    }
  }
}

/** Milliseconds as seconds for the log: 1, 2, 60; up to two decimals under 10 s (0.05, 1.5). */
function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 0)));
}

/**
 * Builds the app from `config` (migrating DATABASE_URL), registers the command menu (a
 * failure is only logged), starts the worker and the scheduler, then takes updates: a
 * webhook server on PORT (BOT_MODE=webhook) or long polling. Resolves once updates flow.
 * While Telegram cannot be reached it retries with backoff, for as long as it takes; throws
 * TelegramUnreachableError when Telegram refuses the token or `options.signal` is aborted.
 */
export async function runBot(
  config: Config,
  logger: Logger,
  options: RunBotOptions = {},
): Promise<RunningBot> {
  const app = await createApp(config, logger);
  const { bot, worker } = app;
  try {
    await connect(bot, config, logger, options);
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
