// Long polling keeps the at-least-once promise: the offset that confirms updates to
// Telegram never passes one still being handled; a process that dies mid-batch gets the
// unfinished updates again, and what it had finished takes effect once. It polls on while
// an update is slow, and keeps each chat's updates in order.

import { afterEach, beforeEach, expect, it } from "vitest";
import { createPoller } from "../../../src/bot/intake/polling.js";
import { claimUpdate, releaseAllClaims } from "../../../src/db/queries/processed-updates.js";
import { createLogger } from "../../../src/logger.js";
import { eventually } from "../../helpers/test-app.js";
import { TestBot } from "../../helpers/test-bot.js";

let bot: TestBot;
beforeEach(async () => {
  bot = await TestBot.create();
});
afterEach(() => bot.close());

const logger = createLogger("silent");

function command(chatId: number, text: string) {
  return {
    message: {
      message_id: Math.floor(Math.random() * 1e9),
      date: 0,
      chat: { id: chatId, type: "private" as const, first_name: "U" },
      from: { id: chatId, is_bot: false as const, first_name: "U", language_code: "zh" },
      text,
      entities: [{ type: "bot_command" as const, offset: 0, length: text.length }],
    },
  };
}

it("handles pushed updates and confirms them only afterwards", async () => {
  const ids = [bot.fake.pushUpdate(command(11, "/start")), bot.fake.pushUpdate(command(12, "/start"))];
  const poller = createPoller({
    api: bot.app.bot.api,
    process: bot.app.processUpdate,
    logger,
    timeoutSeconds: 1,
  });
  await poller.start();
  await bot.fake.waitFor(() => bot.fake.textsTo(11).length === 1 && bot.fake.textsTo(12).length === 1);
  await bot.fake.waitFor(() => bot.fake.pendingUpdates.length === 0);
  await poller.stop();
  const done = await bot.prisma.processedUpdate.findMany({ orderBy: { updateId: "asc" } });
  expect(done.map((d) => [Number(d.updateId), d.status])).toEqual(ids.map((id) => [id, "done"]));
});

it("after a crash mid-batch, redelivers the batch and handles each update once", async () => {
  const first = bot.fake.pushUpdate(command(21, "/start"));
  const second = bot.fake.pushUpdate(command(21, "/privacy"));
  const third = bot.fake.pushUpdate(command(22, "/start"));

  // The first process handles one update, claims the next and dies in the middle of it.
  const dying = createPoller({
    api: bot.app.bot.api,
    logger,
    timeoutSeconds: 1,
    process: async (update) => {
      if (update.update_id === first || update.update_id === third) return bot.app.processUpdate(update);
      await claimUpdate(bot.app.db, update.update_id, new Date());
      throw new Error("killed");
    },
  });
  await dying.start();
  await bot.fake.waitFor(() => bot.fake.textsTo(21).length === 1 && bot.fake.textsTo(22).length === 1);
  await dying.stop();
  await eventually(
    async () => (await bot.prisma.processedUpdate.count({ where: { status: "done" } })) === 2,
    5_000,
  );
  // The update it died in was not confirmed to Telegram (the first may have been: it was done).
  const pending = bot.fake.pendingUpdates.map((u) => u.update_id);
  expect(pending.slice(-2)).toEqual([second, third]);

  // The restarted process releases the dead claim and polls again.
  expect(await releaseAllClaims(bot.app.db)).toBe(1);
  const restarted = createPoller({
    api: bot.app.bot.api,
    process: bot.app.processUpdate,
    logger,
    timeoutSeconds: 1,
  });
  await restarted.start();
  await bot.fake.waitFor(() => bot.fake.pendingUpdates.length === 0 && bot.fake.textsTo(21).length >= 2);
  await restarted.stop();

  const privacyNotices = bot.fake.textsTo(21).filter((t) => t.includes("欢迎使用人大代表联络站机器人"));
  expect(privacyNotices).toHaveLength(2); // one for /start, one for /privacy: none repeated
  expect(bot.fake.textsTo(22)).toHaveLength(1);
  expect(await bot.prisma.processedUpdate.count({ where: { status: "done" } })).toBe(3);
});

it("backs off and keeps polling when getUpdates fails", async () => {
  bot.fake.failWith({ method: "getUpdates", kind: "5xx", times: 2 });
  bot.fake.pushUpdate(command(31, "/start"));
  const poller = createPoller({
    api: bot.app.bot.api,
    process: bot.app.processUpdate,
    logger,
    timeoutSeconds: 1,
  });
  await poller.start();
  await bot.fake.waitFor(() => bot.fake.textsTo(31).length === 1, 10_000);
  await poller.stop();
  expect(bot.fake.callsTo("getUpdates").filter((c) => c.failed).length).toBe(2);
});

