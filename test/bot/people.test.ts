// /people for administrators (issue 7, item 14): who holds which role by district, filtered by
// role; per person suspend / resume and remove, each destructive step asked first; the unused
// invites with a revoke button; the access history. Anyone else's taps — forged included — are
// refused in one line and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { addPerson } from "../helpers/people.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

describe.each(testDialects)("/people, on %s", (dialect) => {
  let bot: TestBot;
  let admin: TestUser;
  let deputy: TestUser;
  let staff: TestUser;
  let citizen: TestUser;
  let caseId: number;

  const record = async (user: TestUser) => (await user.record())!;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { ADMIN_IDS: "9701,9702" } });
    admin = bot.user(9701, { firstName: "管理员" });
    deputy = bot.user(2701, { firstName: "王代表", username: "wang" });
    staff = bot.user(7701, { firstName: "小刘" });
    citizen = bot.user(3701, { firstName: "张三" });
    await admin.onboard("QS-CG-DM");
    await inviteDeputy(bot, deputy, "QS-CG-DM");
    await inviteDeputy(bot, staff, "QS-CG", "staff");
    await citizen.onboard("QS-CG-DM");
    caseId = await raiseConcern(bot, citizen, "东门路口的红绿灯坏了。");
    await deputy.press("受理");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lists who holds which role by district, and filters by role", async () => {
    await admin.send("/people");
    const list = admin.lastText();
    expect(list).toContain("<b>人员与权限</b>(全部,共 3 人,第 1/1 页)");
    expect(list).toContain("<b>东门社区 <code>QS-CG-DM</code></b>\n· 王代表 — 人大代表 · 在办 1 件");
    expect(list).toContain("<b>城关街道 <code>QS-CG</code></b>\n· 小刘 — 联络站工作人员 · 在办 0 件");
    expect(list).toContain("管理员 — 管理员");
    await admin.press("工作人员");
    expect(admin.lastText()).toContain("小刘");
    expect(admin.lastText()).not.toContain("王代表");
    expect(admin.findButton("✓ 工作人员")).toBeDefined();
    await admin.press("全部");
  });

  it("suspends after asking, and resumes", async () => {
    await admin.press("王代表 · 人大代表");
    expect(admin.lastText()).toContain("Telegram 数字 ID:<code>2701</code>");
    expect(admin.lastText()).toContain("状态:正常");
    await admin.press("⏸ 暂停身份");
    expect(admin.lastText()).toContain("确定要暂停 <b>王代表</b>(人大代表)的身份吗?");
    expect(admin.lastText()).toContain("1 件在办诉求");
    expect((await record(deputy)).suspendedAt).toBeNull();
    await admin.press("确定暂停");
    expect(admin.callbackAnswers().at(-1)).toBe("已暂停;1 件在办诉求已移交。");
    expect((await record(deputy)).suspendedAt).not.toBeNull();
    expect(admin.lastText()).toContain("状态:⏸ 自");
    const concern = await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } });
    expect(concern.assigneeId).toBe((await record(staff)).id);
    // The suspended deputy's own buttons now answer in one line.
    await deputy.pressData(`ca:resolve:${caseId}`);
    expect(deputy.callbackAnswers().at(-1)).toContain("已被管理员暂停");

    // An old "confirm" tap once more: nothing happens twice.
    const confirm = admin.findButton("确定暂停")!;
    await admin.pressData(confirm.data, confirm.messageId);
    expect(admin.callbackAnswers().at(-1)).toBe("此人的状态刚刚已被更改,请查看最新情况。");
    expect(await bot.prisma.accessAudit.count({ where: { action: "suspend" } })).toBe(1);

    await admin.press("▶ 恢复身份");
    expect(admin.callbackAnswers().at(-1)).toBe("已恢复身份。");
    expect((await record(deputy)).suspendedAt).toBeNull();
    expect(admin.lastText()).toContain("状态:正常");
  });

  it("refuses anyone but an administrator, forged taps included, and changes nothing", async () => {
    const staffId = (await record(staff)).id;
    const entries = await bot.prisma.accessAudit.count();
    for (const who of [deputy, staff, citizen]) {
      await who.pressData(`pe:suspend_ok:all:0:${staffId}`);
      expect(who.callbackAnswers().at(-1)).toBe("只有管理员可以管理人员和权限。");
      await who.pressData(`pe:remove_ok:all:0:${staffId}`);
      await who.send("/people");
      expect(who.lastText()).toBe("只有管理员可以管理人员和权限。");
    }
    const after = await record(staff);
    expect([after.role, after.suspendedAt]).toEqual(["staff", null]);
    expect(await bot.prisma.accessAudit.count()).toBe(entries);
    // Malformed, or about nobody: a clear answer.
    await admin.pressData("pe:person:all:0:999999");
    expect(admin.lastText()).toBe("此人已不再担任任何身份。");
    await admin.pressData("pe:explode:all:0:1");
    expect(admin.callbackAnswers().at(-1)).toMatch(/失效|过期/);
  });

  it("removes a role after asking, cancel first", async () => {
    await admin.send("/people");
    await admin.press("王代表 · 人大代表");
    await admin.press("✖ 移除身份");
    expect(admin.lastText()).toContain("确定要移除 <b>王代表</b> 的人大代表身份吗?");
    await admin.press("取消");
    expect((await record(deputy)).role).toBe("representative");
    expect(admin.lastText()).toContain("Telegram 数字 ID:<code>2701</code>");
    await admin.press("✖ 移除身份");
    await admin.press("确定移除");
    expect(admin.callbackAnswers().at(-1)).toBe("已移除身份;0 件在办诉求已移交。");
    expect((await record(deputy)).role).toBe("citizen");
    expect(admin.lastText()).toContain("已移除 <b>王代表</b> 的身份");
    expect(admin.lastText()).not.toContain("· 王代表");
  });

  it("lists unused invites and revokes one after asking", async () => {
    await admin.send("/invite staff QS-CG");
    const token = /start=inv_([A-Za-z0-9_-]+)/.exec(admin.lastText())![1]!;
    const invite = await bot.prisma.invite.findUniqueOrThrow({ where: { token } });
    await admin.send("/people");
    await admin.press("未使用的邀请");
    expect(admin.lastText()).toContain(`· #${invite.id} 联络站工作人员 · <code>QS-CG</code> · 有效期至`);
    await admin.press(`撤销邀请 #${invite.id}`);
    expect(admin.lastText()).toContain(`确定要撤销邀请 #${invite.id}`);
    await admin.press("确定撤销");
    expect(admin.callbackAnswers().at(-1)).toBe("邀请已撤销,链接已失效。");
    expect(admin.lastText()).toContain("目前没有未使用且未过期的邀请。");
    const latecomer = bot.user(7702);
    await latecomer.send(`/start inv_${token}`);
    expect((await latecomer.record())?.role).toBe("citizen");
  });

  it("shows the history of everyone and of one person, in both languages", async () => {
    await admin.send("/people");
    await admin.press("变更记录");
    const history = admin.lastText();
    for (const line of [
      "撤销邀请:invite #",
      "移除身份:王代表 (2701)",
      "恢复身份:王代表 (2701)",
      "暂停身份:王代表 (2701)",
    ])
      expect(history).toContain(line);
    expect(history).toContain("授予身份:小刘 (7701) · 联络站工作人员 · QS-CG · 邀请 #");
    expect(history).toContain(
      "暂停身份:王代表 (2701) · 人大代表 · QS-CG-DM · 移交在办诉求 1 件 — 操作人:管理员 (9701)",
    );
    expect(history.indexOf("移除身份")).toBeLessThan(history.indexOf("暂停身份"));

    await admin.press("全部");
    await admin.press("小刘 · 联络站工作人员");
    await admin.press("此人的变更记录");
    expect(admin.lastText()).toContain("共 1 条");
    expect(admin.lastText()).not.toContain("王代表");

    const english = bot.user(9702, { firstName: "Admin", languageCode: "en" });
    await english.onboard("QS-CG-DM");
    await english.send("/people");
    expect(english.lastText()).toContain("<b>People and access</b> (All,");
    await english.press("History");
    expect(english.lastText()).toContain(
      "suspended: 王代表 (2701) · deputy · QS-CG-DM · 1 open case(s) handed over — by 管理员 (9701)",
    );
  });

  it("opens one person by id or @username, and pages a long list", async () => {
    await admin.send("/people 7701");
    expect(admin.lastText()).toContain("<b>小刘</b>(—)");
    await admin.send("/people @nobody_here");
    expect(admin.lastText()).toContain("没有找到担任代表、工作人员或部门联系人的 @nobody_here");
    await admin.send("/people 3701");
    expect(admin.lastText()).toContain("没有找到");

    const district = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-SQ" } });
    for (let i = 0; i < 9; i++) {
      const id = await addPerson(bot.prisma, 7800 + i, { role: "staff" });
      await bot.prisma.user.update({ where: { id }, data: { staffDistrictId: district.id } });
    }
    await admin.send("/people");
    const first = admin.lastText();
    expect(first).toContain("共 12 人,第 1/2 页");
    await admin.press("下一页 ›");
    const second = admin.lastText();
    expect(second).toContain("第 2/2 页");
    const names = (text: string) => [...text.matchAll(/· (\S+) — /g)].map((m) => m[1]);
    expect(names(first)).toHaveLength(8);
    expect(names(second)).toHaveLength(4);
    expect(names(first).filter((n) => names(second).includes(n))).toEqual([]);
    expect(admin.findButton("‹ 上一页")).toBeDefined();
  });
});
