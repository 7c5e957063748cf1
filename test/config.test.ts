import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const token = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
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
});
