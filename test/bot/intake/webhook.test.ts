import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createWebhookServer, SECRET_HEADER } from "../../../src/bot/intake/webhook.js";
import { createLogger } from "../../../src/logger.js";
import { TestBot } from "../../helpers/test-bot.js";

let bot: TestBot;
let server: Server;
let url: string;
const secret = "s3cret_token-123";

beforeEach(async () => {
  bot = await TestBot.create();
  server = createWebhookServer({
    process: bot.app.processUpdate,
    secret,
    path: "/telegram/hook",
    logger: createLogger("silent"),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await bot.close();
});

const update = (id: number) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 77, type: "private", first_name: "W" },
    from: { id: 77, is_bot: false, first_name: "W" },
    text: "/start",
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
});

const post = (body: unknown, headers: Record<string, string> = { [SECRET_HEADER]: secret }) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

it("rejects requests without Telegram's secret token", async () => {
  expect((await post(update(1), {})).status).toBe(401);
  expect((await post(update(1), { [SECRET_HEADER]: "wrong" })).status).toBe(401);
  expect(bot.fake.textsTo(77)).toHaveLength(0);
  expect(await bot.prisma.processedUpdate.count()).toBe(0);
});

it("handles an update before acknowledging it, and a redelivery takes effect once", async () => {
  const response = await post(update(500));
  expect(response.status).toBe(200);
  expect(bot.fake.textsTo(77)).toHaveLength(1);
  expect((await post(update(500))).status).toBe(200);
  expect(bot.fake.textsTo(77)).toHaveLength(1);
});

it("asks Telegram to retry while another instance holds the update", async () => {
  await bot.prisma.processedUpdate.create({
    data: { updateId: 600n, status: "processing", startedAt: new Date() },
  });
  expect((await post(update(600))).status).toBe(503);
  expect(bot.fake.textsTo(77)).toHaveLength(0);
});

it("rejects malformed bodies", async () => {
  const response = await fetch(url, {
    method: "POST",
    headers: { [SECRET_HEADER]: secret },
    body: "{not json",
  });
  expect(response.status).toBe(400);
});
