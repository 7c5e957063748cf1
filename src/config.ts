// The zod schema of the environment: the only reader of process.env. Anything invalid stops
// start-up with a message that names the variable (see src/main.ts). Without BOT_TOKEN,
// `npm start` runs the sandbox (src/sandbox/start.ts) instead of the bot on Telegram.
import { existsSync } from "node:fs";
import { validate as isValidCron } from "node-cron";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

const telegramIdList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const ids: bigint[] = [];
    for (const part of value.split(/[\s,]+/).filter(Boolean)) {
      if (!/^\d{1,20}$/.test(part)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a numeric Telegram user id` });
        return z.NEVER;
      }
      ids.push(BigInt(part));
    }
    return ids;
  });

const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A node-cron expression, or "off". */
const cronSchedule = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => v === "off" || isValidCron(v), {
      message: 'must be a cron expression (e.g. "0 9 * * *") or "off"',
    });

const databaseUrl = z
  .string()
  .default("file:./data/liaison.db")
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: "must be a SQLite file URL (file:./data/liaison.db) or a postgres:// / postgresql:// URL",
  });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BOT_TOKEN: z
      .string({ error: "is required (get one from @BotFather; without one, npm start runs the sandbox)" })
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC-DEF… (the token @BotFather gave)"),
    DATABASE_URL: databaseUrl,
    TELEGRAM_API_ROOT: optionalString.pipe(
      z.url({ message: "must be an http(s) URL such as http://127.0.0.1:8081" }).optional(),
    ),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters of A-Z, a-z, 0-9, _ and -")
        .optional(),
    ),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    TIME_ZONE: z.string().default("Asia/Shanghai").refine(isValidTimeZone, {
      message: "must be an IANA time zone such as Asia/Shanghai",
    }),
    DEFAULT_LOCALE: z.enum(locales).default("zh-CN"),
    ADMIN_IDS: telegramIdList,
    LOG_LEVEL: z.enum(logLevels).default("info"),
    /** Days a representative has to handle a new case before it is overdue. */
    CASE_DUE_DAYS: z.coerce.number().int().min(1).max(365).default(15),
    /** Largest accepted concern description, in characters. */
    MAX_CONCERN_LENGTH: z.coerce.number().int().min(100).max(4000).default(2000),
    /** Seconds between edits of a broadcast's progress message (Telegram frowns on rapid edits). */
    BROADCAST_PROGRESS_SECONDS: z.coerce.number().int().min(1).max(300).default(3),
    /** Days a single-use invite stays valid when no other lifetime is given. */
    INVITE_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(72),
    /**
     * Minutes a prompt waiting for one text (a reply, an outcome, a reason, a confirmation) stays
     * open; any command or other button ends it sooner (src/domain/prompts.ts).
     */
    PROMPT_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** Days before an activity that it is announced to the district's subscribers (sooner: at once). */
    ACTIVITY_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(3),

    // --- Delivery engine and schedules (src/jobs) ---------------------------------------
    /**
     * The bot's whole sending budget per second (Telegram allows about 30, and 1,000 for paid
     * broadcasts: the Bot API's `allow_paid_broadcast` of sendMessage). Above 1,000 only with
     * TELEGRAM_API_ROOT set, for a fake Bot API (benchmarks that lift the pacer altogether).
     */
    SEND_RATE_PER_SECOND: z.coerce.number().min(1).max(1_000_000).default(25),
    /** Processes sending with this token; each paces at SEND_RATE_PER_SECOND / SEND_INSTANCES. */
    SEND_INSTANCES: z.coerce.number().int().min(1).max(100).default(1),
    /** Queued messages per second to one chat (Telegram: about 1). */
    SEND_PER_CHAT_PER_SECOND: z.coerce.number().min(0.01).max(1000).default(1),
    /** Messages per minute to one group chat (Telegram: 20). */
    SEND_GROUP_PER_MINUTE: z.coerce.number().min(1).max(1000).default(20),
    /** Seconds before a queued send is given up as "outcome unknown" (see src/jobs/delivery.ts). */
    SEND_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
    /** Quiet hours in TIME_ZONE, "HH:MM-HH:MM"; "off" disables them. */
    QUIET_HOURS: z
      .string()
      .default("22:00-08:00")
      .refine((v) => v === "off" || /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v), {
        message: 'must be "HH:MM-HH:MM" (e.g. 22:00-08:00) or "off"',
      }),
    /** Non-urgent messages in quiet hours: "silent" (sent without sound) or "defer" (sent when they end). */
    QUIET_HOURS_MODE: z.enum(["silent", "defer"]).default("silent"),
    /** Cron schedules in TIME_ZONE (node-cron syntax); "off" disables a task. */
    SCHEDULE_REMIND_UNACCEPTED: cronSchedule("10 * * * *"),
    SCHEDULE_ESCALATE_OVERDUE: cronSchedule("20 * * * *"),
    /** The supervision ladder of referrals (督办), in working days (src/jobs/tasks/supervise-referrals.ts). */
    SCHEDULE_SUPERVISE_REFERRALS: cronSchedule("25 * * * *"),
    SCHEDULE_DAILY_DIGEST: cronSchedule("0 9 * * *"),
    SCHEDULE_FOLLOW_UP_UNRATED: cronSchedule("0 10 * * *"),
    SCHEDULE_HOUSEKEEPING: cronSchedule("30 3 * * *"),
    /** Daily check for the month's first working day, when staff get last month's bulletin (通报). */
    SCHEDULE_MONTHLY_BULLETIN: cronSchedule("30 8 * * *"),
    /** Hours a new case may wait for acceptance before its deputies are reminded. */
    REMIND_UNACCEPTED_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    /** Hours before a due date or referral deadline at which staff get an amber warning. */
    ESCALATION_AMBER_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(72),
    /** Days after an unrated outcome at which the citizen is asked once to rate it. */
    FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** Days processed-update records are kept (Telegram redelivers for at most 24 h). */
    PROCESSED_UPDATE_RETENTION_DAYS: z.coerce.number().int().min(2).max(365).default(7),
    /** Days finished jobs (done, failed, cancelled) are kept; dead jobs are kept DEAD_JOB_RETENTION_DAYS. */
    JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    DEAD_JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.SEND_RATE_PER_SECOND > 1000 && !cfg.TELEGRAM_API_ROOT)
      ctx.addIssue({
        code: "custom",
        path: ["SEND_RATE_PER_SECOND"],
        message:
          "must be at most 1000 for Telegram (its ceiling, for paid broadcasts); more only with TELEGRAM_API_ROOT set",
      });
    if (cfg.BOT_MODE === "webhook") {
      if (!cfg.WEBHOOK_URL)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
      if (!cfg.WEBHOOK_SECRET)
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_SECRET"],
          message: "is required when BOT_MODE=webhook",
        });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(problemsOf(result.error));
}

const isHostName = (host: string) =>
  z.ipv4().safeParse(host).success ||
  z.ipv6().safeParse(host).success ||
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(
    host,
  );

/** The sandbox's own variables (read only when there is no BOT_TOKEN). */
export const sandboxConfigSchema = z.object({
  /** Interface of the web chat; loopback unless told otherwise (anyone who reaches it can act as any persona). */
  SANDBOX_HOST: z.string().default("127.0.0.1").refine(isHostName, {
    message: "must be an IP address or host name, e.g. 127.0.0.1 (the default) or 0.0.0.0",
  }),
  /** Port of the web chat; 0 picks a free one. */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Folder of the sandbox's database (sandbox.db), chat history and files; "reset demo" recreates them. */
  SANDBOX_DATA_DIR: z.string().min(1).default("data"),
  /** "telegram": the embedded Bot API answers 429 with retry_after above Telegram's flood limits; "off": never. */
  SANDBOX_RATE_LIMIT: z.enum(["off", "telegram"]).default("off"),
});

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

/**
 * What `npm start` runs: the bot on Telegram when BOT_TOKEN is set, otherwise the sandbox.
 * A sandbox's `config` holds placeholders for BOT_TOKEN, TELEGRAM_API_ROOT and DATABASE_URL,
 * which the sandbox replaces with its embedded Bot API and its own database.
 */
export type Startup =
  | { mode: "production"; config: Config }
  | { mode: "sandbox"; config: Config; sandbox: SandboxConfig };

/** Stands in for the embedded Bot API's token and address until the sandbox has started it. */
const SANDBOX_PLACEHOLDERS = {
  BOT_TOKEN: "1:SANDBOX-PLACEHOLDER-aaaaaaaaaaaaaa",
  TELEGRAM_API_ROOT: "http://127.0.0.1:1",
} as const;

function problemsOf(error: z.ZodError, fallback = "environment") {
  return error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? fallback),
    message: issue.message,
  }));
}

/**
 * Decides between production and the sandbox. `explicitSandbox` is `npm run sandbox`, which
 * refuses to run when a token is set: the sandbox never runs beside a real bot's token.
 * Throws ConfigError naming the variable for anything invalid, including BOT_TOKEN when
 * BOT_MODE=webhook asks for Telegram without a token.
 */
export function parseStartup(env: Record<string, string | undefined>, explicitSandbox = false): Startup {
  const hasToken = (env.BOT_TOKEN ?? "").trim() !== "";
  if (hasToken && explicitSandbox)
    throw new ConfigError([
      {
        variable: "BOT_TOKEN",
        message:
          "is set: the sandbox never runs with a real token (unset it, e.g. `BOT_TOKEN= npm run sandbox`)",
      },
    ]);
  if (hasToken) return { mode: "production", config: parseConfig(env) };
  if (env.BOT_MODE === "webhook")
    throw new ConfigError([
      {
        variable: "BOT_TOKEN",
        message:
          "is required when BOT_MODE=webhook (without a token, npm start runs the sandbox, which polls)",
      },
    ]);
  const sandbox = sandboxConfigSchema.safeParse(env);
  if (!sandbox.success) throw new ConfigError(problemsOf(sandbox.error));
  const config = parseConfig({
    ...env,
    ...SANDBOX_PLACEHOLDERS,
    DATABASE_URL: `file:${sandbox.data.SANDBOX_DATA_DIR}/sandbox.db`,
    BOT_MODE: "polling",
    WEBHOOK_URL: undefined,
    WEBHOOK_SECRET: undefined,
  });
  return { mode: "sandbox", config, sandbox: sandbox.data };
}

/** parseStartup on the environment, after loading `.env` when there is one (the environment wins). */
export function loadStartup(explicitSandbox = false, envFile = ".env"): Startup {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseStartup(process.env, explicitSandbox);
}

/** Only DATABASE_URL, for tools that touch the database and nothing else (db:migrate). */
export function loadDatabaseUrl(envFile = ".env"): string {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const result = z.object({ DATABASE_URL: databaseUrl }).safeParse(process.env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: "DATABASE_URL", message: issue.message })),
    );
  }
  return result.data.DATABASE_URL;
}

/**
 * Reads the environment, after loading `.env` from the working directory when there is one.
 * Variables already set in the environment win over the file.
 */
export function loadConfig(
  envFile = ".env",
  { tokenRequired = true }: { tokenRequired?: boolean } = {},
): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  // The admin command line works on the database alone for most commands: no token needed.
  if (!tokenRequired && (process.env.BOT_TOKEN ?? "").trim() === "")
    return parseConfig({ ...process.env, BOT_TOKEN: SANDBOX_PLACEHOLDERS.BOT_TOKEN });
  return parseConfig(process.env);
}
