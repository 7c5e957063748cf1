// A citizen changing their own case, driven as people drive it: adding text and photos to an
// open case, editing a Telegram message (the open draft changes; after submission it is added
// as an amendment, never a new case), withdrawing an open case with a reason (the deputy is
// told), and reopening a closed one within 30 days, refused clearly after that.
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenCaseData, openCaseData } from "../../src/bot/callback-data.js";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createCitizenBot, joinAs } from "./citizen-helpers.js";

describe.each(testDialects)("changing one's own case on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let deputy: TestUser;
  let citizen: TestUser;
  let stranger: TestUser;
  let first: Message;
  let caseId: number;

  /** Telegram's update for an edit: the same message id, the new text, an edit date. */
  function edit(_user: TestUser, message: Message, fields: Partial<Message>) {
    return bot.deliver({
      edited_message: {
        ...message,
        ...fields,
        edit_date: Math.floor(clock.now().getTime() / 1000) + Math.floor(Math.random() * 1000),
      } as never,
    });
  }

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    deputy = bot.user(2201, { firstName: "王代表" });
    citizen = bot.user(3201, { firstName: "张三" });
    stranger = bot.user(3202, { firstName: "路人" });
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await citizen.onboard("QS-CG-DM");
    await stranger.onboard("QS-CG-DM");
  });
  afterAll(() => bot.close());

  it("amends the open draft when the citizen edits a message of it", async () => {
    await citizen.send("/new");
    first = (await citizen.send("西街菜市场门口污水横流")).update.message!;
    await citizen.sendPhoto("现场照片");
    await edit(citizen, first, { text: "东门菜市场门口下水道堵了,污水横流" });
    expect(citizen.lastText()).toContain("已按您修改后的消息更新草稿");
    await citizen.press("描述完成");
    await citizen.press("环境卫生");
    expect(citizen.lastText()).toContain("东门菜市场门口下水道堵了,污水横流\n现场照片");
    expect(citizen.lastText()).not.toContain("西街");
    await citizen.press("提交");
    const concern = await bot.prisma.concern.findFirstOrThrow({ include: { attachments: true } });
    caseId = concern.id;
    expect(concern.description).toBe("东门菜市场门口下水道堵了,污水横流\n现场照片");
    expect(concern.attachments.map((a) => a.kind)).toEqual(["photo"]);
    await bot.drainJobs();
  });

  it("adds an edit after submission to the case as an amendment, never as a new case", async () => {
    await edit(citizen, first, { text: "东门菜市场北门口下水道堵了,污水横流三天了" });
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(citizen.lastText()).toContain(`您修改的内容已作为补充添加到诉求 <b>${concern.caseNo}</b>`);
    expect(await bot.prisma.concern.count()).toBe(1);
    expect(concern.description).toBe("东门菜市场门口下水道堵了,污水横流\n现场照片");
    const amendments = await bot.prisma.concernEvent.findMany({ where: { kind: "amendment" } });
    expect(amendments.map((e) => e.text)).toEqual(["东门菜市场北门口下水道堵了,污水横流三天了"]);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("修改了描述");
    expect(deputy.lastText()).toContain("东门菜市场北门口下水道堵了,污水横流三天了");
  });

  it("takes more text and photos on the open case, and an edit of those as an amendment too", async () => {
    await citizen.pressData(openCaseData.pack({ concernId: caseId }));
    await citizen.press("补充说明");
    const added = (await citizen.send("另外旁边的垃圾桶也满了")).update.message!;
    expect(citizen.lastText()).toContain("已转交办理人员");
    await citizen.press("补充说明");
    await citizen.sendPhoto("垃圾桶照片");
    expect(await bot.prisma.attachment.count({ where: { concernId: caseId } })).toBe(2);
    await bot.drainJobs();
    expect(deputy.texts().some((t) => t.includes("另外旁边的垃圾桶也满了"))).toBe(true);
    await edit(citizen, added, { text: "另外旁边的两个垃圾桶也满了" });
    expect(await bot.prisma.concernEvent.count({ where: { kind: "amendment" } })).toBe(2);
    expect(await bot.prisma.concern.count()).toBe(1);
  });

  it("ignores an edit of someone else's message on the case", async () => {
    const before = stranger.texts().length;
    await edit(
      stranger,
      {
        ...first,
        from: stranger.from,
        chat: { id: stranger.id, type: "private", first_name: "路人" },
      } as Message,
      {
        text: "冒充修改",
      },
    );
    expect(stranger.texts().length).toBe(before);
    expect(await bot.prisma.concernEvent.count({ where: { kind: "amendment" } })).toBe(2);
  });

  it("refuses to withdraw someone else's case (forged data)", async () => {
    await stranger.pressData(citizenCaseData.pack({ action: "withdraw", concernId: caseId }));
    expect(stranger.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("new");
  });

  it("withdraws the open case with a reason and tells the deputy", async () => {
    await citizen.pressData(openCaseData.pack({ concernId: caseId }));
    await citizen.press("撤回诉求");
    expect(citizen.lastText()).toContain("请说明撤回诉求");
    await citizen.send("物业已经疏通了");
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(concern.status).toBe("withdrawn");
    expect(concern.closedAt).not.toBeNull();
    expect(citizen.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 已撤回`);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 已由反映人(张三)撤回`);
    expect(deputy.lastText()).toContain("原因:物业已经疏通了");
  });

  it("does not add an edit to a case that is no longer open", async () => {
    await edit(citizen, first, { text: "再改一次" });
    expect(citizen.lastText()).toContain("当前状态为“已撤回”,修改的内容没有添加");
    expect(await bot.prisma.concernEvent.count({ where: { kind: "amendment" } })).toBe(2);
  });

  it("reopens a closed case within 30 days, and refuses clearly after that", async () => {
    await citizen.send("/new");
    await citizen.send("南门路口红绿灯不工作");
    await citizen.press("描述完成");
    await citizen.press("道路交通");
    await citizen.press("提交");
    const concern = await bot.prisma.concern.findFirstOrThrow({ orderBy: { id: "desc" } });
    await bot.drainJobs();
    await deputy.press("办结");
    await deputy.send("已修复。");
    await deputy.press("发送");
    await bot.drainJobs();

    clock.set("2026-12-20T02:00:00Z");
    await citizen.pressData(openCaseData.pack({ concernId: concern.id }));
    await citizen.press("重新办理");
    await citizen.send("又坏了");
    let reopened = await bot.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } });
    expect(reopened.status).toBe("reopened");
    expect(reopened.closedAt).toBeNull();
    expect(citizen.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 已重新进入办理`);
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("要求重新办理");
    expect(deputy.lastText()).toContain("原因:又坏了");

    await deputy.press("办结");
    await deputy.send("已更换信号机。");
    await deputy.press("发送");
    await bot.drainJobs();
    clock.set("2027-01-25T02:00:00Z");
    await citizen.pressData(openCaseData.pack({ concernId: concern.id }));
    await citizen.press("重新办理");
    expect(citizen.lastText()).toContain("超过 30 天,不能再重新办理");
    expect(citizen.lastText()).toContain("/new");
    reopened = await bot.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } });
    expect(reopened.status).toBe("resolved");
  });
});
