// /inbox as the triage desk's list: filters (all, new, mine, overdue, referred, awaiting my
// review), by village, pages, and a case found by its number; each row with its village, due
// date and 三色 colour, on a clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { addPerson } from "../helpers/people.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { Clock } from "./activities-helpers.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise } from "./triage-helpers.js";

const DAY = 24 * 3600 * 1000;

describe.each(testDialects)("the inbox on %s", (dialect) => {
  const clock = new Clock();
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let overdue: Concern;
  let claimed: Concern;
  let westStreet: Concern;
  let fresh: Concern;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: clock.now, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2601, { firstName: "王代表" });
    staff = bot.user(2602, { firstName: "陈干事" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await join(bot, staff, "staff", "QS-CG");
    const start = clock.current.getTime();
    clock.current = new Date(start - 16 * DAY);
    overdue = await raise(bot, bot.user(3601), "路灯坏了很久了。", { district: "QS-CG-DM" });
    clock.current = new Date(start);
    claimed = await raise(bot, bot.user(3602), "小区垃圾没人清运。", { district: "QS-CG-DM" });
    westStreet = await raise(bot, bot.user(3603), "西街的下水道堵了。", { district: "QS-CG-XJ" });
    clock.current = new Date(start + 13.5 * DAY);
    fresh = await raise(bot, bot.user(3604), "公园的长椅坏了。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await deputy.pressData(`tg:claim:${claimed.id}:0`);
  });
  afterAll(() => bot.close());

  it("lists every open case of the deputy's district with its village, due date and colour", async () => {
    await deputy.send("/inbox");
    const text = deputy.lastText();
    expect(text).toContain("<b>待办诉求 · 全部</b> · 全部选区(共 3 条)");
    expect(text).toContain(`🔴 <b>${overdue.caseNo}</b> · 东门社区 · 待受理 · 期限`);
    expect(text).toContain(`🟡 <b>${claimed.caseNo}</b> · 东门社区`);
    expect(text).toContain(`🟢 <b>${fresh.caseNo}</b> · 东门社区`);
    expect(text).not.toContain(westStreet.caseNo);
    expect(deputy.findButton(new RegExp(`^🔴 ${overdue.caseNo} · 路灯坏了`))).toBeDefined();
  });

  it("filters: assigned to me, overdue, new", async () => {
    await deputy.press("我承办的");
    expect(deputy.lastText()).toContain("(共 1 条)");
    expect(deputy.lastText()).toContain(claimed.caseNo);
    await deputy.press("已超期");
    expect(deputy.lastText()).toContain("(共 1 条)");
    expect(deputy.lastText()).toContain(overdue.caseNo);
    await deputy.pressData(`ca:accept:${fresh.id}`);
    await deputy.send("/inbox");
    await deputy.press("新收到");
    expect(deputy.lastText()).toContain("(共 2 条)");
    expect(deputy.lastText()).not.toContain(fresh.caseNo);
  });

  it("filters by village within the staff member's scope", async () => {
    await staff.send("/inbox");
    expect(staff.lastText()).toContain("(共 4 条)");
    await staff.press("🏘 按村社区");
    expect(staff.findButton("柳家村")).toBeUndefined();
    await staff.press("西街社区");
    expect(staff.lastText()).toContain("<b>待办诉求 · 全部</b> · 西街社区(共 1 条)");
    expect(staff.lastText()).toContain(westStreet.caseNo);
    // A district outside the scope, forged: the scope's own list, nothing of the other district.
    const far = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-SQ-SQ" } });
    await fileConcern(bot.db, {
      citizenId: await addPerson(bot.prisma, 3699),
      district: "QS-SQ-SQ",
      text: "石桥村的事",
      now: clock.now(),
    });
    await staff.pressData(`ib:all:${far.id}:0`);
    expect(staff.lastText()).toContain("全部选区(共 4 条)");
    expect(staff.lastText()).not.toContain("石桥村");
  });

  it("shows referred cases and those awaiting review, by role", async () => {
    // The deputy refers the case; the department answers it: the answer awaits the staff's review.
    const department = bot.user(2603, { firstName: "交通局联系人" });
    await joinDepartment(bot, department, "transport", clock.now());
    await deputy.pressData(`co:${overdue.id}`);
    await referByButtons(deputy, "青山县交通运输局");
    await bot.drainJobs();
    await department.press("答复");
    await department.press("A 已解决");
    await department.send("路灯已修好。");
    await department.send("李工 0571-12345678");
    await bot.drainJobs();
    await staff.send("/inbox");
    await staff.press("已转办");
    expect(staff.lastText()).toContain("(共 1 条)");
    expect(staff.lastText()).toContain(overdue.caseNo);
    await staff.press("待我审核");
    expect(staff.lastText()).toContain(overdue.caseNo);
    await deputy.send("/inbox");
    await deputy.press("待我审核");
    expect(deputy.lastText()).toContain("没有符合条件的诉求");
    // Staff accept the answer: now it awaits the deputy's rating.
    await staff.press("审核通过");
    await deputy.press("待我审核");
    expect(deputy.lastText()).toContain(overdue.caseNo);
  });

  it("pages through a long list", async () => {
    const citizenId = await addPerson(bot.prisma, 3700, { districtCode: "QS-CG-NH" });
    for (let i = 0; i < 8; i++)
      await fileConcern(bot.db, {
        citizenId,
        district: "QS-CG-NH",
        text: `南湖社区第${i}件事`,
        now: clock.now(),
      });
    await staff.send("/inbox");
    expect(staff.lastText()).toContain("(共 12 条)");
    expect(staff.lastText()).toContain("第 1/2 页");
    await staff.press("下一页 ›");
    expect(staff.lastText()).toContain("第 2/2 页");
    expect(staff.lastText()).toContain("南湖社区第7件事");
    expect(staff.lastText()).not.toContain(overdue.caseNo);
  });

  it("finds a case by its number, within scope only", async () => {
    await staff.send(`/inbox ${westStreet.caseNo}`);
    expect(staff.lastText()).toContain(`<b>诉求 ${westStreet.caseNo}</b>`);
    await deputy.send(`/inbox ${westStreet.caseNo}`);
    expect(deputy.lastText()).toBe("找不到这个编号的诉求,或您无权查看。");
    await deputy.send("/inbox");
    await deputy.press("🔎 按编号查找");
    await deputy.send("第三件");
    expect(deputy.lastText()).toBe("这不是诉求编号,请输入类似 2026-00042 的编号。");
    await deputy.send(fresh.caseNo.replace(/-0+/, "-"));
    expect(deputy.lastText()).toContain(`<b>诉求 ${fresh.caseNo}</b>`);
  });

  it("tells a citizen that the inbox is not theirs", async () => {
    const citizen = bot.user(3601);
    await citizen.send("/inbox");
    expect(citizen.lastText()).toBe("只有人大代表和联络站工作人员可以查看待办诉求。");
  });
});
