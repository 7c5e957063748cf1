// Staff's prompts that wait for a typed text (issue 7, item 1): the reason for rejecting a held
// case (/review), and an activity's new title, time or place. A command or another button in
// between ends them, the time limit too; the late text changes nothing and is answered with the
// "prompt ended" note. A broadcast draft, which has its own review step, is not a prompt: a stray
// command and text during it send nothing. Driven through the bot on a clock moved by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityManageData } from "../../src/bot/callback-data.js";
import type { Activity, Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { createActivityInBot } from "./activities-helpers.js";
import { Clock, createCitizenBot, fileInBot, joinAs } from "./citizen-helpers.js";

describe.each(testDialects)("staff prompts on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let staff: TestUser;
  let citizen: TestUser;
  let held: Concern;
  let activity: Activity;

  const ended = "这条消息没有发送,也没有保存";
  const minutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000).toISOString());
  const status = async () => (await bot.prisma.concern.findUniqueOrThrow({ where: { id: held.id } })).status;
  const reload = () => bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    staff = bot.user(2801, { firstName: "刘干事" });
    const deputy = bot.user(2802, { firstName: "王代表" });
    citizen = bot.user(3801, { firstName: "张三" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await citizen.onboard("QS-CG-DM");
    const first = await fileInBot(bot, citizen, "东门小区停车位被占");
    await staff.send(`/moderation ${first.caseNo}`);
    await staff.press("🔇 禁言(新诉求需审核)");
    minutes(5);
    held = await fileInBot(bot, citizen, "南门菜市场晚上噪音扰民");
    activity = await createActivityInBot(bot, staff, {
      title: "东门社区代表接待日",
      time: "2026-12-22 09:00-11:00",
      district: "东门社区",
    });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());
  beforeEach(() => minutes(60));

  it("ends the rejection of a held case on a command: the case stays held, the citizen hears nothing", async () => {
    expect(held.status).toBe("held");
    await staff.send("/review");
    await staff.press("⛔ 不予处理");
    await staff.send("/help");
    const citizenBefore = citizen.texts().length;
    await staff.send("与其他诉求重复");
    expect(staff.lastText()).toContain(ended);
    expect(staff.lastText()).toContain(`不予处理待审诉求 ${held.caseNo} 的原因`);
    expect(await status()).toBe("held");
    await bot.drainJobs();
    expect(citizen.texts().length).toBe(citizenBefore);
  });

  it("ends the rejection after PROMPT_TIMEOUT_MINUTES, and takes a reason typed in time", async () => {
    await staff.send("/review");
    await staff.press("⛔ 不予处理");
    minutes(11);
    await staff.send("迟到的理由");
    expect(staff.lastText()).toContain("超过 10 分钟没有输入");
    expect(await status()).toBe("held");
    await staff.send("/review");
    await staff.press("⛔ 不予处理");
    minutes(9);
    await staff.send("内容与编号在前的诉求重复");
    expect(staff.lastText()).toContain("已不予处理");
    expect(await status()).toBe("declined");
  });

  it("ends an activity's edit on a command: the time typed afterwards changes nothing", async () => {
    await staff.pressData(activityManageData.pack({ action: "open", activityId: activity.id }));
    await staff.press("✏️ 修改活动");
    await staff.press("时间");
    await staff.send("/help");
    await staff.send("2026-12-23 14:00-16:00");
    expect(staff.lastText()).toContain(ended);
    expect(staff.lastText()).toContain("活动的新名称、时间或地点");
    expect((await reload()).startsAt).toEqual(activity.startsAt);
  });

  it("ends an activity's edit on another button and after the time limit", async () => {
    await staff.pressData(activityManageData.pack({ action: "edit_title", activityId: activity.id }));
    await staff.pressData(activityManageData.pack({ action: "open", activityId: activity.id }));
    await staff.send("不该改成的名称");
    expect(staff.lastText()).toContain("您点击了其他按钮");
    await staff.pressData(activityManageData.pack({ action: "edit_place", activityId: activity.id }));
    minutes(11);
    await staff.send("不该改成的地点");
    expect(staff.lastText()).toContain("超过 10 分钟没有输入");
    const current = await reload();
    expect([current.title, current.place]).toEqual([activity.title, activity.place]);
    await staff.pressData(activityManageData.pack({ action: "edit_place", activityId: activity.id }));
    await staff.send("东门社区居委会一楼");
    expect((await reload()).place).toBe("东门社区居委会一楼");
  });

  it("sends no broadcast on a stray command and text at its confirmation", async () => {
    await staff.send("/broadcast");
    await staff.send("本周六上午代表接待日。");
    await staff.press("某选区的群众");
    await staff.press("城关街道");
    await staff.press("就发给“城关街道”");
    await staff.press("立即发送");
    await staff.send("/help");
    await staff.send("发吧");
    await bot.drainJobs();
    expect(await bot.prisma.broadcast.count()).toBe(0);
    expect(citizen.texts().join("\n")).not.toContain("本周六上午代表接待日。");
  });
});
