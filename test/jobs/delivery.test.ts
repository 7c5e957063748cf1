// The one delivery engine (src/jobs/delivery.ts): a broadcast takes the same road as a case
// notification — the lease check before each send, the 429 pause shared through the database,
// quiet hours — and the engine tells each kind's outcome hook what it sent.
import { afterEach, describe, expect, it } from "vitest";
import { createRenderers } from "../../src/bot/renderers/index.js";
import { createDeliveryApi, createTransport } from "../../src/bot/transport.js";
import type { Dialect } from "../../src/db/client.js";
import type { User } from "../../src/db/generated/sqlite/client.js";
import { enqueueMessages } from "../../src/db/outbox.js";
import { recordDeliveryPause } from "../../src/db/queries/delivery-pause.js";
import type { OutgoingMessage } from "../../src/domain/messages.js";
import { createDeliveryEngine, type DeliveryOutcome, type Renderers } from "../../src/jobs/delivery.js";
import { claimJobs, extendLease, markSending } from "../../src/jobs/queue.js";
import type { JobContext } from "../../src/jobs/worker.js";
import { testDialects } from "../helpers/database.js";
import { addUser } from "./fixtures.js";
import { eventually, Harness, HOUR } from "./harness.js";

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses.length = 0;
});

async function harness(dialect: Dialect, options: Parameters<typeof Harness.create>[0] = {}) {
  const h = await Harness.create({ dialect, ...options });
  harnesses.push(h);
  return h;
}

/** A broadcast being sent, with a pending row and a queued message for each recipient. */
async function queueBroadcast(h: Harness, text: string, recipients: User[]): Promise<number> {
  const now = h.clock.now();
  const sender = await addUser(h.prisma, {
    telegramId: 9000 + Math.floor(Math.random() * 999),
    role: "admin",
  });
  const broadcast = await h.prisma.broadcast.create({
    data: {
      createdById: sender.id,
      audience: "all_citizens",
      text,
      status: "sending",
      startedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  });
  await h.prisma.broadcastRecipient.createMany({
    data: recipients.map((u) => ({
      broadcastId: broadcast.id,
      userId: u.id,
      status: "pending",
      updatedAt: now,
    })),
  });
  await enqueueMessages(
    h.prisma,
    h.db.dialect,
    recipients.map((u) => ({ kind: "broadcast", broadcastId: broadcast.id, recipientId: u.id })),
    now,
  );
  return broadcast.id;
}

async function recipientStatus(h: Harness, broadcastId: number, user: User) {
  return h.prisma.broadcastRecipient.findUniqueOrThrow({
    where: { broadcastId_userId: { broadcastId, userId: user.id } },
  });
}

describe.each(testDialects)("a broadcast on the shared delivery road, on %s", (dialect) => {
  it("is not sent by a worker that lost its lease: a taken-over send goes out once", async () => {
    // Instance A's first send to the citizen hangs (a process frozen mid-send); the second
    // broadcast to the same citizen waits behind it in A's hands. B takes both over.
    const a = await harness(dialect, { env: { SEND_TIMEOUT_SECONDS: "60" } });
    const b = await harness(dialect, { shareWith: a });
    const citizen = await addUser(a.prisma, { telegramId: 1301, district: "QS-CG-DM" });
    a.fake.failWith({ chatId: 1301, kind: "timeout", times: 1 });
    const first = await queueBroadcast(a, "第一条群发", [citizen]);
    const second = await queueBroadcast(a, "第二条群发", [citizen]);

    const crashed = a.app.worker.runOnce().catch(() => 0);
    await eventually(async () => a.fake.calls.some((c) => c.payload.chat_id === 1301), 10_000);
    expect(await a.prisma.job.count({ where: { status: "running" } })).toBe(2);

    a.clock.advance(2 * 60_000); // A's lease runs out
    await b.app.worker.drain();
    await a.fake.close(); // A's hung request finally fails; it must not send what B took over
    await crashed;

    expect(a.fake.textsTo(1301)).toEqual(["第一条群发", "第二条群发"]);
    // The hung send may have been delivered: counted as sent, noted, never repeated.
    expect((await recipientStatus(a, first, citizen)).status).toBe("sent");
    expect((await recipientStatus(a, first, citizen)).error).toContain("unconfirmed");
    expect((await recipientStatus(a, second, citizen)).status).toBe("sent");
  });

  it("waits out a 429 pause another instance stored in the database", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1302, district: "QS-CG-DM" });
    await recordDeliveryPause(h.prisma, new Date(h.clock.now().getTime() + 1000), h.clock.now());
    await queueBroadcast(h, "停水通知", [citizen]);

    await h.app.worker.drain();
    expect(h.app.pacer.stats().pauses).toBe(1);
    expect(h.fake.textsTo(1302)).toEqual(["停水通知"]);
  });

  it("stores the pause of a 429 it meets, for every instance and restart, and retries without counting an attempt", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1303, district: "QS-CG-DM" });
    h.fake.failWith({ chatId: 1303, kind: "429", retryAfter: 1, times: 1 });
    const broadcastId = await queueBroadcast(h, "停电通知", [citizen]);

    await h.app.worker.drain();
    const pause = await h.prisma.deliveryPause.findFirstOrThrow();
    expect(pause.until).toEqual(new Date(h.clock.now().getTime() + 1000));
    const job = await h.prisma.job.findFirstOrThrow({ where: { task: "broadcast_send" } });
    expect([job.status, job.attempts]).toEqual(["queued", 0]);
    expect((await recipientStatus(h, broadcastId, citizen)).status).toBe("pending");

    await h.drainWithClock(2000);
    expect(h.fake.textsTo(1303)).toEqual(["停电通知"]);
    expect((await recipientStatus(h, broadcastId, citizen)).status).toBe("sent");
  });

  it("goes out without sound in quiet hours (silent mode)", async () => {
    const h = await harness(dialect, { start: "2026-11-24T15:00:00Z" }); // 23:00 in Shanghai
    const citizen = await addUser(h.prisma, { telegramId: 1304, district: "QS-CG-DM" });
    await queueBroadcast(h, "夜间通知", [citizen]);
    await h.app.worker.drain();
    expect(h.fake.sentTo(1304)).toHaveLength(1);
    expect(h.fake.sentTo(1304)[0]!.payload.disable_notification).toBe(true);
  });

  it("waits for 08:00 Shanghai time in quiet hours (defer mode)", async () => {
    const h = await harness(dialect, { env: { QUIET_HOURS_MODE: "defer" }, start: "2026-11-24T15:00:00Z" });
    const citizen = await addUser(h.prisma, { telegramId: 1305, district: "QS-CG-DM" });
    const broadcastId = await queueBroadcast(h, "明早通知", [citizen]);

    await h.app.worker.drain();
    expect(h.fake.sentTo(1305)).toHaveLength(0);
    const held = await h.prisma.job.findFirstOrThrow({ where: { task: "broadcast_send" } });
    expect([held.runAt, held.attempts]).toEqual([new Date("2026-11-25T00:00:00Z"), 0]);
    expect((await recipientStatus(h, broadcastId, citizen)).status).toBe("pending");

    h.clock.set("2026-11-25T00:00:00Z");
    await h.app.worker.drain();
    expect(h.fake.textsTo(1305)).toEqual(["明早通知"]);
  });
});

