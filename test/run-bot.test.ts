// Start-up against a Telegram that cannot be reached or refuses the token: it says so, with
// what to do, instead of waiting silently after the migrations (issue 9).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { runBot, TelegramUnreachableError } from "../src/run-bot.js";
import { FakeBotApi } from "./helpers/fake-bot-api.js";

const TOKEN = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

describe("runBot when Telegram does not answer", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function setup(apiRoot: string, token = TOKEN) {
    const dir = mkdtempSync(join(tmpdir(), "liaison-run-bot-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const lines: string[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const config = parseConfig({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      SCHEDULE_MONTHLY_BULLETIN: "off",
    });
    return { config, logger, lines };
  }

  it("gives up after its timeout, naming the address and what to do", async () => {
    // Accepts connections and never answers, like a route that swallows packets.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const address = silent.address() as { port: number };
    const apiRoot = `http://127.0.0.1:${address.port}`;
    const { config, logger, lines } = setup(apiRoot);

    const failure = await runBot(config, logger, { connectTimeoutMs: 1000 }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(TelegramUnreachableError);
    const message = (failure as Error).message;
    expect(message).toContain(`cannot reach Telegram at ${apiRoot} (no answer within 1 s)`);
    expect(message).toContain("TELEGRAM_API_ROOT");
    expect(message).toContain("sandbox");
    expect(lines.some((line) => line.includes("connecting to Telegram") && line.includes(apiRoot))).toBe(
      true,
    );
    expect(lines.some((line) => line.includes("no answer from Telegram yet"))).toBe(true);
  });

  it("says that Telegram refused the token", async () => {
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.close());
    const { config, logger } = setup(fake.apiRoot, "654321:SOMEONE-ELSES-TOKEN-aaaaaaaaaaaaaaa");

    const failure = await runBot(config, logger).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(TelegramUnreachableError);
    expect((failure as Error).message).toBe(
      `Telegram at ${fake.apiRoot} refused BOT_TOKEN (401 Unauthorized): check the token from @BotFather`,
    );
  });
});
