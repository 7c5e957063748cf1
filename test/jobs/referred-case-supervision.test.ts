// A referred case is chased by its referrals' ladder alone (supervise-referrals, in working
// days), never also by the 三色 case escalation (escalate-overdue): not when the case's own due
// date passes, and not for a referral row made before the loop ("open"), which the ladder now
// supervises like any other. And a return (退回) not re-routed within one working day is
// escalated to the staff covering the district and the staff above them, once. On a hand-moved
// clock; the deputy refers and the department returns through their buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESCALATE_OVERDUE_TASK } from "../../src/jobs/tasks/escalate-overdue.js";
import { SUPERVISE_REFERRALS_TASK } from "../../src/jobs/tasks/supervise-referrals.js";
import { joinDepartment, referByButtons, returnUnclear } from "../bot/referral-helpers.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addConcern, addReferral, addUser } from "./fixtures.js";

/** An instant given as Shanghai local time. */
const local = (text: string) => new Date(`${text}+08:00`);

describe.each(testDialects)("who chases a referred case, on %s", (dialect) => {
  let bot: TestBot;
  // Tuesday 1 December 2026, 10:00 in Shanghai.
  let clock = local("2026-12-01T10:00:00");
  let township: TestUser;
  let county: TestUser;
  let deputy: TestUser;
  let department: TestUser;
  const caseNos = { referred: "", legacy: "", control: "" };
  let referralId = 0;

  const about = (user: TestUser, caseNo: string) => user.texts().filter((t) => t.includes(caseNo));
  async function tick(task: string, at?: string) {
    if (at) clock = local(at);
    await bot.app.scheduler.tick(task, clock);
    await bot.drainJobs();
  }

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    await addUser(bot.prisma, { telegramId: 7101, staffOf: "QS-CG" });
    await addUser(bot.prisma, { telegramId: 7102, staffOf: "QS" });
    await addUser(bot.prisma, { telegramId: 7103, represents: ["QS-CG-DM"] });
    const citizen = await addUser(bot.prisma, { telegramId: 7104, district: "QS-CG-DM" });
    township = bot.user(7101);
    county = bot.user(7102);
    deputy = bot.user(7103);
    department = bot.user(7105);
    await joinDepartment(bot, department, "transport", clock);

    // Due as a case on 16 December (15 days); as a referral on 29 December (20 working days).
    const referred = await fileConcern(bot.db, {
      citizenId: citizen.id,
      district: "QS-CG-DM",
      text: "东门路口的井盖松动,车辆经过响声很大。",
      now: clock,
    });
    caseNos.referred = referred.caseNo;
    await bot.drainJobs();
    expect(await referByButtons(deputy, "青山县交通运输局")).toContain("已交办给 青山县交通运输局");
    referralId = (await bot.prisma.referral.findFirstOrThrow({ where: { concernId: referred.id } })).id;

    // A case referred before the loop existed: its referral row still reads "open".
    const created = { citizen, district: "QS-CG-DM", createdAt: clock };
    const legacy = await addConcern(bot.prisma, {
      ...created,
      status: "referred",
      dueAt: local("2026-12-10T23:59:59"),
    });
    await addReferral(bot.prisma, { concern: legacy, deadline: local("2026-12-10T23:59:59") });
    caseNos.legacy = legacy.caseNo;
    // A case in the deputy's hands, overdue: what the 三色 escalation is for.
    const control = await addConcern(bot.prisma, {
      ...created,
      status: "accepted",
      dueAt: local("2026-12-10T23:59:59"),
    });
    caseNos.control = control.caseNo;
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("escalates the case in hand but neither referred case once their due dates have passed", async () => {
    await tick(ESCALATE_OVERDUE_TASK, "2026-12-17T10:00:00");
    for (const staff of [township, county]) {
      expect(about(staff, caseNos.control)).toHaveLength(1);
      expect(about(staff, caseNos.control)[0]).toContain("督办(红色)");
      expect(about(staff, caseNos.referred)).toEqual([]);
      expect(about(staff, caseNos.legacy)).toEqual([]);
    }
    const rows = await bot.prisma.concern.findMany({ where: { caseNo: { in: Object.values(caseNos) } } });
    expect(Object.fromEntries(rows.map((r) => [r.caseNo, r.escalation]))).toEqual({
      [caseNos.control]: "red",
      [caseNos.referred]: null,
      [caseNos.legacy]: null,
    });
  });

  it("has the referral ladder chase the old open referral instead: amber at its deadline, once", async () => {
    await tick(SUPERVISE_REFERRALS_TASK);
    expect(about(township, caseNos.legacy)).toHaveLength(1);
    expect(about(township, caseNos.legacy)[0]).toContain(
      "🟡 督办:青山县交通运输局 未在期限 2026-12-10 前答复",
    );
    // Red waits for five working days after the deadline; the referral made today is not late.
    expect(about(county, caseNos.legacy)).toEqual([]);
    expect(about(township, caseNos.referred)).toEqual([]);
    await tick(SUPERVISE_REFERRALS_TASK);
    await tick(ESCALATE_OVERDUE_TASK);
    expect(about(township, caseNos.legacy)).toHaveLength(1);
    expect(about(county, caseNos.legacy)).toEqual([]);
  });

  it("leaves a return to the township's staff for one working day", async () => {
    await returnUnclear(department, referralId);
    await bot.drainJobs();
    expect(about(township, caseNos.referred).at(-1)).toContain("请在一个工作日内改派");
    const before = { township: about(township, caseNos.referred).length };
    // Friday 18 December, evening: still within the working day after the return.
    await tick(SUPERVISE_REFERRALS_TASK, "2026-12-18T20:00:00");
    await tick(ESCALATE_OVERDUE_TASK);
    expect(about(township, caseNos.referred)).toHaveLength(before.township);
    expect(about(county, caseNos.referred)).toEqual([]);
  });

  it("escalates a return not re-routed within one working day to the staff above too, once", async () => {
    const before = about(township, caseNos.referred).length;
    await tick(SUPERVISE_REFERRALS_TASK, "2026-12-19T09:00:00");
    const escalated = "超过一个工作日仍未改派(已同时报上级工作人员)";
    expect(about(township, caseNos.referred).slice(before)).toHaveLength(1);
    expect(about(township, caseNos.referred).at(-1)).toContain(escalated);
    expect(about(county, caseNos.referred)).toHaveLength(1);
    expect(about(county, caseNos.referred)[0]).toContain(escalated);
    await tick(SUPERVISE_REFERRALS_TASK, "2026-12-21T10:00:00");
    await tick(ESCALATE_OVERDUE_TASK);
    expect(about(township, caseNos.referred).slice(before)).toHaveLength(1);
    expect(about(county, caseNos.referred)).toHaveLength(1);
  });
});