describe.each(testDialects)("the delivery engine, on %s", (dialect) => {
  /** Claims the one queued job as `workerId`, with the context a worker would give it. */
  async function claimOne(h: Harness, workerId = "engine-test") {
    const [job] = await claimJobs(h.db, { workerId, limit: 1, leaseMs: 60_000, now: h.clock.now() });
    const context: JobContext = {
      workerId,
      now: h.clock.now,
      signal: new AbortController().signal,
      markSending: () => markSending(h.db, job!, workerId, h.clock.now(), 60_000),
      extendLease: () => extendLease(h.db, job!, workerId, h.clock.now(), 60_000),
    };
    return { job: job!, context };
  }

  /** The application's renderers, with the follow-up reminder replaced by `followUp`. */
  function engineFor(
    h: Harness,
    followUp: Renderers["follow_up"],
    outcomes: DeliveryOutcome[],
    everyOutcome: [string, DeliveryOutcome][] = [],
  ) {
    return createDeliveryEngine({
      db: h.db,
      pacer: h.app.pacer,
      config: h.config,
      transport: createTransport(createDeliveryApi(h.config)),
      renderers: { ...createRenderers({ db: h.db, config: h.config }), follow_up: followUp },
      hooks: {
        follow_up: async (_message, outcome) => {
          outcomes.push(outcome);
        },
      },
      onOutcome: async (message, outcome) => {
        everyOutcome.push([message.kind, outcome]);
      },
      translator: () => (key) => key,
    });
  }

  async function queueFollowUp(h: Harness, citizen: User): Promise<OutgoingMessage> {
    const message: OutgoingMessage = { kind: "follow_up", recipientId: citizen.id, concernId: 1 };
    await enqueueMessages(h.prisma, h.db.dialect, [message], h.clock.now());
    return message;
  }

  it("sends every part in order and tells the hooks their message ids", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1401, district: "QS-CG-DM" });
    const outcomes: DeliveryOutcome[] = [];
    const everyOutcome: [string, DeliveryOutcome][] = [];
    const engine = engineFor(
      h,
      () => ({
        parts: [
          { type: "text", text: "<b>第一段</b>", format: { html: true } },
          { type: "photo", fileId: "photo-1", caption: "现场照片", format: { html: true } },
        ],
      }),
      outcomes,
      everyOutcome,
    );
    const message = await queueFollowUp(h, citizen);
    const { job, context } = await claimOne(h);

    const report = await engine.deliver(message, job, context);

    const sent = h.fake.sentTo(1401);
    expect(sent.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
    expect(sent[0]!.payload.parse_mode).toBe("HTML");
    // The fake numbers each chat's messages from 1, as Telegram numbers a private chat's.
    expect(report.outcome).toEqual({ status: "sent", messageIds: [1, 2] });
    expect(outcomes).toEqual([{ status: "sent", messageIds: [1, 2] }]);
    expect(everyOutcome).toEqual([["follow_up", { status: "sent", messageIds: [1, 2] }]]);
  });

  it("tells the hook a message was dropped when its renderer has nothing to say any more", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1402, district: "QS-CG-DM" });
    const outcomes: DeliveryOutcome[] = [];
    const engine = engineFor(h, () => undefined, outcomes);
    const message = await queueFollowUp(h, citizen);
    const { job, context } = await claimOne(h);

    const report = await engine.deliver(message, job, context);
    expect(report.note).toBe("nothing to send any more");
    expect(outcomes).toEqual([{ status: "dropped", reason: "nothing to send any more" }]);
    expect(h.fake.sentTo(1402)).toHaveLength(0);
  });

  it("tells the hook of a final failure when the recipient blocked the bot, and marks them inactive", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1403, district: "QS-CG-DM" });
    h.fake.failWith({ chatId: 1403, kind: "403" });
    const outcomes: DeliveryOutcome[] = [];
    const engine = engineFor(
      h,
      () => ({ parts: [{ type: "text", text: "好的", format: { html: true } }] }),
      outcomes,
    );
    const message = await queueFollowUp(h, citizen);
    const { job, context } = await claimOne(h);

    await expect(engine.deliver(message, job, context)).rejects.toThrow(/blocked/);
    expect(outcomes).toEqual([
      {
        status: "failed",
        failure: { kind: "recipient-gone", reason: "Forbidden: bot was blocked by the user" },
        final: true,
      },
    ]);
    expect((await h.prisma.user.findUniqueOrThrow({ where: { id: citizen.id } })).inactiveAt).not.toBeNull();
  });

  it("does not send when the job was taken over before its turn came", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1404, district: "QS-CG-DM" });
    const outcomes: DeliveryOutcome[] = [];
    const engine = engineFor(
      h,
      () => ({ parts: [{ type: "text", text: "迟到", format: { html: true } }] }),
      outcomes,
    );
    const message = await queueFollowUp(h, citizen);
    const { job, context } = await claimOne(h, "slow-worker");
    h.clock.advance(2 * 60_000);
    await claimOne(h, "other-worker"); // the lease ran out: another worker holds the job now

    await expect(engine.deliver(message, job, context)).rejects.toThrow(/lease of job/);
    expect(h.fake.sentTo(1404)).toHaveLength(0);
    expect(outcomes).toEqual([]);
  });

  it("uses the kind's policy after an uncertain attempt: a follow-up is not resent", async () => {
    const h = await harness(dialect);
    const citizen = await addUser(h.prisma, { telegramId: 1405, district: "QS-CG-DM" });
    const outcomes: DeliveryOutcome[] = [];
    const engine = engineFor(
      h,
      () => ({ parts: [{ type: "text", text: "请评价", format: { html: true } }] }),
      outcomes,
    );
    const message = await queueFollowUp(h, citizen);
    const { job, context } = await claimOne(h);
    const since = new Date(h.clock.now().getTime() - HOUR);

    const report = await engine.deliver(message, { ...job, sendStartedAt: since }, context);
    expect(report.note).toContain("not resent");
    expect(outcomes).toEqual([{ status: "unconfirmed", since }]);
    expect(h.fake.sentTo(1405)).toHaveLength(0);
  });
});
