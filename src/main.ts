// The entry point of `npm start`: with BOT_TOKEN, the bot on Telegram; without it (or with
// `--sandbox`, i.e. `npm run sandbox`), the sandbox: the same bot against an embedded Bot API,
// with a web chat. Wires config → bot (or sandbox) → graceful shutdown.
import { ConfigError, loadStartup, type Startup } from "./config.js";
import { createLogger } from "./logger.js";
import { runBot, TelegramUnreachableError } from "./run-bot.js";

/**
 * Bad configuration (also a sandbox port in use), or a token Telegram refuses, ends the
 * process with its message and exit code 1 (a Telegram that does not answer is retried).
 */
function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof TelegramUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

/** The password in a PostgreSQL DATABASE_URL (undefined for SQLite or none), kept out of the logs. */
function databasePassword(url: string): string | undefined {
  if (!/^postgres(ql)?:/.test(url)) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  let startup: Startup;
  try {
    startup = loadStartup(process.argv.includes("--sandbox"));
  } catch (error) {
    exitOnConfigError(error);
  }
  const logger = createLogger(startup.config.LOG_LEVEL, {
    secrets: [
      startup.config.BOT_TOKEN,
      startup.config.WEBHOOK_SECRET,
      databasePassword(startup.config.DATABASE_URL),
    ],
  });
  let stop: () => Promise<void> = async () => undefined;
  let stopping = false;
  async function shutdown(signal: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await stop();
    clearTimeout(force);
    process.exit(code);
  }

  if (startup.mode === "sandbox") {
    // Loaded only here: the sandbox (its Bot API, web chat and their libraries) costs the bot
    // process memory it never uses on Telegram.
    const { startSandbox } = await import("./sandbox/start.js");
    const sandbox = await startSandbox(startup, logger, {
      onFatal: () => void shutdown("fatal polling error", 1),
    });
    // Printed whatever LOG_LEVEL says: it is what the person who typed `npm start` needs.
    console.log(`Liaison Station sandbox: open ${sandbox.url} (no Telegram token: an embedded Bot API)`);
    stop = () => sandbox.stop();
  } else {
    const bot = await runBot(startup.config, logger, {
      onFatal: () => void shutdown("fatal polling error", 1),
    }).catch(exitOnConfigError);
    stop = () => bot.stop();
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
