// "This is my problem too", driven as people drive it: before submitting, a citizen is
// offered the similar open cases of their district and co-signs one instead of filing a
// duplicate; the co-signer hears every update and the answer, rates it and is counted, and
// the deputies see the count on the card. Forged and stale taps are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meTooData } from "../../src/bot/callback-data.js";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createCitizenBot, describeConcern, fileInBot, joinAs } from "./citizen-helpers.js";

describe.each(testDialects)("me too on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let deputy: TestUser;
  let filer: TestUser;
  let neighbour: TestUser;
  let other: TestUser;
  let caseId: number;
  let caseNo: string;

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    deputy = bot.user(2101, { firstName: "王代表" });
    filer = bot.user(3101, { firstName: "张三" });
    neighbour = bot.user(3102, { firstName: "李四" });
    other = bot.user(3103, { firstName: "赵六" });
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    for (const u of [filer, neighbour, other]) await u.onboard("QS-CG-DM");
    const concern = await fileInBot(bot, filer, "东门社区3号楼前的路灯坏了一个星期,晚上很黑。");
    caseId = concern.id;
    caseNo = concern.caseNo;
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("offers the similar open case of the district, with its summary and status, before submitting", async () => {
    clock.set("2026-12-01T03:00:00Z");
    await describeConcern(neighbour, "3号楼门口的路灯不亮了,晚上走路很黑");
    const offer = neighbour.lastText();
    expect(offer).toContain("本选区已有 1 件相似的诉求正在办理");
    expect(offer).toContain(`<b>${caseNo}</b> · 待受理 · 联名 0 人`);
    expect(offer).toContain("东门社区3号楼前的路灯坏了一个星期");
    expect(neighbour.findButton("🙋 第 1 件也是我的问题")).toBeDefined();
    expect(neighbour.findButton("提交")).toBeUndefined();
  });

  it("refuses to join a case that was not offered (forged data)", async () => {
    const before = neighbour.callbackAnswers().length;
    await neighbour.pressData(meTooData.pack({ action: "join", concernId: caseId + 1000 }));
    expect(neighbour.callbackAnswers().slice(before)).toEqual(["找不到这条诉求,或您无权查看。"]);
    expect(await bot.prisma.concernParty.count()).toBe(0);
  });

  it("makes the citizen a co-signer instead of filing a duplicate", async () => {
    await neighbour.press("🙋 第 1 件也是我的问题");
    expect(neighbour.lastText()).toContain(`您已联名诉求 <b>${caseNo}</b>(现有联名 1 人)`);
    expect(await bot.prisma.concern.count()).toBe(1);
    const parties = await bot.prisma.concernParty.findMany();
    expect(parties.map((p) => p.userId)).toEqual([(await neighbour.record())!.id]);
    // The draft is gone: the old button is stale now.
    const before = neighbour.callbackAnswers().length;
    await neighbour.pressData(meTooData.pack({ action: "join", concernId: caseId }));
    expect(neighbour.callbackAnswers().slice(before)).toEqual(["这个按钮已失效,请重新打开菜单。"]);
  });

  it("shows the deputies the number of co-signers on the card", async () => {
    await deputy.press("查看详情");
    expect(deputy.lastText()).toContain("联名:1 人");
  });

  it("tells the co-signer of every update: acceptance, replies and the outcome", async () => {
    await deputy.press("受理");
    await bot.drainJobs();
    expect(neighbour.lastText()).toContain("(您联名的诉求)");
    expect(neighbour.lastText()).toContain(`您的诉求 <b>${caseNo}</b> 已由 人大代表 王代表受理`);
    expect(filer.lastText()).toContain(`您的诉求 <b>${caseNo}</b> 已由 人大代表 王代表受理`);
    expect(filer.lastText()).not.toContain("联名的诉求");

    await deputy.press("回复");
    await deputy.send("已通知物业,本周内更换灯泡。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(neighbour.lastText()).toContain("已通知物业,本周内更换灯泡。");
    // The co-signer cannot write on the filer's case: their buttons only open it.
    expect(neighbour.findButton("补充说明")).toBeUndefined();

    await deputy.press("办结");
    await deputy.send("路灯已更换。");
    await deputy.press("发送");
    await bot.drainJobs();
    expect(neighbour.lastText()).toContain("办理结果:路灯已更换。");
    expect(neighbour.findButton("满意")).toBeDefined();
  });

  it("lets the co-signer open the case without seeing what the filer wrote to the deputies", async () => {
    await neighbour.press("查看详情");
    const card = neighbour.lastText();
    expect(card).toContain(caseNo);
    expect(card).toContain("反映人");
    expect(card).not.toContain("张三");
  });

  it("counts the co-signer's rating without reopening the case or rating it for the filer", async () => {
    await neighbour.press("不满意");
    expect(neighbour.lastText()).toContain(`感谢您对诉求 <b>${caseNo}</b> 的评价:不满意`);
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(concern.status).toBe("resolved");
    expect(concern.rating).toBeNull();
    const party = await bot.prisma.concernParty.findFirstOrThrow();
    expect(party.rating).toBe("unsatisfied");
    // Once per outcome.
    const before = neighbour.callbackAnswers().length;
    await neighbour.press("满意");
    expect(neighbour.callbackAnswers().slice(before)).toHaveLength(1);
    expect((await bot.prisma.concernParty.findFirstOrThrow()).rating).toBe("unsatisfied");
    // The filer still rates their own case.
    await filer.press("满意");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).rating).toBe("satisfied");
  });

  it("offers nothing for a closed case, another problem, or the citizen's own case", async () => {
    // The case is closed now: the same words are offered nothing.
    await describeConcern(other, "3号楼门口的路灯不亮了,晚上走路很黑");
    expect(other.lastText()).toContain("请确认您要反映的问题");
    await other.press("提交");
    const second = await bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The filer of the open second case is not offered their own case.
    await describeConcern(other, "3号楼门口路灯不亮,晚上很黑");
    expect(other.lastText()).toContain("请确认您要反映的问题");
    await other.press("取消");
    // An unrelated problem is not offered it either.
    await describeConcern(filer, "小区垃圾桶满了没人清运,气味很大", "环境卫生");
    expect(filer.lastText()).toContain("请确认您要反映的问题");
    await filer.press("取消");
    // Someone else with the same problem is, and may pass it over and file their own.
    await describeConcern(neighbour, "3号楼门口的路灯不亮,晚上很黑");
    expect(neighbour.lastText()).toContain(second.caseNo);
    await neighbour.press("不是,继续提交我的诉求");
    expect(neighbour.lastText()).toContain("请确认您要反映的问题");
    await neighbour.press("提交");
    expect(await bot.prisma.concern.count()).toBe(3);
  });
});
