// Moderation in the bot, driven as staff and citizens drive it: a muted citizen's concern is
// held for review (they are told) and released to the deputies; the flood rules hold a
// near-identical repeat, which is rejected with a reason; a blocked citizen is told once and
// then ignored; every action is recorded and undone; deputies, staff of another district and
// forged taps cannot moderate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moderationData } from "../../src/bot/callback-data.js";
import { testDialects } from "../helpers/database.js";
import type { TestBot, TestUser } from "../helpers/test-bot.js";
import { Clock, createCitizenBot, fileInBot, joinAs } from "./citizen-helpers.js";

describe.each(testDialects)("moderation on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let staff: TestUser;
  let farStaff: TestUser;
  let deputy: TestUser;
  let citizen: TestUser;
  let repeater: TestUser;
  let firstCaseNo: string;

  const minutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000).toISOString());

  beforeAll(async () => {
    bot = await createCitizenBot(clock, dialect);
    staff = bot.user(2401, { firstName: "刘干事" });
    farStaff = bot.user(2402, { firstName: "远方干事" });
    deputy = bot.user(2403, { firstName: "王代表" });
    citizen = bot.user(3401, { firstName: "张三" });
    repeater = bot.user(3402, { firstName: "李四" });
    await joinAs(bot, clock, staff, "staff", "QS-CG");
    await joinAs(bot, clock, farStaff, "staff", "QS-SQ");
    await joinAs(bot, clock, deputy, "representative", "QS-CG-DM");
    await citizen.onboard("QS-CG-DM");
    await repeater.onboard("QS-CG-DM");
    firstCaseNo = (await fileInBot(bot, citizen, "东门小区停车位被占")).caseNo;
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("refuses moderation to deputies, to staff of another district and to forged taps", async () => {
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { caseNo: firstCaseNo } });
    await deputy.send(`/moderation ${firstCaseNo}`);
    expect(deputy.lastText()).toContain("只有联络站工作人员和管理员");
    await deputy.pressData(moderationData.pack({ action: "mute", id: concern.id }));
    expect(deputy.callbackAnswers().at(-1)).toContain("只有联络站工作人员和管理员");
    await farStaff.pressData(moderationData.pack({ action: "block", id: concern.id }));
    expect(farStaff.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    await farStaff.send(`/moderation ${firstCaseNo}`);
    expect(farStaff.lastText()).toContain("用法:/moderation");
    expect(await bot.prisma.moderationAction.count()).toBe(0);
  });

  it("mutes the citizen of a case: their next concern is held for review and they are told", async () => {
    await staff.send(`/moderation ${firstCaseNo}`);
    expect(staff.lastText()).toContain(`诉求 ${firstCaseNo} 的反映人:张三`);
    expect(staff.lastText()).toContain("当前状态:正常");
    await staff.press("🔇 禁言(新诉求需审核)");
    expect(staff.lastText()).toContain("已禁言");

    const deputyBefore = deputy.texts().length;
    minutes(5);
    const held = await fileInBot(bot, citizen, "南门菜市场晚上噪音扰民");
    expect(held.status).toBe("held");
    expect(citizen.lastText()).toContain("经联络站工作人员审核后才会转交代表");
    await bot.drainJobs();
    expect(deputy.texts().length).toBe(deputyBefore);
  });

  it("lists held cases in /review and releases one to the deputies", async () => {
    await staff.send("/review");
    const texts = staff.texts().slice(-2);
    expect(texts[0]).toContain("待审核");
    expect(texts[0]).toContain("原因:反映人已被禁言");
    expect(texts[0]).toContain("南门菜市场晚上噪音扰民");
    expect(texts[1]).toContain("待审核 1 件");
    await farStaff.send("/review");
    expect(farStaff.lastText()).toBe("目前没有待审核的诉求。");

    await staff.press("✅ 转交代表");
    const released = await bot.prisma.concern.findFirstOrThrow({
      where: { description: "南门菜市场晚上噪音扰民" },
    });
    expect(released.status).toBe("new");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("南门菜市场晚上噪音扰民");
    const timeline = await bot.prisma.concernEvent.findMany({
      where: { concernId: released.id, kind: "status" },
    });
    expect(timeline.map((e) => [e.fromStatus, e.toStatus])).toEqual([["held", "new"]]);
  });

  it("undoes the mute: the record keeps it, marked undone, and concerns go straight through again", async () => {
    await staff.send(`/moderation ${firstCaseNo}`);
    await staff.press("↩️ 撤销禁言");
    expect(staff.lastText()).toBe("↩️ 已撤销禁言。");
    const [action] = await bot.prisma.moderationAction.findMany();
    expect(action).toMatchObject({ kind: "mute", undoneById: (await staff.record())!.id });
    expect(action!.undoneAt).not.toBeNull();
    expect((await citizen.record())!.mutedAt).toBeNull();
    minutes(61);
    expect((await fileInBot(bot, citizen, "西街公厕无人打扫")).status).toBe("new");
  });

  it("holds a near-identical repeat (flood rule) and rejects it with a reason the citizen hears", async () => {
    minutes(1);
    expect((await fileInBot(bot, repeater, "东门小区3号楼电梯坏了一周了,老人上下楼很困难")).status).toBe(
      "new",
    );
    minutes(2);
    const repeat = await fileInBot(bot, repeater, "东门小区3号楼电梯坏了一周了,老人上下楼很困难!");
    expect(repeat.status).toBe("held");
    expect(repeater.lastText()).toContain("短时间内提交了多件诉求或内容重复");
    await staff.send("/review");
    expect(staff.texts().at(-2)).toContain("原因:与刚提交的内容几乎相同");
    await staff.press("⛔ 不予处理");
    await staff.send("与编号在前的诉求重复");
    expect(staff.lastText()).toContain("已不予处理");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: repeat.id } })).status).toBe(
      "declined",
    );
    await bot.drainJobs();
    expect(repeater.lastText()).toContain("与编号在前的诉求重复");
  });

  it("blocks a citizen: told once, then ignored, taps answered silently; undone, heard again", async () => {
    await staff.send(`/moderation ${firstCaseNo}`);
    await staff.press("🚫 屏蔽(不再接收消息)");
    const before = citizen.texts().length;
    await citizen.send("你好");
    expect(citizen.texts().slice(before)).toEqual(["您的账号已被停止使用本服务,如有疑问请联系联络站。"]);
    await citizen.send("/new");
    await citizen.send("还在吗");
    expect(citizen.texts().length).toBe(before + 1);
    const answers = bot.fake.callsTo("answerCallbackQuery").length;
    await citizen.pressData("nc:menu");
    expect(bot.fake.callsTo("answerCallbackQuery").length).toBe(answers + 1);
    expect(bot.fake.callsTo("answerCallbackQuery").at(-1)!.payload.text).toBeUndefined();

    await staff.send(`/moderation ${firstCaseNo}`);
    expect(staff.lastText()).toContain("当前状态:已屏蔽");
    await staff.press("↩️ 撤销屏蔽");
    await citizen.send("/my");
    expect(citizen.texts().length).toBeGreaterThan(before + 1);
    const actions = await bot.prisma.moderationAction.findMany({ orderBy: { id: "asc" } });
    expect(actions.map((a) => [a.kind, a.undoneAt !== null])).toEqual([
      ["mute", true],
      ["block", true],
    ]);
  });
});
