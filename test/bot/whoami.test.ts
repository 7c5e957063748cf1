// How an administrator gets going: /id tells anyone their numeric Telegram id (for ADMIN_IDS),
// before any consent; and the README's example token passes the project's own validation.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { TestBot } from "../helpers/test-bot.js";

describe("/id", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.create();
  });
  afterAll(() => bot.close());

  it("answers with the sender's numeric id, in their language, before consent", async () => {
    const zh = bot.user(7_123_456_789);
    await zh.send("/id");
    expect(zh.lastText()).toContain("<code>7123456789</code>");
    expect(zh.lastText()).toContain("ADMIN_IDS");
    const en = bot.user(555, { languageCode: "en" });
    await en.send("/id");
    expect(en.lastText()).toContain("Your numeric Telegram id is <code>555</code>");
  });
});

describe("the README", () => {
  it("shows an example token that the configuration accepts", () => {
    const readme = readFileSync("README.md", "utf8");
    const token = readme.match(/BOT_TOKEN=(\S+?)"/)?.[1];
    expect(token).toBeDefined();
    expect(() => parseConfig({ BOT_TOKEN: token })).not.toThrow();
  });
});
