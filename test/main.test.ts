// The real entry point, as `npm start` runs it (the compiled build in dist/, see
// test/helpers/build.ts): fails fast on bad configuration, and otherwise migrates, registers
// its commands, polls, answers, and shuts down on SIGTERM. Without a token it runs the
// sandbox: the page is served and the bot answers in it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, nodeScript } from "./helpers/build.js";
import { FakeBotApi } from "./helpers/fake-bot-api.js";
import { eventually } from "./helpers/test-app.js";

const root = new URL("..", import.meta.url).pathname;

function start(
  env: Record<string, string>,
  args: string[] = [],
): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = "";
  // `npm start`, or `npm run sandbox` for --sandbox: node on the build.
  const script = nodeScript(args[0] === "--sandbox" ? "sandbox" : "start");
  const extra = args[0] === "--sandbox" ? [] : args;
  const child = spawn(process.execPath, [...script.args, ...extra], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...script.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe("npm start", () => {
  beforeAll(() => ensureBuilt(), 180_000);
  let fake: FakeBotApi | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("exits with code 1 and names the variable when the configuration is invalid", async () => {
    // Webhook mode asks for Telegram, which needs a token: no sandbox then.
    const run = start({ BOT_MODE: "webhook" });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("BOT_TOKEN: is required when BOT_MODE=webhook");
  });

  it("refuses to run the sandbox when a token is set (npm run sandbox)", async () => {
    const run = start({ BOT_TOKEN: "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa" }, ["--sandbox"]);
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("BOT_TOKEN: is set: the sandbox never runs with a real token");
  });

  it("without BOT_TOKEN serves the sandbox's page and answers /start on a fresh database", async () => {
    dir = mkdtempSync(join(tmpdir(), "liaison-main-"));
    const run = start({ SANDBOX_DATA_DIR: dir, SANDBOX_PORT: "0", LOG_LEVEL: "warn" });
    await eventually(async () => /open http:\/\/127\.0\.0\.1:\d+/.test(run.output()), 25_000);
    const url = /open (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())![1]!;

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const citizen = 100_001;
    const sent = await fetch(`${url}/api/chats/${citizen}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "/start" }),
    });
    expect(sent.status).toBe(201);
    let texts: string[] = [];
    await eventually(async () => {
      const chat = (await (await fetch(`${url}/api/chats/${citizen}`)).json()) as {
        messages: { fromBot: boolean; text?: string }[];
      };
      texts = chat.messages.filter((m) => m.fromBot).map((m) => m.text ?? "");
      return texts.length > 0;
    }, 10_000);
    expect(texts[0]).toContain("欢迎使用人大代表联络站机器人");
    expect(existsSync(join(dir, "sandbox.db"))).toBe(true);

    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
  }, 45_000);

  it("says so and exits with code 1 when Telegram refuses the token, instead of waiting", async () => {
    fake = await FakeBotApi.start();
    dir = mkdtempSync(join(tmpdir(), "liaison-main-"));
    const run = start({
      BOT_TOKEN: "654321:SOMEONE-ELSES-TOKEN-aaaaaaaaaaaaaaa",
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      LOG_LEVEL: "warn",
    });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain(`Telegram at ${fake.apiRoot} refused BOT_TOKEN (401 Unauthorized)`);
  }, 30_000);

  it("exits with code 1 when DATABASE_URL is of an unsupported kind", async () => {
    const run = start({
      BOT_TOKEN: "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa",
      DATABASE_URL: "mysql://localhost/db",
    });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("DATABASE_URL");
  });

  it("polls a custom Bot API root, answers, and stops cleanly on SIGTERM", async () => {
    fake = await FakeBotApi.start();
    dir = mkdtempSync(join(tmpdir(), "liaison-main-"));
    const run = start({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      LOG_LEVEL: "warn",
    });
    fake.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 42, type: "private", first_name: "A" },
        from: { id: 42, is_bot: false, first_name: "A", language_code: "en" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    await fake.waitFor(() => fake!.textsTo(42).length > 0, 20_000);
    expect(fake.textsTo(42)[0]).toContain("Welcome to the deputies' liaison station bot");
    const languages = fake
      .callsTo("setMyCommands")
      .map((c) => (c.payload.language_code as string | undefined) ?? "default");
    expect(languages.sort()).toEqual(["default", "en", "zh"]);
    expect(fake.callsTo("deleteWebhook")).toHaveLength(1);
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
  }, 30_000);
});
