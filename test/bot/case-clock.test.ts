// A referred case waiting for the citizen's clarification: the deputy stops its clock with a
// button, the ladder takes no step meanwhile (tested in test/jobs/supervision-ladder.test.ts),
// and restarting it moves the referral's deadline on by the wait. Forged or repeated presses
// change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "../../src/db/queries/calendar.js";
import { referCase } from "../../src/db/queries/referrals.js";
import { fileConcern } from "../helpers/citizen-cases.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";

const local = (text: string) => new Date(`${text}+08:00`);

describe.each(testDialects)("waiting for the citizen on %s", (dialect) => {
  let bot: TestBot;
  let clock = local("2026-12-07T10:00:00");
  let deputy: TestUser;
  let citizen: TestUser;
  let concernId: number;
  let deadline: Date;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock });
    const deputyUser = await addUser(bot.prisma, { telegramId: 6401, represents: ["QS-CG-DM"] });
    const citizenUser = await addUser(bot.prisma, { telegramId: 6402, district: "QS-CG-DM" });
    deputy = bot.user(6401);
    citizen = bot.user(6402);
    const concern = await fileConcern(bot.db, {
      citizenId: citizenUser.id,
      district: "QS-CG-DM",
      text: "楼道灯坏了。",
      now: clock,
    });
    concernId = concern.id;
    const transport = await bot.prisma.department.findUniqueOrThrow({ where: { code: "transport" } });
    const [referral] = await referCase(bot.db, {
      concernId,
      departmentIds: [transport.id],
      actor: { kind: "representative", userId: deputyUser.id, districtIds: new Set([concern.districtId]) },
      deadlineDate: "2026-12-18",
      time: {
        now: clock,
        calendar: (await loadWorkingCalendar(bot.prisma)).calendar,
        timeZone: "Asia/Shanghai",
      },
    });
    deadline = referral!.deadline;
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("offers the deputy 等待群众补充 on the referred case and stops its clock once", async () => {
    await deputy.send("/inbox");
    await deputy.press(/2026-/);
    expect(deputy.findButton("等待群众补充")).toBeDefined();
    await citizen.pressData(`ck:pause:${concernId}`);
    expect(citizen.callbackAnswers().at(-1)).toBe("找不到这条诉求,或您无权查看。");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: concernId } })).pausedAt).toBeNull();
    await deputy.press("等待群众补充");
    expect(deputy.callbackAnswers().at(-1)).toContain("正在等待群众补充,交办期限暂停计算");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: concernId } })).pausedAt).toEqual(
      clock,
    );
    await deputy.pressData(`ck:pause:${concernId}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("只有已转办、未暂停的诉求才能暂停计时。");
  });

  it("moves the deadline on by the working days of the wait when the clock restarts", async () => {
    // A week later: Monday 7 to Monday 14 December, five working days stood still.
    clock = local("2026-12-14T10:00:00");
    await deputy.pressData(`ck:resume:${concernId}`);
    expect(deputy.callbackAnswers().at(-1)).toContain("恢复计时,交办期限已顺延");
    const referral = await bot.prisma.referral.findFirstOrThrow({ where: { concernId } });
    // Friday 18 December moved on by those five working days: Friday 25 December.
    expect(deadline.toISOString()).toBe("2026-12-18T15:59:59.999Z");
    expect(referral.deadline.toISOString()).toBe("2026-12-25T15:59:59.999Z");
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: concernId } })).pausedAt).toBeNull();
    const kinds = (
      await bot.prisma.concernEvent.findMany({ where: { concernId }, orderBy: { id: "asc" } })
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith("clock_"))).toEqual(["clock_paused", "clock_resumed"]);
    await deputy.pressData(`ck:resume:${concernId}`);
    expect(deputy.callbackAnswers().at(-1)).toBe("这条诉求没有暂停计时。");
  });
});
