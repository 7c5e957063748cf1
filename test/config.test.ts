import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseStartup } from "../src/config.js";

const token = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

function problems(
  env: Record<string, string>,
  parse: (env: Record<string, string>) => unknown = parseConfig,
): string[] {
  try {
    parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has working defaults for everything but the token", () => {
    const config = parseConfig({ BOT_TOKEN: token });
    expect(config.DATABASE_URL).toBe("file:./data/liaison.db");
    expect(config.BOT_MODE).toBe("polling");
    expect(config.TIME_ZONE).toBe("Asia/Shanghai");
    expect(config.DEFAULT_LOCALE).toBe("zh-CN");
    expect(config.TELEGRAM_API_ROOT).toBeUndefined();
    expect(config.ADMIN_IDS).toEqual([]);
  });

  it("keeps the sending rate within Telegram's 1,000/s unless the Bot API is another one", () => {
    expect(problems({ BOT_TOKEN: token, SEND_RATE_PER_SECOND: "1000" })).toEqual([]);
    expect(problems({ BOT_TOKEN: token, SEND_RATE_PER_SECOND: "5000" })).toEqual(["SEND_RATE_PER_SECOND"]);
    const lifted = parseConfig({
      BOT_TOKEN: token,
      SEND_RATE_PER_SECOND: "100000",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
    });
    expect(lifted.SEND_RATE_PER_SECOND).toBe(100_000);
  });

  it("parses admin ids as BigInt and accepts a custom Bot API root", () => {
    const config = parseConfig({
      BOT_TOKEN: token,
      ADMIN_IDS: "1001, 9007199254740993",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
    });
    expect(config.ADMIN_IDS).toEqual([1001n, 9007199254740993n]);
    expect(config.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{}, "BOT_TOKEN"],
    [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: token, DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL"],
    [{ BOT_TOKEN: token, TELEGRAM_API_ROOT: "not a url" }, "TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: token, BOT_MODE: "carrier-pigeon" }, "BOT_MODE"],
    [{ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_SECRET: "abc" }, "WEBHOOK_URL"],
    [{ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_URL: "https://example.org/hook" }, "WEBHOOK_SECRET"],
    [{ BOT_TOKEN: token, WEBHOOK_SECRET: "has spaces" }, "WEBHOOK_SECRET"],
    [{ BOT_TOKEN: token, PORT: "99999" }, "PORT"],
    [{ BOT_TOKEN: token, TIME_ZONE: "Mars/Olympus" }, "TIME_ZONE"],
    [{ BOT_TOKEN: token, DEFAULT_LOCALE: "fr" }, "DEFAULT_LOCALE"],
    [{ BOT_TOKEN: token, ADMIN_IDS: "12,abc" }, "ADMIN_IDS"],
    [{ BOT_TOKEN: token, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("names the variable that is wrong: %j → %s", (env, variable) => {
    expect(problems(env as Record<string, string>)).toContain(variable);
  });

  describe("npm start: production with a token, the sandbox without", () => {
    it("runs the bot on Telegram when BOT_TOKEN is set", () => {
      const startup = parseStartup({ BOT_TOKEN: token, SANDBOX_PORT: "not read in production" });
      expect(startup.mode).toBe("production");
      expect(startup.config.BOT_TOKEN).toBe(token);
    });

    it.each([{}, { BOT_TOKEN: "" }, { BOT_TOKEN: "   " }])("runs the sandbox without a token: %j", (env) => {
      const startup = parseStartup(env);
      expect(startup.mode).toBe("sandbox");
      if (startup.mode !== "sandbox") return;
      expect(startup.sandbox).toEqual({
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_PORT: 3000,
        SANDBOX_DATA_DIR: "data",
        SANDBOX_RATE_LIMIT: "off",
      });
      expect(startup.config.DATABASE_URL).toBe("file:data/sandbox.db");
      expect(startup.config.BOT_MODE).toBe("polling");
    });

    it("keeps the sandbox's database apart from DATABASE_URL", () => {
      const startup = parseStartup({
        DATABASE_URL: "postgresql://db/liaison",
        SANDBOX_DATA_DIR: "/tmp/demo",
      });
      expect(startup.config.DATABASE_URL).toBe("file:/tmp/demo/sandbox.db");
    });

    it("never runs the sandbox beside a token, even when asked to (npm run sandbox)", () => {
      expect(problems({ BOT_TOKEN: token }, (env) => parseStartup(env, true))).toEqual(["BOT_TOKEN"]);
      expect(parseStartup({}, true).mode).toBe("sandbox");
    });

    it.each([
      [{ BOT_MODE: "webhook" }, "BOT_TOKEN"],
      [{ SANDBOX_PORT: "70000" }, "SANDBOX_PORT"],
      [{ SANDBOX_PORT: "web" }, "SANDBOX_PORT"],
      [{ SANDBOX_HOST: "not a host!" }, "SANDBOX_HOST"],
      [{ SANDBOX_RATE_LIMIT: "sometimes" }, "SANDBOX_RATE_LIMIT"],
      [{ SANDBOX_DATA_DIR: "" }, "SANDBOX_DATA_DIR"],
      [{ TIME_ZONE: "Mars/Olympus" }, "TIME_ZONE"],
      [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN"],
    ])("names the variable that is wrong: %j → %s", (env, variable) => {
      expect(problems(env as Record<string, string>, (e) => parseStartup(e))).toContain(variable);
    });
  });
});
