// After an activity: staff record attendance and notes and link the concerns raised there,
// and the activity's record shows them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Activity } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, citizenOf, createActivityBot, createActivityInBot, joinAs } from "./activities-helpers.js";

describe.each(testDialects)("the record of an activity on %s", (dialect) => {
  let clock: Clock;
  let bot: TestBot;
  let staff: TestUser;
  let deputy: TestUser;
  let activity: Activity;

  async function raiseConcern(user: TestUser, text: string): Promise<string> {
    await user.send("/new");
    await user.send(text);
    await user.press("描述完成");
    await user.press("不确定,跳过");
    await user.press("提交");
    return (await bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } })).caseNo;
  }

  async function openRecord(user: TestUser): Promise<void> {
    await user.send("/activities_manage");
    await user.press(/东门社区代表接待日/);
  }

  beforeEach(async () => {
    clock = new Clock();
    bot = await createActivityBot(clock, dialect);
    staff = bot.user(7001, { firstName: "陈干事" });
    deputy = bot.user(7101, { firstName: "王代表" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    activity = await createActivityInBot(bot, staff, {
      title: "东门社区代表接待日",
      time: "2026-12-10 09:00-11:00",
      district: "东门社区",
      deputies: ["王代表"],
    });
    clock.set("2026-12-07T01:00:00Z");
    await bot.drainJobs();
  });
  afterEach(() => bot.close());

  it("refuses attendance before the activity has begun", async () => {
    await openRecord(staff);
    expect(staff.findButton("登记实到人数")).toBeUndefined();
    await staff.pressData(`am:attendance:${activity.id}`);
    expect(staff.callbackAnswers().at(-1)).toBe("活动开始后才能登记实到人数、活动记录和现场诉求。");
    expect(
      (await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).attendance,
    ).toBeNull();
  });

  it("records attendance afterwards, marks the activity held and shows it", async () => {
    clock.set("2026-12-10T03:30:00Z");
    await openRecord(staff);
    await staff.press("登记实到人数");
    await staff.send("四十");
    expect(staff.lastText()).toBe("请输入一个整数,例如 25。");
    await staff.send("42");
    const after = await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(after).toMatchObject({ attendance: 42, status: "done" });
    expect(staff.texts().at(-2)).toBe("已登记实到人数:42 人。");
    expect(staff.lastText()).toContain("状态:已结束");
    expect(staff.lastText()).toContain("实到人数:42 人");
  });

  it("records notes and shows them", async () => {
    clock.set("2026-12-10T03:30:00Z");
    await openRecord(staff);
    await staff.press("填写活动记录");
    await staff.send("群众反映路灯、停车难等问题 6 件,现场答复 4 件。");
    expect((await bot.prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).notes).toBe(
      "群众反映路灯、停车难等问题 6 件,现场答复 4 件。",
    );
    expect(staff.lastText()).toContain("活动记录:群众反映路灯、停车难等问题 6 件,现场答复 4 件。");
  });

  it("links the concerns raised there by case number, only cases of its district", async () => {
    const dongmen = bot.user(7201);
    const shiqiao = bot.user(7202);
    await citizenOf(bot, clock, dongmen, "QS-CG-DM");
    await citizenOf(bot, clock, shiqiao, "QS-SQ-SQ");
    const raisedThere = await raiseConcern(dongmen, "接待日现场反映:小区停车位不足。");
    const elsewhere = await raiseConcern(shiqiao, "石桥村的桥栏杆松动。");
    clock.set("2026-12-10T03:30:00Z");
    await openRecord(staff);
    await staff.press("关联现场诉求");
    await staff.send(`${raisedThere}, ${elsewhere}, 2026-09999`);
    expect(staff.texts().at(-2)).toBe(
      [
        `已关联:${raisedThere}`,
        "没有这些编号的诉求:2026-09999",
        `不属于本活动的选区,未关联:${elsewhere}`,
      ].join("\n"),
    );
    const links = await bot.prisma.activityConcern.findMany({
      where: { activityId: activity.id },
      include: { concern: true },
    });
    expect(links.map((l) => l.concern.caseNo)).toEqual([raisedThere]);
    expect(staff.lastText()).toContain(`现场收集的诉求:\n• ${raisedThere}(待受理)`);
  });

  it("shows a representative the record but lets only staff write it", async () => {
    clock.set("2026-12-10T03:30:00Z");
    await openRecord(deputy);
    expect(deputy.lastText()).toContain("<b>东门社区代表接待日</b>");
    expect(deputy.findButton("登记实到人数")).toBeUndefined();
    await deputy.pressData(`am:attendance:${activity.id}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("该活动所在选区不在您的管理范围内。");
  });

  it("keeps the record of another district's activity from staff outside it", async () => {
    const otherStaff = bot.user(7002);
    await joinAs(bot, clock, otherStaff, "staff", "QS-SQ");
    clock.set("2026-12-10T03:30:00Z");
    await otherStaff.pressData(`am:open:${activity.id}`);
    expect(otherStaff.callbackAnswers().at(-1)).toBe("找不到这个活动,或您无权查看。");
    await otherStaff.pressData(`am:notes:${activity.id}`);
    expect(otherStaff.callbackAnswers().at(-1)).toBe("找不到这个活动,或您无权查看。");
    expect(otherStaff.texts().some((t) => t.includes("东门社区代表接待日"))).toBe(false);
  });
});
