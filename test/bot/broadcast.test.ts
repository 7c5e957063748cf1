// Staff broadcasts, driven as staff and citizens would: compose, preview, audience within
// scope, confirm, delivery through the queue with a progress report, cancellation, and the
// one-tap "stop these notices".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/db/queries/invites.js";
import { addCitizens, addPerson } from "../helpers/people.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe("broadcasts", () => {
  let bot: TestBot;
  let staff: TestUser;
  let clock: number;

  /** Runs every job due within the minute, moving the clock on so that paced progress reports fall due too. */
  async function settle() {
    for (let round = 0; round < 50; round++) {
      await bot.drainJobs();
      const due = { status: { in: ["queued", "running"] }, runAt: { lte: new Date(clock + 60_000) } };
      if ((await bot.prisma.job.count({ where: due })) === 0) return;
      clock += 5_000;
    }
    throw new Error("jobs did not settle");
  }

  beforeEach(async () => {
    clock = Date.now();
    bot = await TestBot.create({ now: () => new Date(clock) });
    staff = bot.user(7001, { firstName: "联络站小刘" });
    const invite = await createInvite(bot.prisma, {
      role: "staff",
      districtCode: "QS-CG",
      ttlHours: 1,
      now: new Date(),
    });
    await staff.send(`/start inv_${invite.token}`);
    await staff.press("同意并继续");
  });
  afterEach(() => bot.close());

  const bold = [{ type: "bold" as const, offset: 0, length: 5 }];

  async function compose(text = "接待日通知:本周六上午9点在城关街道代表联络站开展代表接待活动。") {
    await staff.send("/broadcast");
    await staff.sendMessage({ text, entities: bold });
  }

  it("shows a preview exactly as recipients will get it", async () => {
    await compose();
    const preview = staff.received.find((c) => c.payload.text?.toString().startsWith("接待日通知"));
    expect(preview?.payload.entities).toEqual(bold);
    expect(JSON.stringify(preview?.payload.reply_markup)).toContain("不再接收此类通知");
    expect(staff.lastText()).toBe("发给谁?");
    expect(staff.findButton("全体群众")).toBeUndefined(); // staff are not admins
  });

  it("delivers once to every citizen of the district subtree, with formatting, and reports the counts", async () => {
    await addCitizens(bot.prisma, 100_000, 30, "QS-CG-DM");
    await addCitizens(bot.prisma, 200_000, 5, "QS-SQ-SQ"); // outside the chosen district
    await addPerson(bot.prisma, 300_001, { districtCode: "QS-CG-XJ", optedOut: true });
    await addPerson(bot.prisma, 300_002, { districtCode: "QS-CG-XJ", inactive: true });
    const blocked = 300_003;
    await addPerson(bot.prisma, blocked, { districtCode: "QS-CG-XJ" });
    bot.fake.failWith({ chatId: blocked, kind: "403" });

    await compose();
    await staff.press("某选区的群众");
    await staff.press("城关街道");
    await staff.press("就发给“城关街道”");
    await staff.press("立即发送");
    expect(staff.lastText()).toContain("人数:31 人");
    await staff.press("确认发送");
    await settle();

    const delivered = bot.fake.sent.filter((c) => c.payload.text?.toString().startsWith("接待日通知"));
    const recipients = delivered.map((c) => Number(c.payload.chat_id)).filter((id) => id !== staff.id);
    expect(new Set(recipients).size).toBe(30);
    expect(recipients).toHaveLength(30);
    expect(recipients.every((id) => id >= 100_000 && id < 100_030)).toBe(true);
    expect(delivered.every((c) => JSON.stringify(c.payload.entities) === JSON.stringify(bold))).toBe(true);

    const report = staff.lastText();
    expect(report).toContain("群发 #1 已完成");
    expect(report).toContain("送达 30 / 31,已屏蔽机器人 1,失败 0");
    expect(
      (await bot.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(blocked) } })).inactiveAt,
    ).not.toBeNull();
    expect((await bot.prisma.broadcast.findFirstOrThrow()).status).toBe("done");
  });

  it("refuses a district outside the sender's scope even with forged buttons", async () => {
    await compose();
    await staff.press("某选区的群众");
    const shiqiao = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-SQ" } });
    await staff.pressData(`bd:pick:${shiqiao.id}`);
    expect(staff.callbackAnswers().at(-1)).toBe("您只能向自己负责区域内的选区群发。");
    await staff.pressData("bk:send");
    expect(await bot.prisma.broadcast.count()).toBe(0);
  });

  it("is not available to citizens", async () => {
    const citizen = bot.user(7100);
    await citizen.onboard();
    await citizen.send("/broadcast");
    expect(citizen.lastText()).toBe("没有这个命令。发送 /help 查看可用的命令。");
  });

  it("stops sending when cancelled halfway", async () => {
    await addCitizens(bot.prisma, 100_000, 40, "QS-CG-DM");
    await compose();
    await staff.press("某选区的群众");
    await staff.press("城关街道");
    await staff.press("就发给“城关街道”");
    await staff.press("立即发送");
    await staff.press("确认发送");
    // The start job fixes the 40 recipients; then some sends go out.
    for (let i = 0; i < 3; i++) await bot.app.worker.runOnce();
    const sentBefore = bot.fake.sent.filter((c) => Number(c.payload.chat_id) >= 100_000).length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(40);
    await staff.press("停止群发");
    expect(staff.callbackAnswers().at(-1)).toContain("已停止");
    await settle();
    const sentAfter = bot.fake.sent.filter((c) => Number(c.payload.chat_id) >= 100_000).length;
    expect(sentAfter).toBe(sentBefore);
    const recipients = await bot.prisma.broadcastRecipient.groupBy({
      by: ["status"],
      _count: { _all: true },
    });
    const byStatus = Object.fromEntries(recipients.map((r) => [r.status, r._count._all]));
    expect(byStatus).toEqual({ sent: sentBefore, skipped: 40 - sentBefore });
    expect(staff.lastText()).toContain(`送达 ${sentBefore} / 40`);
    expect((await bot.prisma.broadcast.findFirstOrThrow()).status).toBe("cancelled");
  });

  it("sends a scheduled broadcast at its time, and not at all once cancelled", async () => {
    await addCitizens(bot.prisma, 100_000, 3, "QS-CG-DM");
    const schedule = async (text: string) => {
      await compose(text);
      await staff.press("某选区的群众");
      await staff.press("城关街道");
      await staff.press("就发给“城关街道”");
      await staff.press("定时发送");
      await staff.send("2099-01-01 09:00");
      expect(staff.lastText()).toContain("时间:2099/01/01 09:00");
      await staff.press("确认发送");
      expect(staff.lastText()).toContain("将于 2099/01/01 09:00 发送");
    };
    await schedule("定时通知一");
    await schedule("定时通知二");
    await staff.press("停止群发"); // the newest message: the second broadcast's
    await settle();
    const texts = () =>
      bot.fake.sent.filter((c) => Number(c.payload.chat_id) >= 100_000).map((c) => c.payload.text);
    expect(texts()).not.toContain("定时通知一");
    clock = new Date("2099-01-01T01:00:00Z").getTime(); // 09:00 in Shanghai
    await settle();
    expect(texts().filter((t) => t === "定时通知一")).toHaveLength(3);
    expect(texts()).not.toContain("定时通知二");
    const statuses = (await bot.prisma.broadcast.findMany({ orderBy: { id: "asc" } })).map((b) => b.status);
    expect(statuses).toEqual(["done", "cancelled"]);
  });

  it("lets a recipient stop these notices with one tap, and skips them afterwards", async () => {
    const citizen = bot.user(7200);
    await citizen.onboard("QS-CG-DM");
    await compose("第一条通知");
    await staff.press("某选区的通知订阅者");
    await staff.press("城关街道");
    await staff.press("就发给“城关街道”");
    await staff.press("立即发送");
    await staff.press("确认发送");
    await settle();
    expect(citizen.lastText()).toBe("第一条通知");
    await citizen.press("不再接收此类通知");
    expect(citizen.lastText()).toContain("您已关闭所有活动通知");
    expect((await citizen.record())?.noticesOptOutAt).not.toBeNull();

    await compose("第二条通知");
    await staff.press("某选区的群众");
    await staff.press("城关街道");
    await staff.press("就发给“城关街道”");
    await staff.press("立即发送");
    expect(staff.lastText()).toContain("人数:0 人");
    await staff.press("确认发送");
    await settle();
    expect(citizen.texts().includes("第二条通知")).toBe(false);
  });
});

describe("notice subscriptions", () => {
  it("subscribes a citizen to their district and lets /notices switch districts and everything", async () => {
    const bot = await TestBot.create();
    try {
      const citizen = bot.user(7300);
      await citizen.onboard("QS-CG-DM");
      await citizen.send("/notices");
      expect(citizen.lastText()).toContain("您会收到联络站的活动通知");
      expect(citizen.findButton("☑ 东门社区")).toBeDefined();
      await citizen.press("☐ 青山县");
      await citizen.press("☑ 东门社区");
      const subs = await bot.prisma.noticeSubscription.findMany({
        include: { district: true },
        orderBy: { id: "asc" },
      });
      expect(subs.map((s) => [s.district.code, s.active])).toEqual([
        ["QS-CG-DM", false],
        ["QS", true],
      ]);
      await citizen.press("关闭所有通知");
      expect((await citizen.record())?.noticesOptOutAt).not.toBeNull();
      await citizen.press("重新开启通知");
      expect((await citizen.record())?.noticesOptOutAt).toBeNull();
    } finally {
      await bot.close();
    }
  });
});
