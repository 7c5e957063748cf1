// Creating activities in the bot: staff within their scope, representatives for their own
// district subject to approval by staff covering it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createActivityBot, createActivityInBot, joinAs } from "./activities-helpers.js";

describe.each(testDialects)("creating activities on %s", (dialect) => {
  let clock: Clock;
  let bot: TestBot;
  let staff: TestUser;
  let otherStaff: TestUser;
  let deputy: TestUser;
  let secondDeputy: TestUser;

  beforeEach(async () => {
    clock = new Clock();
    bot = await createActivityBot(clock, dialect);
    staff = bot.user(4001, { firstName: "陈干事" });
    otherStaff = bot.user(4002, { firstName: "石桥干事" });
    deputy = bot.user(4101, { firstName: "王代表" });
    secondDeputy = bot.user(4102, { firstName: "李代表" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await joinAs(bot, clock, otherStaff, "staff", "QS-SQ");
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await joinAs(bot, clock, secondDeputy, "representative", "QS-CG-DM");
  });
  afterEach(() => bot.close());

  it("lets staff create an approved activity step by step, queued for announcement 3 days ahead", async () => {
    const activity = await createActivityInBot(bot, staff, {
      kind: "接待日",
      title: "东门社区代表接待日",
      time: "2026-12-10 09:00-11:00",
      place: "东门社区党群服务中心",
      district: "东门社区",
      deputies: ["李代表"],
      capacity: 30,
    });
    const station = await bot.prisma.liaisonStation.findUniqueOrThrow({ where: { code: "QS-ST-CG" } });
    const deputies = await bot.prisma.activityDeputy.findMany({
      where: { activityId: activity.id },
      include: { user: true },
    });
    expect(activity).toMatchObject({
      kind: "reception",
      title: "东门社区代表接待日",
      place: "东门社区党群服务中心",
      status: "approved",
      capacity: 30,
      stationId: station.id,
      startsAt: new Date("2026-12-10T01:00:00Z"),
      endsAt: new Date("2026-12-10T03:00:00Z"),
      publishAt: new Date("2026-12-07T01:00:00Z"),
    });
    expect(deputies.map((d) => d.user.firstName)).toEqual(["李代表"]);
    const job = await bot.prisma.job.findUniqueOrThrow({ where: { key: `act-pub:${activity.id}` } });
    expect(job).toMatchObject({
      task: "activity-publish",
      status: "queued",
      runAt: new Date("2026-12-07T01:00:00Z"),
    });
    expect(staff.lastText()).toContain("已创建,将于 2026年12月7日周一 09:00 向订阅本选区活动通知的群众发布");
  });

  it("offers staff the districts of their scope only", async () => {
    await staff.send("/activity_new");
    await staff.press("听证会");
    await staff.send("旧城改造听证会");
    await staff.send("2026-12-20 14:30");
    await staff.send("街道会议室");
    const labels = staff.received.at(-1)!.payload.reply_markup as { inline_keyboard: { text: string }[][] };
    const districts = labels.inline_keyboard.flat().map((b) => b.text);
    expect(districts).toEqual(["城关街道", "东门社区", "南湖社区", "西街社区", "取消"]);
  });

  it("refuses a time in the past and an unreadable time with a clear message, then accepts a good one", async () => {
    await staff.send("/activity_new");
    await staff.press("代表走访");
    await staff.send("走访辖区企业");
    await staff.send("2026-11-30 09:00");
    expect(staff.lastText()).toContain("这个时间已经过去了,请输入将来的时间,例如 2026-12-08 09:00");
    await staff.send("下周二上午");
    expect(staff.lastText()).toContain("无法识别这个时间");
    await staff.send("2026-12-08 09:30");
    expect(staff.lastText()).toContain("时间:2026年12月8日周二 09:30。请输入活动地点");
  });

  it("answers a citizen's /activity_new that only staff and deputies create activities", async () => {
    const citizen = bot.user(4301);
    await citizen.onboard("QS-CG-DM");
    await citizen.send("/activity_new");
    expect(citizen.lastText()).toBe("只有联络站工作人员和人大代表可以发起和管理活动。");
    expect(await bot.prisma.activity.count()).toBe(0);
  });

  it("makes a representative's activity wait for approval and asks staff covering the district", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      kind: "代表走访",
      title: "走访东门社区养老服务站",
      time: "2026-12-12 15:00",
    });
    expect(activity.status).toBe("pending_approval");
    expect(activity.publishAt).toBeNull();
    // The proposing deputy is on duty unless they untick themselves.
    const deputies = await bot.prisma.activityDeputy.findMany({ where: { activityId: activity.id } });
    expect(deputies.map((d) => d.userId)).toEqual([(await deputy.record())!.id]);
    expect(deputy.lastText()).toContain("已提交,等待联络站工作人员审核");
    await bot.drainJobs();
    expect(staff.lastText()).toContain("王代表 提交了一项活动,请审核");
    expect(staff.lastText()).toContain("走访东门社区养老服务站");
    expect(otherStaff.texts().some((t) => t.includes("请审核"))).toBe(false);
    expect(await bot.prisma.job.count({ where: { task: "activity-publish" } })).toBe(0);
  });

  it("does not let staff of another district approve: answered, not applied", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      title: "东门社区接待日",
      time: "2026-12-12 09:00",
    });
    await bot.drainJobs();
    const approve = staff.findButton("✅ 批准")!;
    await otherStaff.pressData(approve.data);
    expect(otherStaff.callbackAnswers().at(-1)).toBe("该活动所在选区不在您的管理范围内。");
    const after = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(after.status).toBe("pending_approval");
    expect(await bot.prisma.job.count({ where: { task: "activity-publish" } })).toBe(0);
  });

  it("does not let a representative approve their own proposal", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      title: "东门社区接待日",
      time: "2026-12-12 09:00",
    });
    await bot.drainJobs();
    await deputy.pressData(staff.findButton("✅ 批准")!.data);
    expect(deputy.callbackAnswers().at(-1)).toBe("该活动所在选区不在您的管理范围内。");
    expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
      "pending_approval",
    );
  });

  it("publishes an approved proposal on schedule and tells the representative", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      title: "东门社区接待日",
      time: "2026-12-12 09:00",
    });
    await bot.drainJobs();
    await staff.press("✅ 批准");
    const after = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(after).toMatchObject({
      status: "approved",
      approvedById: (await staff.record())!.id,
      publishAt: new Date("2026-12-09T01:00:00Z"),
    });
    expect(await bot.prisma.job.count({ where: { key: `act-pub:${activity.id}` } })).toBe(1);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain(
      "东门社区接待日</b> 已通过审核,将于 2026年12月9日周三 09:00 发布活动通知",
    );
  });

  it("never announces a rejected proposal, and tells the representative", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      title: "东门社区接待日",
      time: "2026-12-12 09:00",
    });
    await bot.drainJobs();
    await staff.press("❌ 不批准");
    expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
      "rejected",
    );
    expect(await bot.prisma.job.count({ where: { task: "activity-publish" } })).toBe(0);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("未通过审核");
  });

  it("answers a second decision on the same proposal without changing it", async () => {
    const activity = await createActivityInBot(bot, deputy, {
      title: "东门社区接待日",
      time: "2026-12-12 09:00",
    });
    await bot.drainJobs();
    const reject = staff.findButton("❌ 不批准")!;
    await staff.press("✅ 批准");
    await staff.pressData(reject.data);
    expect(staff.callbackAnswers().at(-1)).toBe("该活动已经处理过了,当前状态:已批准,待发布。");
    expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
      "approved",
    );
  });
});
