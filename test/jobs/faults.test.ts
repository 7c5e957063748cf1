// What Telegram's failures do to queued messages: a blocked recipient is marked inactive and
// never retried, 5xx is retried with backoff and then dead-lettered where staff can see it,
// a 429 pauses sending, a timed-out send is reconciled instead of blindly repeated, and a
// worker that dies mid-batch leaves nothing undelivered and nothing delivered twice.
import { afterEach, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/admin.js";
import type { User } from "../../src/db/generated/sqlite/client.js";
import { recordDeliveryPause } from "../../src/db/queries/delivery-pause.js";
import { listDeadJobs } from "../../src/jobs/queue.js";
import { addUser, queueNotification } from "./fixtures.js";
import { eventually, Harness, HOUR } from "./harness.js";

const harnesses: Harness[] = [];
afterEach(async () => {
  // Second instances first: the first one owns the fake and the database.
  for (const h of harnesses.reverse()) await h.close();
  harnesses.length = 0;
});

async function harness(options: Parameters<typeof Harness.create>[0] = {}) {
  const h = await Harness.create(options);
  harnesses.push(h);
  return h;
}

const replyTo = (h: Harness, citizen: User, text: string) =>
  queueNotification(h, "concern_message_to_citizen", citizen, citizen, text);

async function jobOf(h: Harness, recipient: User) {
  return h.prisma.job.findFirstOrThrow({
    where: { payload: { contains: `"recipientId":${recipient.id},` } },
  });
}

describe("delivery faults", () => {
  it("marks blocked recipients inactive at once and never retries them", async () => {
    const h = await harness();
    const blocked = await addUser(h.prisma, { telegramId: 1001, district: "QS-CG-DM" });
    const gone = await addUser(h.prisma, { telegramId: 1002, district: "QS-CG-DM" });
    h.fake.failWith({ chatId: 1001, kind: "403" });
    h.fake.failWith({ chatId: 1002, kind: "400", description: "Bad Request: chat not found" });
    await replyTo(h, blocked, "您好");
    await replyTo(h, gone, "您好");

    await h.drainWithClock(HOUR);

    for (const [user, chat] of [
      [blocked, 1001],
      [gone, 1002],
    ] as const) {
      expect(h.fake.callsTo("sendMessage").filter((c) => c.payload.chat_id === chat)).toHaveLength(1);
      expect((await h.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).inactiveAt).not.toBeNull();
      expect((await jobOf(h, user)).status).toBe("failed");
    }
    expect(h.fake.sent).toHaveLength(0);
  });

  it("retries 5xx with backoff, then dead-letters the job where staff can see why", async () => {
    const h = await harness();
    const flaky = await addUser(h.prisma, { telegramId: 1003, district: "QS-CG-DM" });
    const broken = await addUser(h.prisma, { telegramId: 1004, district: "QS-CG-DM" });
    h.fake.failWith({ chatId: 1003, kind: "5xx", times: 2 });
    h.fake.failWith({ chatId: 1004, kind: "5xx" });
    await replyTo(h, flaky, "第一条");
    await replyTo(h, broken, "第二条");

    await h.app.worker.drain();
    const retried = await jobOf(h, flaky);
    expect(retried.status).toBe("queued");
    expect(retried.runAt.getTime()).toBeGreaterThan(h.clock.now().getTime()); // backing off
    expect(retried.sendStartedAt).toBeNull(); // a 5xx was not delivered

    await h.drainWithClock(HOUR);

    expect(h.fake.textsTo(1003)).toHaveLength(1);
    expect(h.fake.textsTo(1004)).toHaveLength(0);
    const dead = await jobOf(h, broken);
    expect(dead.status).toBe("dead");
    expect(dead.attempts).toBe(dead.maxAttempts);
    expect(h.fake.callsTo("sendMessage").filter((c) => c.payload.chat_id === 1004)).toHaveLength(
      dead.maxAttempts,
    );
    expect(dead.lastError).toContain("Bad Gateway");
    expect((await listDeadJobs(h.db)).map((j) => j.id)).toEqual([dead.id]);

    const out: string[] = [];
    process.env.BOT_TOKEN ??= h.config.BOT_TOKEN;
    const code = await runAdmin(
      ["dead-jobs"],
      { out: (s) => out.push(s), err: (s) => out.push(s) },
      { db: h.db },
    );
    expect(code).toBe(0);
    expect(out.join("\n")).toContain(`#${dead.id} notify`);
    expect(out.join("\n")).toContain("Bad Gateway");
  });

  it("pauses all sending on a 429 and delivers the message once afterwards", async () => {
    const h = await harness();
    const citizen = await addUser(h.prisma, { telegramId: 1005, district: "QS-CG-DM" });
    h.fake.failWith({ chatId: 1005, kind: "429", retryAfter: 1, times: 1 });
    await replyTo(h, citizen, "请稍候");

    await h.app.worker.drain();
    const job = await jobOf(h, citizen);
    expect(job.status).toBe("queued");
    expect(job.attempts).toBe(0); // Telegram's request to wait is not a failed attempt
    expect(h.app.pacer.stats().pauses).toBe(1);
    expect(await h.prisma.deliveryPause.count()).toBe(1); // shared with the other instances

    await h.drainWithClock(2000);
    expect(h.fake.textsTo(1005)).toHaveLength(1);
  });

  it("pauses when another instance recorded a 429", async () => {
    const h = await harness();
    const citizen = await addUser(h.prisma, { telegramId: 1007, district: "QS-CG-DM" });
    await recordDeliveryPause(h.prisma, new Date(h.clock.now().getTime() + 1000), h.clock.now());
    await replyTo(h, citizen, "稍后送达");

    await h.app.worker.drain();
    expect(h.app.pacer.stats().pauses).toBe(1);
    expect(h.fake.textsTo(1007)).toHaveLength(1);
  });

  it("does not resend a deputy's notification whose send timed out, but resends a reply to a citizen with a note", async () => {
    const h = await harness({ env: { SEND_TIMEOUT_SECONDS: "1" } });
    const citizen = await addUser(h.prisma, { telegramId: 1006, district: "QS-CG-DM" });
    const deputy = await addUser(h.prisma, { telegramId: 2001, represents: ["QS-CG-DM"] });
    h.fake.failWith({ chatId: 1006, kind: "timeout", times: 1 });
    h.fake.failWith({ chatId: 2001, kind: "timeout", times: 1 });
    await replyTo(h, citizen, "代表的答复");
    await queueNotification(h, "concern_new", citizen, deputy, "新诉求");

    await h.app.worker.drain();
    const uncertain = await jobOf(h, deputy);
    expect(uncertain.status).toBe("queued");
    expect(uncertain.sendStartedAt).not.toBeNull(); // the next attempt knows

    await h.drainWithClock(HOUR);

    // The fake, like Telegram, delivered the timed-out requests; only their answers were lost.
    expect(h.fake.textsTo(2001)).toHaveLength(1);
    const deputyJob = await jobOf(h, deputy);
    expect(deputyJob.status).toBe("done");
    expect(deputyJob.lastError).toContain("not resent");

    const texts = h.fake.textsTo(1006);
    expect(texts).toHaveLength(2);
    expect(texts[0]).not.toContain("可能已送达");
    expect(texts[1]).toContain("可能已送达");
    expect(texts[1]).toContain("代表的答复");
  });

  it("finishes a crashed worker's batch on another worker: every message once", async () => {
    // Instance A sends with a long timeout, so that its request to the deputy hangs like a
    // process frozen mid-send; it is then abandoned without releasing anything.
    const a = await harness({ env: { SEND_TIMEOUT_SECONDS: "60" } });
    const b = await harness({ shareWith: a });
    const deputy = await addUser(a.prisma, { telegramId: 2002, represents: ["QS-CG-DM"] });
    const citizens: User[] = [];
    for (let i = 0; i < 5; i++)
      citizens.push(await addUser(a.prisma, { telegramId: 1100 + i, district: "QS-CG-DM" }));
    a.fake.failWith({ chatId: 2002, kind: "timeout", times: 1 });
    for (let i = 0; i < 3; i++)
      await queueNotification(a, "concern_new", citizens[i]!, deputy, `新诉求 ${i}`);
    for (const citizen of citizens) await replyTo(a, citizen, "答复");

    const crashed = a.app.worker.runOnce().catch(() => 0);
    await eventually(
      async () =>
        citizens.every((c) => a.fake.sentTo(Number(c.telegramId)).length === 1) &&
        a.fake.calls.some((c) => c.payload.chat_id === 2002) &&
        // The citizens' sends recorded as done (their outcome hooks run after the send).
        (await a.prisma.job.count({ where: { status: "done" } })) === citizens.length,
      10_000,
    );
    const stuck = await a.prisma.job.findMany({ where: { status: "running" } });
    expect(stuck).toHaveLength(3); // the hung send and the two behind it, for the same deputy

    a.clock.advance(2 * 60_000); // the crashed worker's lease runs out
    await b.app.worker.drain();

    // The crashed instance's request finally fails; it must not send what B has taken over.
    await a.fake.close();
    await crashed;

    expect(a.fake.sentTo(2002)).toHaveLength(3);
    for (const citizen of citizens) expect(a.fake.sentTo(Number(citizen.telegramId))).toHaveLength(1);
    const jobs = await a.prisma.job.findMany();
    expect(jobs.every((j) => j.status === "done")).toBe(true);
    expect(jobs.filter((j) => j.lastError?.includes("not resent"))).toHaveLength(1);
  });

  it("stops gracefully: releases the sends still waiting for their turn, and a new worker sends them in order", async () => {
    // Telegram's own limit of one message a second to a chat, which test apps otherwise lift.
    const h = await harness({ env: { SEND_PER_CHAT_PER_SECOND: "1" } });
    const citizen = await addUser(h.prisma, { telegramId: 1200, district: "QS-CG-DM" });
    for (const text of ["一", "二", "三"]) await replyTo(h, citizen, `答复${text}`);

    h.app.worker.start();
    await eventually(async () => h.fake.sentTo(1200).length === 1, 10_000);
    await h.app.worker.stop(); // the next two wait a second for the per-chat limit: they give up at once

    const jobs = await h.prisma.job.findMany({ orderBy: { id: "asc" } });
    expect(jobs.map((j) => j.status)).toEqual(["done", "queued", "queued"]);
    expect(jobs.slice(1).every((j) => j.attempts === 0 && j.sendStartedAt === null)).toBe(true);

    await h.app.worker.drain();
    const texts = h.fake.textsTo(1200);
    expect(texts.map((t) => /答复(.)/.exec(t)?.[1])).toEqual(["一", "二", "三"]);
  });
});
