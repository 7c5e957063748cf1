// The monthly bulletin's department table: per department, the referrals sent in the month and
// how many were acknowledged within one working day, returned, extended, redone and answered.
// Hand-built November 2026 (no holidays):
//
// | referral | department | sent            | then                                            |
// | 1        | transport  | Mon 2 Nov 10:00 | 签收 Tue 3 Nov 09:00 (in time), answered A 5 Nov |
// | 2        | transport  | Fri 6 Nov 10:00 | 签收 Tue 10 Nov (late: Mon 9 was the day), 退回  |
// | 3        | housing    | Mon 2 Nov 10:00 | extension approved 3 Nov, no 签收                 |
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { actOnReferral, referCase } from "../../src/db/queries/referrals.js";
import type { ReferralActor, ReferralCommand } from "../../src/domain/referral.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { MONTHLY_BULLETIN_TASK } from "../../src/jobs/tasks/monthly-bulletin.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "./fixtures.js";

const local = (text: string) => new Date(`${text}+08:00`);

describe.each(testDialects)("the bulletin's department table on %s", (dialect) => {
  let bot: TestBot;
  let clock = local("2026-11-02T10:00:00");
  let calendar: WorkingCalendar;
  let staff: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    calendar = (await loadWorkingCalendar(bot.prisma)).calendar;
    const staffUser = await addUser(bot.prisma, { telegramId: 6301, staffOf: "QS-CG" });
    const citizen = await addUser(bot.prisma, { telegramId: 6302, district: "QS-CG-DM" });
    staff = bot.user(6301);
    const cg = await bot.prisma.district.findUniqueOrThrow({ where: { code: "QS-CG" } });
    const subtree = await bot.prisma.district.findMany({ where: { path: { startsWith: cg.path } } });
    const staffActor: ReferralActor = {
      kind: "staff",
      userId: staffUser.id,
      scope: { kind: "districts", districtIds: new Set(subtree.map((d) => d.id)) },
    };
    const department = async (code: string) =>
      (await bot.prisma.department.findUniqueOrThrow({ where: { code } })).id;
    const transport = await department("transport");
    const housing = await department("housing");
    const contact: ReferralActor = {
      kind: "department",
      userId: citizen.id,
      departmentIds: new Set([transport, housing]),
    };
    const at = (text: string) => ({ now: local(text), calendar, timeZone: "Asia/Shanghai" });
    const refer = async (sent: string, departmentId: number) => {
      clock = local(sent);
      const concern = await fileConcern(bot.db, {
        citizenId: citizen.id,
        district: "QS-CG-DM",
        text: `诉求 ${sent}`,
        now: clock,
      });
      const [referral] = await referCase(bot.db, {
        concernId: concern.id,
        departmentIds: [departmentId],
        actor: staffActor,
        time: at(sent),
      });
      return referral!.id;
    };
    const act = (
      referralId: number,
      when: string,
      command: ReferralCommand,
      actor: ReferralActor = contact,
    ) => actOnReferral(bot.db, { referralId, command, actor, time: at(when) });

    const first = await refer("2026-11-02T10:00:00", transport);
    await act(first, "2026-11-03T09:00:00", { action: "acknowledge" });
    await act(first, "2026-11-05T10:00:00", {
      action: "answer",
      answerClass: "A",
      text: "已修复。",
      contactPerson: "李工",
      promisedDate: null,
    });
    const second = await refer("2026-11-06T10:00:00", transport);
    await act(second, "2026-11-10T09:00:00", { action: "acknowledge" });
    await act(second, "2026-11-10T15:00:00", {
      action: "return",
      reason: "unclear_ownership",
      suggestedDepartmentId: null,
    });
    const third = await refer("2026-11-02T10:00:00", housing);
    await act(third, "2026-11-03T10:00:00", {
      action: "request_extension",
      reason: "需要勘查",
      date: "2026-12-31",
    });
    await act(third, "2026-11-03T15:00:00", { action: "decide_extension", approve: true }, staffActor);
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("lists each department's referrals of the month with how they were handled", async () => {
    clock = local("2026-12-02T09:00:00");
    await bot.app.scheduler.tick(MONTHLY_BULLETIN_TASK, clock);
    await bot.drainJobs();
    const bulletin = staff.texts().find((t) => t.includes("工作通报")) ?? "";
    expect(bulletin).toContain("<b>承办部门情况</b>(本月交办):");
    expect(bulletin).toContain(
      "青山县交通运输局:交办 2 件,一个工作日内签收 1 件,退回 1 件,延期 0 件,重办 0 件,已答复 1 件",
    );
    expect(bulletin).toContain(
      "青山县住房和城乡建设局:交办 1 件,一个工作日内签收 0 件,退回 0 件,延期 1 件,重办 0 件,已答复 0 件",
    );
    // The referral rates of the month, with their n: 1 of 3 cases acknowledged in time.
    // The month's referral rates are listed with their n (3 referred cases: too few to judge).
    expect(bulletin).toContain("签收率:样本过少,不作判断(n=3,少于 10)");
    expect(bulletin).toContain("<b>签收率</b>:首次交办后一个工作日内签收(或答复)的件数 ÷ 交办过的件数");
    expect(bulletin.indexOf("青山县交通运输局")).toBeLessThan(bulletin.indexOf("青山县住房和城乡建设局"));
  });
});
