// Canned replies (常用答复): staff keep them per category with /replies (add, edit, remove);
// a deputy replying on a case is offered those of its category and the general ones, filled in
// for that case ({caseNo}, {dueDate}, {department}) and confirmed with 发送 like a typed reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { referByButtons } from "./referral-helpers.js";
import { join, raise } from "./triage-helpers.js";

describe.each(testDialects)("canned replies on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;
  let roads: Concern;
  let school: Concern;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2801, { firstName: "王代表" });
    staff = bot.user(2802, { firstName: "陈干事" });
    citizen = bot.user(3801, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await join(bot, staff, "staff", "QS-CG");
    roads = await raise(bot, citizen, "路灯坏了。", { district: "QS-CG-DM", category: "道路交通" });
    school = await raise(bot, citizen, "学校门口没有斑马线。", { category: "教育" });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lets staff add a canned reply for a category, refusing an unknown variable", async () => {
    await staff.send("/replies");
    expect(staff.lastText()).toContain("<b>常用答复</b>(共 0 条)");
    await staff.press("➕ 新增常用答复");
    await staff.press("道路交通");
    await staff.send("路灯报修");
    await staff.send("您好,诉求 {caseNo} 已由{department}处理,{name} 会联系您。");
    expect(staff.lastText()).toBe("没有变量 {name},只能使用:{caseNo} {dueDate} {department}。请重新输入。");
    await staff.send("您好,诉求 {caseNo} 已交{department}处理,将在 {dueDate} 前答复您。");
    expect(staff.texts().at(-2)).toBe("常用答复已保存。");
    expect(staff.lastText()).toContain("• <b>路灯报修</b> · 道路交通 · zh-CN");
    await staff.press("➕ 新增常用答复");
    await staff.press("所有类别");
    await staff.send("已收到");
    await staff.send("已收到您的诉求 {caseNo},正在办理。");
    const rows = await bot.prisma.cannedReply.findMany({
      orderBy: { id: "asc" },
      include: { category: true },
    });
    expect(rows.map((r) => [r.title, r.category?.code ?? null, r.locale])).toEqual([
      ["路灯报修", "roads-traffic", "zh-CN"],
      ["已收到", null, "zh-CN"],
    ]);
  });

  it("keeps deputies out of managing them", async () => {
    await deputy.send("/replies");
    expect(deputy.lastText()).toBe("只有联络站工作人员可以维护常用答复。");
    const reply = await bot.prisma.cannedReply.findFirstOrThrow();
    await deputy.pressData(`cn:del:${reply.id}:0`);
    expect(deputy.callbackAnswers().at(-1)).toBe("只有联络站工作人员可以维护常用答复。");
    expect(await bot.prisma.cannedReply.count({ where: { archivedAt: null } })).toBe(2);
  });

  it("offers the category's and the general replies when a deputy replies, filled in for the case", async () => {
    const department = await bot.prisma.department.findFirstOrThrow({ where: { code: "transport" } });
    await deputy.pressData(`co:${roads.id}`);
    await referByButtons(deputy, department.nameZh);
    await deputy.pressData(`ca:reply:${roads.id}`);
    expect(deputy.findButton("📝 路灯报修")).toBeDefined();
    expect(deputy.findButton("📝 已收到")).toBeDefined();
    await deputy.press("📝 路灯报修");
    const confirm = deputy.lastText();
    expect(confirm).toContain(`诉求 ${roads.caseNo} 已交${department.nameZh}处理,将在 20`);
    expect(confirm).not.toMatch(/\{(caseNo|dueDate|department)\}/);
    await deputy.press("发送");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain(`诉求 ${roads.caseNo} 已交${department.nameZh}处理`);
  });

  it("offers only the general replies on a case of another category", async () => {
    await deputy.pressData(`ca:reply:${school.id}`);
    const prompt = deputy.received.at(-1)!;
    const labels = JSON.stringify(prompt.payload.reply_markup);
    expect(labels).toContain("📝 已收到");
    expect(labels).not.toContain("路灯报修");
    await deputy.press("取消");
  });

  it("lets staff edit and remove a canned reply", async () => {
    await staff.send("/replies");
    await staff.press("✏️ 已收到");
    await staff.press("✏️ 修改内容");
    await staff.send("诉求 {caseNo} 已收到,期限 {dueDate}。");
    expect((await bot.prisma.cannedReply.findFirstOrThrow({ where: { title: "已收到" } })).body).toBe(
      "诉求 {caseNo} 已收到,期限 {dueDate}。",
    );
    await staff.press("✏️ 路灯报修");
    await staff.press("🗑 删除");
    expect(await bot.prisma.cannedReply.count({ where: { archivedAt: null } })).toBe(1);
    await deputy.pressData(`ca:reply:${roads.id}`);
    expect(JSON.stringify(deputy.received.at(-1)!.payload.reply_markup)).not.toContain("路灯报修");
  });
});
