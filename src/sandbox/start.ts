// The sandbox: the bot, unchanged, against an embedded Telegram Bot API on 127.0.0.1 (through
// TELEGRAM_API_ROOT, so polling, the queue, the worker, the pacer and the schedules run as in
// production), with its own SQLite database, a demo county, personas, and a web chat.
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { createI18n } from "../bot/i18n.js";
import { type Config, ConfigError, type Startup } from "../config.js";
import type { Logger } from "../logger.js";
import { type RunBotOptions, type RunningBot, runBot } from "../run-bot.js";
import { BotApiServer } from "./bot-api/server.js";
import { DEMO_ADMIN_ID, demoPosters, seedDemo } from "./demo.js";
import { PersonaStore } from "./personas.js";
import { readSandboxState, writeSandboxState } from "./state-file.js";
import { createWebChat, DEFAULT_UPLOAD_LIMITS, TELEGRAM_RATE_LIMITS, type UploadLimits } from "./web-chat.js";

/** The embedded Bot API's token: made up, and never a real bot's (the sandbox refuses to run beside one). */
const SANDBOX_TOKEN = "1000000:SANDBOX-liaison-station-local-only";
/** How long after a change the chat history is written to disk. */
const SAVE_DELAY_MS = 300;
const DATABASE_FILES = ["", "-wal", "-shm", "-journal"];
const LOOPBACK = ["127.0.0.1", "::1", "localhost"];

/** Starts the web chat's server. Throws ConfigError naming SANDBOX_PORT when the port is taken. */
async function listen(fetch: (request: Request) => Response | Promise<Response>, host: string, port: number) {
  const server = serve({ fetch, hostname: host, port });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
      throw new ConfigError([
        {
          variable: code === "EADDRNOTAVAIL" ? "SANDBOX_HOST" : "SANDBOX_PORT",
          message: `cannot listen on ${host}:${port} (${code}); choose another`,
        },
      ]);
    throw error;
  }
  return server;
}

export interface Sandbox {
  /** The web chat's address, e.g. http://127.0.0.1:3000. */
  url: string;
  api: BotApiServer;
  /** The running bot; replaced by a reset. */
  bot(): RunningBot;
  /** Recreates the database, the chats and the personas from the demo. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface SandboxOptions extends RunBotOptions {
  limits?: UploadLimits;
  now?: () => Date;
}

/**
 * Starts the sandbox described by a "sandbox" Startup (see parseStartup). On a fresh data
 * folder it seeds the demo county and the personas before the web chat opens; otherwise it
 * goes on with the database, chats and personas it left.
 */
export async function startSandbox(
  startup: Extract<Startup, { mode: "sandbox" }>,
  logger: Logger,
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const settings = startup.sandbox;
  const now = options.now ?? (() => new Date());
  const dataDir = resolve(settings.SANDBOX_DATA_DIR);
  const paths = {
    database: join(dataDir, "sandbox.db"),
    state: join(dataDir, "sandbox-state.json"),
    files: join(dataDir, "sandbox-files"),
  };
  mkdirSync(dataDir, { recursive: true });

  const api = await BotApiServer.start({
    token: SANDBOX_TOKEN,
    botUsername: "liaison_sandbox_bot",
    botName: "代表联络站 Sandbox",
    strict: true,
    logger,
    filesDirectory: paths.files,
    ...(settings.SANDBOX_RATE_LIMIT === "telegram" ? { rateLimit: TELEGRAM_RATE_LIMITS } : {}),
  });
  const personas = new PersonaStore();
  const saved = readSandboxState(paths.state);
  if (saved) {
    api.state.restore(saved.api);
    personas.replaceAll(saved.personas);
  }

  const config: Config = {
    ...startup.config,
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_URL: `file:${paths.database}`,
    ADMIN_IDS: [...startup.config.ADMIN_IDS, BigInt(DEMO_ADMIN_ID)],
  };

  let saveTimer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    writeSandboxState(paths.state, { version: 1, personas: personas.list(), api: api.state.snapshot() });
  };
  const saveSoon = () => {
    saveTimer ??= setTimeout(saveNow, SAVE_DELAY_MS);
  };
  for (const event of ["message", "edit", "delete", "replyKeyboard", "commands"] as const)
    api.state.on(event, saveSoon);

  const startBot = async (fresh: boolean): Promise<RunningBot> => {
    const bot = await runBot(config, logger, options);
    if (fresh) {
      await seedDemo({ db: bot.app.db, state: api.state, client: api.client, personas, now });
      saveNow();
    }
    return bot;
  };
  let bot: RunningBot | undefined;
  // The page answers 503 until the bot runs, and while the demo is reset.
  let busy = true;

  async function reset(): Promise<void> {
    busy = true;
    try {
      await bot?.stop();
      bot = undefined;
      clearTimeout(saveTimer);
      saveTimer = undefined;
      api.state.clear();
      personas.replaceAll([]);
      for (const path of [
        paths.state,
        paths.files,
        ...DATABASE_FILES.map((suffix) => paths.database + suffix),
      ])
        rmSync(path, { recursive: true, force: true });
      mkdirSync(paths.files, { recursive: true });
      bot = await startBot(true);
      logger.info("sandbox demo reset");
    } finally {
      busy = false;
    }
  }

  const web = createWebChat({
    api,
    personas,
    i18n: createI18n(config.DEFAULT_LOCALE),
    posters: demoPosters(),
    logger,
    limits: options.limits ?? DEFAULT_UPLOAD_LIMITS,
    busy: () => busy,
    changed: saveSoon,
    reset,
  });
  // Listening first: a port in use stops start-up before any migration runs.
  let server: ServerType;
  try {
    server = await listen(web.app.fetch, settings.SANDBOX_HOST, settings.SANDBOX_PORT);
  } catch (error) {
    await api.close();
    throw error;
  }
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
  try {
    bot = await startBot(!saved);
  } catch (error) {
    await closeServer();
    await api.close();
    throw error;
  }
  busy = false;

  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`;
  if (!LOOPBACK.includes(settings.SANDBOX_HOST))
    logger.warn(
      { host: settings.SANDBOX_HOST },
      "the sandbox web chat listens beyond this machine: anyone who reaches it can act as any persona",
    );
  logger.info({ url, botApi: api.apiRoot, dataDir }, "sandbox ready");

  return {
    url,
    api,
    bot: () => {
      if (!bot) throw new Error("the sandbox's bot is being restarted");
      return bot;
    },
    reset,
    async stop() {
      await bot?.stop();
      if (saveTimer) saveNow();
      await closeServer();
      await api.close();
    },
  };
}
