// Start-up against a Telegram that cannot be reached or refuses the token: it says so, with
// what to do, instead of waiting silently after the migrations (issue 9), and retries with
// backoff until it answers (issue 7).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { createLogger, REDACTED } from "../src/logger.js";
import { runBot, TelegramUnreachableError } from "../src/run-bot.js";
import { FakeBotApi } from "./helpers/fake-bot-api.js";
import { eventually } from "./helpers/test-app.js";

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
    // The process's own logger (src/logger.ts), with the token as main.ts gives it.
    const logger = createLogger("info", {
      secrets: [token],
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const config = parseConfig({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      SCHEDULE_MONTHLY_BULLETIN: "off",
    });
    return { config, logger, lines };
  }

  /** The log lines of failed attempts ("cannot reach the Bot API at …"), as parsed objects. */
  function retries(lines: string[]): { msg: string; reason: string; retryInMs: number }[] {
    return lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg.startsWith("cannot reach the Bot API"));
  }

  it("retries a Bot API that never answers, saying why at each attempt, until told to stop", async () => {
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
    const giveUp = new AbortController();

    const running = runBot(config, logger, {
      connectTimeoutMs: 200,
      retryInitialMs: 50,
      retryMaxMs: 1000,
      signal: giveUp.signal,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await eventually(async () => retries(lines).length >= 2, 10_000);
    giveUp.abort();
    const failure = await running;

    expect(failure).toBeInstanceOf(TelegramUnreachableError);
    expect(lines.some((line) => line.includes("connecting to Telegram") && line.includes(apiRoot))).toBe(
      true,
    );
    const [first, second] = retries(lines);
    expect(first?.msg).toBe(
      `cannot reach the Bot API at ${apiRoot} (no answer within 0.2 s); retrying in 0.05 s`,
    );
    expect(first?.retryInMs).toBe(50);
    expect(second?.retryInMs).toBe(100);
  });

  it("starts polling once an unreachable Bot API comes up, backing off 1, 2, 4 … up to its cap", async () => {
    // A free port with nothing listening on it yet: connections are refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const apiRoot = `http://127.0.0.1:${port}`;
    const { config, logger, lines } = setup(apiRoot);

    const running = runBot(config, logger, { retryInitialMs: 20, retryMaxMs: 80 });
    await eventually(async () => retries(lines).length >= 5, 10_000);
    const fake = await FakeBotApi.start({ port });
    cleanups.push(() => fake.close());
    const bot = await running;
    cleanups.push(() => bot.stop());

    const failed = retries(lines);
    expect(failed.slice(0, 5).map((entry) => entry.retryInMs)).toEqual([20, 40, 80, 80, 80]);
    expect(failed[0]?.reason).toBe("ECONNREFUSED");
    expect(failed[0]?.msg).toBe(`cannot reach the Bot API at ${apiRoot} (ECONNREFUSED); retrying in 0.02 s`);
    expect(bot.app.bot.botInfo.username).toBe(fake.botInfo.username);
    expect(lines.some((line) => line.includes('"msg":"polling"'))).toBe(true);
    await eventually(async () => fake.callsTo("getUpdates").length > 0, 10_000);
  });

  it("never writes the token to the log, even inside a network error that quotes the URL", async () => {
    // Something on the way (a captive portal, a proxy) answers every request with a web page:
    // the error that follows quotes the request's URL, which holds the token.
    const portal = createHttpServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><body>Please log in</body></html>");
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => portal.close(() => resolve())));
    const apiRoot = `http://127.0.0.1:${(portal.address() as { port: number }).port}`;
    const { config, logger, lines } = setup(apiRoot);
    const giveUp = new AbortController();

    const running = runBot(config, logger, {
      retryInitialMs: 20,
      retryMaxMs: 40,
      signal: giveUp.signal,
    }).catch((error: unknown) => error);
    await eventually(async () => retries(lines).length >= 2, 10_000);
    giveUp.abort();
    await running;

    const failed = retries(lines);
    expect(failed[0]?.msg).toMatch(
      /^cannot reach the Bot API at http:\/\/127\.0\.0\.1:\d+ \(.+\); retrying in 0\.02 s$/,
    );
    // The error quotes the URL; the token in it is redacted in the message and every field.
    expect(lines.join("")).toContain(REDACTED);
    expect(lines.join("")).not.toContain(TOKEN);
    expect(lines.join("")).not.toContain(TOKEN.split(":")[1]);
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
    // At once: one question, no retry.
    expect(fake.callsTo("getMe")).toHaveLength(1);
  });
});