/**
 * A poller on the test bot whose handling of update `heldId` waits until `release()`;
 * `started()` tells whether that update has reached the handler; `order` lists the updates
 * in the order their handling began (the held one when released).
 */
function pollerHolding(heldId: number, options: { busyPollMs?: number } = {}) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached = false;
  const order: number[] = [];
  const poller = createPoller({
    api: bot.app.bot.api,
    logger,
    timeoutSeconds: 1,
    ...options,
    process: async (update) => {
      if (update.update_id === heldId) {
        reached = true;
        await released;
      }
      order.push(update.update_id);
      return bot.app.processUpdate(update);
    },
  });
  return { poller, release, started: () => reached, order };
}

it("goes on polling while one update is slow, and never confirms past it", async () => {
  const slow = bot.fake.pushUpdate(command(41, "/start"));
  const { poller, release, started } = pollerHolding(slow, { busyPollMs: 20 });
  await poller.start();
  await bot.fake.waitFor(started);
  // Others write while the first is still in hand: theirs are handled, not queued behind it.
  const later = [bot.fake.pushUpdate(command(42, "/start")), bot.fake.pushUpdate(command(43, "/start"))];
  await bot.fake.waitFor(() => bot.fake.textsTo(42).length === 1 && bot.fake.textsTo(43).length === 1);
  expect(bot.fake.textsTo(41)).toHaveLength(0);
  // Every poll so far left the slow update unconfirmed, so a crash now would get it again.
  const offsets = bot.fake.callsTo("getUpdates").map((c) => c.payload.offset);
  expect(offsets.every((o) => o === undefined || (o as number) <= slow)).toBe(true);
  expect(bot.fake.pendingUpdates.map((u) => u.update_id)).toEqual([slow, ...later]);

  release();
  await bot.fake.waitFor(() => bot.fake.textsTo(41).length === 1);
  await bot.fake.waitFor(() => bot.fake.pendingUpdates.length === 0);
  await poller.stop();
  expect(await bot.prisma.processedUpdate.count({ where: { status: "done" } })).toBe(3);
});

it("keeps each chat's updates in order across polls", async () => {
  const first = bot.fake.pushUpdate(command(51, "/start"));
  const { poller, release, started, order } = pollerHolding(first, { busyPollMs: 20 });
  await poller.start();
  await bot.fake.waitFor(started);
  // The same chat writes again, and another chat too, while its first update is in hand.
  const second = bot.fake.pushUpdate(command(51, "/privacy"));
  const other = bot.fake.pushUpdate(command(52, "/start"));
  await bot.fake.waitFor(() => bot.fake.textsTo(52).length === 1);
  // The other chat went ahead; chat 51's second update waits for its first.
  expect(order).toEqual([other]);
  release();
  await bot.fake.waitFor(() => bot.fake.textsTo(51).length === 2);
  await poller.stop();
  expect(order).toEqual([other, first, second]);
});

it("stop() finishes the updates in hand before it resolves", async () => {
  const id = bot.fake.pushUpdate(command(61, "/start"));
  const { poller, release, started } = pollerHolding(id);
  await poller.start();
  await bot.fake.waitFor(started);
  let stopped = false;
  const stopping = poller.stop().then(() => {
    stopped = true;
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(stopped).toBe(false);
  release();
  await stopping;
  const done = await bot.prisma.processedUpdate.findMany();
  expect(done.map((d) => [Number(d.updateId), d.status])).toEqual([[id, "done"]]);
});

it("stop() ends the wait after a failed getUpdates at once, not after its retry_after", async () => {
  // A 429 asking for a minute: the poller waits 60 s before polling again, unless stopped.
  bot.fake.failWith({ method: "getUpdates", kind: "429", retryAfter: 60, times: 1 });
  const lines: string[] = [];
  const warnings = createLogger("warn", {
    destination: { write: (line: string) => void lines.push(line) },
  });
  const poller = createPoller({
    api: bot.app.bot.api,
    process: bot.app.processUpdate,
    logger: warnings,
    timeoutSeconds: 1,
  });
  await poller.start();
  await eventually(
    async () => lines.some((l) => l.includes("getUpdates failed") && l.includes('"delay":60000')),
    5_000,
  );
  // Resolves well inside the test's timeout (30 s), which the 60 s wait would exceed.
  await poller.stop();
  expect(bot.fake.callsTo("getUpdates")).toHaveLength(1);
});
