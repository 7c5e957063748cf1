// The supervision ladder (督办) of referrals, by the scheduled task on a hand-moved clock across
// the 2026 Spring Festival (15–23 February off) and its make-up Saturdays (14 and 28 February
// worked): a reminder to the department one working day before the deadline, amber to the staff
// covering the district at it, red to the staff above and the deputy five working days after it
// (a 督办 entry; the citizen sees "督办中", not who was chased). Each step once; none after the
// answer; none while the case waits for the citizen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageTasks } from "../../src/db/outbox.js";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { actOnReferral, referCase } from "../../src/db/queries/referrals.js";
import type { ReferralActor } from "../../src/domain/referral.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { SUPERVISE_REFERRALS_TASK } from "../../src/jobs/tasks/supervise-referrals.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "./fixtures.js";

/** An instant given as Shanghai local time. */
const local = (text: string) => new Date(`${text}+08:00`);

describe.each(testDialects)("the supervision ladder on %s", (dialect) => {
  let bot: TestBot;
  let clock = local("2026-02-06T10:00:00");
  let calendar: WorkingCalendar;
  let staffActor: ReferralActor;
  let department: TestUser;
  let township: TestUser;
  let county: TestUser;
  let deputy: TestUser;
  let citizen: TestUser;
  let citizenId: number;
  let departmentUserId: number;
  let supervisedId: number;
  let supervisedCaseId: number;

  const time = () => ({ now: clock, calendar, timeZone: "Asia/Shanghai" });
  const tick = async (at: string) => {
    clock = local(at);
    await bot.app.scheduler.tick(SUPERVISE_REFERRALS_TASK, clock);
    await bot.drainJobs();
  };
  /**
   * Sends everything still waiting before a step is measured: a message an earlier step left
   * queued for later (a retry after a send that timed out on a loaded machine) would otherwise
   * go out at the next tick, which moves the clock by days, and be counted as the step's.
   */
  const settle = async () => {
    const tasks = Object.values(messageTasks);
    for (let round = 0; round < 5; round++) {
      await bot.drainJobs();
      const later = await bot.prisma.job.updateMany({
        where: { status: "queued", task: { in: tasks }, runAt: { gt: clock } },
        data: { runAt: clock },
      });
      if (later.count === 0) return;
    }
  };
  const everyoneCount = () =>
    [department, township, county, deputy, citizen].map((u) => u.texts().length).reduce((a, b) => a + b, 0);

  async function referNewCase(
    text: string,
    deadlineDate: string | null,
  ): Promise<{ referralId: number; concernId: number }> {
    const concern = await fileConcern(bot.db, { citizenId, district: "QS-CG-DM", text, now: clock });
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    const [referral] = await referCase(bot.db, {
      concernId: concern.id,
      departmentIds: [transport.id],
      actor: staffActor,
      deadlineDate,
      time: time(),
    });
    return { referralId: referral!.id, concernId: concern.id };
  }

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    calendar = (await loadWorkingCalendar(bot.prisma)).calendar;
    const townshipStaff = await addUser(bot.prisma, { telegramId: 6101, staffOf: "QS-CG" });
    await addUser(bot.prisma, { telegramId: 6102, staffOf: "QS" });
    await addUser(bot.prisma, { telegramId: 6103, represents: ["QS-CG-DM"] });
    citizenId = (await addUser(bot.prisma, { telegramId: 6104, district: "QS-CG-DM" })).id;
    const contact = await addUser(bot.prisma, { telegramId: 6105, role: "citizen" });
    departmentUserId = contact.id;
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    await bot.prisma.user.update({ where: { id: contact.id }, data: { role: "department" } });
    await bot.prisma.departmentContact.create({
      data: { departmentId: transport.id, userId: contact.id, createdAt: clock },
    });
    township = bot.user(6101);
    county = bot.user(6102);
    deputy = bot.user(6103);
    citizen = bot.user(6104);
    department = bot.user(6105);
    const cg = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    const subtree = await bot.prisma.district.findMany({ where: { path: { startsWith: cg.path } } });
    staffActor = {
      kind: "staff",
      userId: townshipStaff.id,
      scope: { kind: "districts", districtIds: new Set(subtree.map((d) => d.id)) },
    };
    ({ referralId: supervisedId, concernId: supervisedCaseId } = await referNewCase(
      "东门路口红绿灯不亮。",
      "2026-02-13",
    ));
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("counts the default deadline in working days across the Spring Festival and both make-up Saturdays", async () => {
    const { referralId } = await referNewCase("公交站牌损坏。", null);
    const referral = await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    // From Friday 6 February, 20 working days: 9–13 Feb (5), Saturday 14 (6), 24–27 Feb (10),
    // Saturday 28 (11), 2–6 March (16), 9–12 March (20).
    expect(referral.deadline).toEqual(new Date(local("2026-03-13T00:00:00").getTime() - 1));
    // Withdrawn at once, so that it takes no part in the ladder below.
    await actOnReferral(bot.db, {
      referralId,
      command: { action: "withdraw", reason: "测试" },
      actor: staffActor,
      time: time(),
    });
    await bot.drainJobs();
  });

  it("takes no step before the reminder is due", async () => {
    await settle();
    const before = everyoneCount();
    await tick("2026-02-12T10:00:00");
    expect(everyoneCount()).toBe(before);
  });

  it("reminds the department one working day before the deadline, once", async () => {
    const before = department.texts().length;
    await tick("2026-02-13T09:00:00");
    expect(department.texts().slice(before)).toHaveLength(1);
    expect(department.lastText()).toContain("的答复期限 2026-02-13 只剩一个工作日");
    expect(township.texts().join("\n")).not.toContain("督办");
    await tick("2026-02-13T11:00:00");
    expect(department.texts().slice(before)).toHaveLength(1);
  });

  it("sends amber to the staff covering the district on the day after the deadline (a make-up Saturday), once", async () => {
    await tick("2026-02-14T10:00:00");
    expect(township.texts()).toHaveLength(1);
    expect(township.lastText()).toContain("🟡 督办:青山县交通运输局 未在期限 2026-02-13 前答复交办件");
    expect(county.texts()).toEqual([]);
    await tick("2026-02-16T10:00:00");
    expect(township.texts()).toHaveLength(1);
  });

  it("sends no red before five working days have passed: the festival does not count, the Saturdays do", async () => {
    await tick("2026-02-27T12:00:00");
    expect(county.texts()).toEqual([]);
    expect(deputy.texts().filter((t) => t.includes("督办"))).toEqual([]);
    expect(await bot.prisma.concernEvent.count({ where: { kind: "supervision" } })).toBe(0);
  });

  it("sends red to the staff above and the deputy after the fifth working day, recorded as 督办, once", async () => {
    await tick("2026-02-28T09:00:00");
    expect(county.texts()).toHaveLength(1);
    expect(county.lastText()).toContain("🔴 督办:青山县交通运输局 答复交办件");
    expect(deputy.texts().filter((t) => t.includes("🔴 督办"))).toHaveLength(1);
    // The staff member who referred the case took it on: as its assignee they hear red too.
    expect(township.texts().filter((t) => t.includes("🔴 督办"))).toHaveLength(1);
    const entries = await bot.prisma.concernEvent.findMany({ where: { kind: "supervision" } });
    expect(entries.map((e) => [e.concernId, e.referralId, e.actorRole])).toEqual([
      [supervisedCaseId, supervisedId, "system"],
    ]);
    await tick("2026-03-02T10:00:00");
    expect(county.texts()).toHaveLength(1);
    expect(township.texts()).toHaveLength(2);
    expect(await bot.prisma.concernEvent.count({ where: { kind: "supervision" } })).toBe(1);
  });

  it("shows the citizen 督办中, not who was chased", async () => {
    const { caseNo } = await bot.prisma.concern.findUniqueOrThrow({ where: { id: supervisedCaseId } });
    await citizen.send("/my");
    await citizen.press(new RegExp(caseNo));
    const text = citizen.lastText();
    expect(text).toContain("督办中");
    expect(text).not.toContain("青山县交通运输局");
    expect(text).not.toContain("U6102");
  });

  it("takes no step once the department has answered", async () => {
    const { referralId } = await referNewCase("路边井盖缺失。", "2026-03-06");
    await actOnReferral(bot.db, {
      referralId,
      command: {
        action: "answer",
        answerClass: "A",
        text: "已补装井盖。",
        contactPerson: "王工",
        promisedDate: null,
      },
      actor: {
        kind: "department",
        userId: departmentUserId,
        departmentIds: new Set([
          (await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).departmentId,
        ]),
      },
      time: time(),
    });
    await settle();
    const before = everyoneCount();
    for (const at of ["2026-03-06T09:00:00", "2026-03-07T10:00:00", "2026-03-16T10:00:00"]) await tick(at);
    expect(everyoneCount()).toBe(before);
    const referral = await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect([referral.reminderSentAt, referral.amberSentAt, referral.redSentAt]).toEqual([null, null, null]);
  });

  it("takes no step while the case waits for the citizen's clarification", async () => {
    const { referralId, concernId } = await referNewCase("路灯闪烁。", "2026-03-20");
    await bot.prisma.concern.update({ where: { id: concernId }, data: { pausedAt: clock } });
    await settle();
    const before = everyoneCount();
    for (const at of ["2026-03-20T09:00:00", "2026-03-23T10:00:00", "2026-04-01T10:00:00"]) await tick(at);
    expect(everyoneCount()).toBe(before);
    const referral = await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect([referral.reminderSentAt, referral.amberSentAt, referral.redSentAt]).toEqual([null, null, null]);
  });

  it("asks the department again once the promised date of a B answer has passed, once", async () => {
    clock = local("2026-04-01T10:00:00");
    const { referralId } = await referNewCase("人行道砖松动。", "2026-04-10");
    const departmentIds = new Set([
      (await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).departmentId,
    ]);
    await actOnReferral(bot.db, {
      referralId,
      command: {
        action: "answer",
        answerClass: "B",
        text: "已列入维修计划。",
        contactPerson: "王工",
        promisedDate: "2026-04-20",
      },
      actor: { kind: "department", userId: departmentUserId, departmentIds },
      time: time(),
    });
    await actOnReferral(bot.db, {
      referralId,
      command: { action: "review", accept: true },
      actor: staffActor,
      time: time(),
    });
    await bot.drainJobs();
    const before = department.texts().length;
    await tick("2026-04-20T12:00:00");
    expect(department.texts().length).toBe(before);
    await tick("2026-04-21T09:00:00");
    const referral = await bot.prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(referral.status).toBe("rework");
    expect(referral.reworkReason).toBe("promise_due");
    expect(department.texts().slice(before)).toHaveLength(1);
    expect(department.lastText()).toContain("的承诺办结日期已到,请再次答复办理情况");
    await tick("2026-04-21T11:00:00");
    expect(department.texts().slice(before)).toHaveLength(1);
  });
});
