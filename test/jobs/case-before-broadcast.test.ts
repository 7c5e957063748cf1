// Case messages go before broadcast messages (issue 12): a case notification queued while a
// big broadcast is being sent is claimed at once, though every slot of the worker is taken by
// broadcast messages waiting for their turn, and the pacer lets it go before the broadcast's
// backlog. Proved by the order of what the Bot API received, not by timings.
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "../../src/db/generated/sqlite/client.js";
import { enqueueMessages } from "../../src/db/outbox.js";
import { describeConcern } from "../bot/citizen-helpers.js";
import { testDialects } from "../helpers/database.js";
import type { RecordedCall } from "../helpers/fake-bot-api.js";
import { TestBot } from "../helpers/test-bot.js";
import { addUser } from "./fixtures.js";

const DEPUTY = 2801;
const CITIZEN = 3801;
const FIRST_RECIPIENT = 600_000;
const RECIPIENTS = 40;

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** A broadcast being sent: a pending row and a queued message for each recipient. */
async function queueBroadcast(b: TestBot, recipients: User[]): Promise<void> {
  const now = new Date();
  const sender = await addUser(b.prisma, { telegramId: 9001, role: "admin" });
  const broadcast = await b.prisma.broadcast.create({
    data: {
      createdById: sender.id,
      audience: "all_citizens",
      text: "全区停水通知",
      status: "sending",
      startedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  });
  await b.prisma.broadcastRecipient.createMany({
    data: recipients.map((u) => ({
      broadcastId: broadcast.id,
      userId: u.id,
      status: "pending",
      updatedAt: now,
    })),
  });
  await enqueueMessages(
    b.prisma,
    b.db.dialect,
    recipients.map((u) => ({ kind: "broadcast", broadcastId: broadcast.id, recipientId: u.id })),
    now,
  );
}

const isBroadcast = (call: RecordedCall) =>
  call.method === "sendMessage" && Number(call.payload.chat_id) >= FIRST_RECIPIENT;

describe.each(testDialects)("a case message during a broadcast, on %s", (dialect) => {
  it("is sent before the broadcast's remaining recipients", async () => {
    // A slow rate, so that the broadcast is still far from done when the case comes in; the
    // worker keeps its production concurrency (10 slots), all of them taken by the broadcast.
    bot = await TestBot.create({ dialect, env: { SEND_RATE_PER_SECOND: "5", QUIET_HOURS: "off" } });
    const b = bot;
    await addUser(b.prisma, { telegramId: DEPUTY, represents: ["QS-CG-DM"] });
    await addUser(b.prisma, { telegramId: CITIZEN, district: "QS-CG-DM" });
    const recipients: User[] = [];
    for (let i = 0; i < RECIPIENTS; i++)
      recipients.push(await addUser(b.prisma, { telegramId: FIRST_RECIPIENT + i, district: "QS-SQ-SQ" }));
    const citizen = b.user(CITIZEN);
    await describeConcern(citizen, "小区门口的路灯不亮了。");

    await queueBroadcast(b, recipients);
    b.app.worker.start();
    await b.fake.waitFor((calls) => calls.filter(isBroadcast).length >= 2, 20_000);
    // More than half the slots are held by broadcast messages: no ordinary claim is due.
    const running = await b.prisma.job.count({ where: { task: "broadcast_send", status: "running" } });
    expect(running).toBeGreaterThan(5);

    await citizen.press("提交");
    const sentBeforeSubmit = b.fake.sent.filter(isBroadcast).length;
    await b.fake.waitFor((calls) => calls.some((c) => Number(c.payload.chat_id) === DEPUTY), 20_000);

    const sends = b.fake.sent.filter((c) => c.method === "sendMessage");
    const notice = sends.findIndex((c) => Number(c.payload.chat_id) === DEPUTY);
    expect(String(sends[notice]!.payload.text)).toContain("本选区有新的群众诉求");
    // At most the one broadcast message already granted its turn goes between the Submit and
    // the deputy's notice; the rest of the broadcast, claimed or not, waits for it.
    const broadcastBefore = sends.slice(0, notice).filter(isBroadcast).length;
    expect(broadcastBefore - sentBeforeSubmit).toBeLessThanOrEqual(1);
    expect(RECIPIENTS - broadcastBefore).toBeGreaterThanOrEqual(RECIPIENTS - 10);
  });
});
