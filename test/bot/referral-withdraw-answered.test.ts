// Withdrawing the last open referral of a case whose other referrals are answered, accepted and
// rated (issue 8 review, item 1): a case referred to two departments, one answers, staff
// accept and the deputy rates it 基本满意; staff then withdraw the other referral, and the case
// closes with the first department's answer as its outcome, which the citizen receives with
// the rating buttons — it does not go back to 办理中 — in the citizen's language (item 3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment } from "./referral-helpers.js";
import { join, raise, reload } from "./triage-helpers.js";

describe.each(testDialects)("closing after the last open referral is withdrawn on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let staff: TestUser;
  let transport: TestUser;
  let housing: TestUser;
  let citizen: TestUser;
  let concern: Concern;
  const ANSWER = "东门路口井盖已更换并加固。";

  const referralOf = (code: string) =>
    bot.prisma.referral.findFirstOrThrow({ where: { department: { code } }, orderBy: { id: "desc" } });

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2701, { firstName: "王代表" });
    staff = bot.user(2702);
    transport = bot.user(2703);
    housing = bot.user(2704);
    citizen = bot.user(3701, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await addUser(bot.prisma, { telegramId: 2702, staffOf: "QS-CG" });
    await joinDepartment(bot, transport, "transport", clock);
    await joinDepartment(bot, housing, "housing", clock);
    concern = await raise(bot, citizen, "东门路口的井盖松动,车辆经过响声很大。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await deputy.press("转办");
    await deputy.press("青山县交通运输局");
    await deputy.press("青山县住房和城乡建设局");
    await deputy.press("下一步");
    await deputy.press("使用默认期限");
    await deputy.press("不需要说明");
    await deputy.press("确认交办");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("keeps the case with the departments while one referral is still open after the other is rated", async () => {
    const x = await referralOf("transport");
    await transport.pressData(`rf:ans:${x.id}:0`);
    await transport.press("A 已解决");
    await transport.send(ANSWER);
    await transport.send("刘工 0571-7654321");
    await bot.drainJobs();
    await staff.press("审核通过");
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("的答复已通过审核,请评价");
    await deputy.press("基本满意");
    expect((await referralOf("transport")).status).toBe("closed");
    expect((await reload(bot, concern)).status).toBe("referred");
  });

  it("closes the case with the answer when staff withdraw the other referral, and the citizen gets it", async () => {
    const y = await referralOf("housing");
    await staff.pressData(`rf:wd:${y.id}:0`);
    await staff.send("井盖属交通部门管理,无需住建部门处理。");
    expect(staff.lastText()).toBe("交办件已撤回,已告知承办部门。");
    expect((await referralOf("housing")).status).toBe("withdrawn");
    const current = await reload(bot, concern);
    expect(current.status).toBe("resolved");
    expect(current.outcome).toContain(ANSWER);
    // The citizen reads English: the outcome's words and the department's name follow.
    await bot.prisma.user.update({ where: { telegramId: 3701 }, data: { locale: "en" } });
    const before = citizen.texts().length;
    await bot.drainJobs();
    const told = citizen.texts().slice(before).join("\n");
    expect(told).toContain(
      `Outcome: Qingshan County Transport Bureau: ${ANSWER} (contact: 刘工 0571-7654321)`,
    );
    expect(told).not.toContain("青山县交通运输局");
    expect(citizen.findButton("Mostly satisfied")).toBeDefined();
    // The stored outcome, for the timeline, stays in the primary language.
    expect(current.outcome).toBe(`青山县交通运输局:${ANSWER}(刘工 0571-7654321)`);
    const statuses = await bot.prisma.concernEvent.findMany({
      where: { concernId: concern.id, kind: "status" },
      select: { toStatus: true },
    });
    expect(statuses.map((e) => e.toStatus)).not.toContain("accepted");
  });
});
