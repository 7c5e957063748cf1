// One long 429 never freezes intake: while Telegram has paused the bot's sending for half an
// hour, citizens' concerns are still recorded and numbered, and the answers that could not
// be sent wait in the queue instead of in the handler; the pause is stored (every instance
// and a restart honour it), and a long one is reported to the administrators once it is over.
import { InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../src/db/outbox.js";
import { recordDeliveryPause } from "../../src/db/queries/delivery-pause.js";
import { testDialects } from "../helpers/database.js";
import { TINY_PNG } from "../helpers/images.js";
import { startTestApp, stopTestApp } from "../helpers/test-app.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("sending paused by a long 429 on %s", (dialect) => {
  let bot: TestBot;
  let admin: TestUser;

  beforeEach(async () => {
    bot = await TestBot.create({ dialect, env: { ADMIN_IDS: "9501" } });
    admin = bot.user(9501, { firstName: "管理员" });
    await admin.send("/start");
  });
  afterEach(() => bot.close());

  async function draft(citizen: TestUser, text: string) {
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/new");
    await citizen.send(text);
    await citizen.press("描述完成");
    await citizen.press("道路交通");
  }

  it("records and numbers every concern while sending is paused; the answers wait in the queue", async () => {
    const first = bot.user(3501, { firstName: "甲" });
    const second = bot.user(3502, { firstName: "乙" });
    await draft(first, "路灯坏了。");
    await draft(second, "井盖松了。");
    // Telegram answers the first Submit's answer with a 30-minute pause.
    bot.fake.failWith({ method: /^(send|edit)/, kind: "429", retryAfter: 1800, times: 1 });
    const sentBefore = bot.fake.calls.length;
    await first.press("提交");
    await second.press("提交");
    const cases = await bot.prisma.concern.findMany({ orderBy: { id: "asc" } });
    expect(cases.map((c) => c.caseNo)).toEqual([
      expect.stringMatching(/-00001$/),
      expect.stringMatching(/-00002$/),
    ]);
    // Both updates are done, not held; nothing was sent while paused (one refused call).
    expect(await bot.prisma.processedUpdate.count({ where: { status: "processing" } })).toBe(0);
    const during = bot.fake.calls.slice(sentBefore).filter((c) => /^(send|edit)/.test(c.method));
    expect(during.filter((c) => !c.failed)).toHaveLength(0);
    // Each citizen's case number waits in the queue, due when the pause ends.
    const replies = await bot.prisma.job.findMany({ where: { key: { startsWith: "reply:" } } });
    const texts = replies.map((j) => JSON.parse(j.payload).part.text as string);
    for (const concern of cases) expect(texts.some((t) => t.includes(concern.caseNo))).toBe(true);
    for (const job of replies) expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 1700_000);
  });

  it("stores the pause and reports a long one to the administrators once, when it is over", async () => {
    const citizen = bot.user(3503, { firstName: "丙" });
    await draft(citizen, "垃圾没人收。");
    bot.fake.failWith({ method: /^(send|edit)/, kind: "429", retryAfter: 1800, times: 2 });
    await citizen.press("提交");
    const pause = await bot.prisma.deliveryPause.findFirstOrThrow();
    expect(pause.until.getTime()).toBeGreaterThan(Date.now() + 1700_000);
    // A second 429 within the same pause adds no second report.
    await citizen.send("/my");
    const reports = await bot.prisma.job.findMany({ where: { key: { startsWith: "pause-report:" } } });
    expect(reports).toHaveLength(1);
    const adminId = (await admin.record())!.id;
    expect(JSON.parse(reports[0]!.payload)).toMatchObject({ kind: "pause_report", recipientId: adminId });
    expect(reports[0]!.runAt.getTime()).toBe(pause.until.getTime());
  });

  it("holds queued messages while a stored pause lasts, as a restarted instance must", async () => {
    const citizenId = (await admin.record())!.id;
    const now = new Date();
    await recordDeliveryPause(bot.prisma, new Date(now.getTime() + 600_000), now);
    await enqueueMessages(
      bot.prisma,
      bot.db.dialect,
      [{ kind: "pause_report", recipientId: citizenId, from: now.toISOString(), until: now.toISOString() }],
      now,
    );
    const before = admin.texts().length;
    await bot.drainJobs();
    expect(admin.texts().length).toBe(before);
    const job = await bot.prisma.job.findFirstOrThrow({ where: { key: { startsWith: "pause-report:" } } });
    expect(job.status).toBe("queued");
  });

  it("after a restart, answers learn of the stored pause before sending, and every sending method waits in the queue", async () => {
    const citizen = bot.user(3504, { firstName: "丁" });
    await citizen.send("/start");
    // A pause stored before this process started (another instance met the 429, or this one before a restart).
    const now = new Date();
    await recordDeliveryPause(bot.prisma, new Date(now.getTime() + 1_800_000), now);
    const callsBefore = bot.fake.calls.length;

    // The restarted instance: its first answer reads the stored pause.
    const restarted = await TestBot.create({ share: { fake: bot.fake, db: bot.db } });
    const chat = citizen.id;
    try {
      await restarted.user(3504, { firstName: "丁" }).send("/help");
      const api = restarted.app.bot.api;
      await api.sendLocation(chat, 31.23, 121.47);
      await api.sendMediaGroup(chat, [
        { type: "photo", media: "photo-a", caption: "<b>两张图</b>", parse_mode: "HTML" },
        { type: "photo", media: "photo-b" },
      ]);
      await api.sendDocument(chat, new InputFile(Buffer.from("a,b\n1,2\n"), "table.csv"), {
        caption: "表格",
      });
      await api.sendPhoto(chat, new InputFile(TINY_PNG, "chart.png"));
      await api.editMessageReplyMarkup(chat, 1);
    } finally {
      await restarted.close();
    }

    // Nothing reached Telegram during the pause, not even a refused call.
    const during = bot.fake.calls.slice(callsBefore).filter((c) => /^(send|edit)/.test(c.method));
    expect(during).toEqual([]);
    const queued = await bot.prisma.job.findMany({
      where: { key: { startsWith: "reply:" } },
      orderBy: { id: "asc" },
    });
    const types = queued.map((j) => JSON.parse(j.payload).part.type);
    expect(types).toEqual(["text", "location", "album", "document", "photo"]);
    for (const job of queued) expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 1_700_000);

    // The pause is over: an instance started now sends each as it would have been sent.
    await bot.prisma.deliveryPause.deleteMany();
    await bot.prisma.job.updateMany({
      where: { key: { startsWith: "reply:" } },
      data: { runAt: new Date() },
    });
    const next = await startTestApp({ share: { fake: bot.fake, db: bot.db } });
    try {
      await next.app.worker.drain();
    } finally {
      await stopTestApp(next);
    }
    const sent = bot.fake.sentTo(chat).filter((c) => bot.fake.calls.indexOf(c) >= callsBefore);
    expect(sent.map((c) => c.method)).toEqual([
      "sendMessage",
      "sendLocation",
      "sendMediaGroup",
      "sendDocument",
      "sendPhoto",
    ]);
    expect(String(sent[0]!.payload.text)).toContain("/new");
    expect(sent[1]!.payload).toMatchObject({ latitude: 31.23, longitude: 121.47 });
    const media = sent[2]!.payload.media as { media: string; caption?: string }[];
    expect(media.map((m) => m.media)).toEqual(["photo-a", "photo-b"]);
    expect(media[0]!.caption).toBe("<b>两张图</b>");
    expect(sent[3]!.payload.caption).toBe("表格");
  });
});
