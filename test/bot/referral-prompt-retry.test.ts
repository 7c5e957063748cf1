// A refusal of what was typed inside a referral prompt keeps the prompt open and asks again
// (issue 8 review, item 2): a department asking for an extension to a date not after the
// current deadline is told why and asked for the date again, and its next text is that date —
// not a "new concern?" offer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise } from "./triage-helpers.js";

describe.each(testDialects)("a referral prompt refusing a typed date on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let department: TestUser;
  let citizen: TestUser;

  const referral = () => bot.prisma.referral.findFirstOrThrow({ orderBy: { id: "desc" } });

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2801, { firstName: "王代表" });
    department = bot.user(2802);
    citizen = bot.user(3801, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await joinDepartment(bot, department, "transport", clock);
    await raise(bot, citizen, "东门路口的井盖松动,车辆经过响声很大。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await referByButtons(deputy, "青山县交通运输局");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("asks again for an extension date not after the deadline, and takes the next date", async () => {
    const { id, deadline } = await referral();
    expect(deadline.toISOString()).toBe("2026-12-29T15:59:59.999Z");
    await department.pressData(`rf:ext:${id}:0`);
    expect(department.lastText()).toBe("请输入申请延期的理由:");
    await department.send("需要协调施工单位。");
    await department.send("2026-12-10");
    expect(department.lastText()).toBe(
      "延期后的日期必须晚于现在的答复期限。\n请输入希望延期到的日期(格式 2026-12-31):",
    );
    expect(await bot.prisma.referralExtension.count()).toBe(0);
    await department.send("2027-01-15");
    expect(department.lastText()).toBe("延期申请已提交,等待联络站审批。");
    const extension = await bot.prisma.referralExtension.findFirstOrThrow();
    expect([extension.reason, extension.requestedDeadline.toISOString()]).toEqual([
      "需要协调施工单位。",
      "2027-01-15T15:59:59.999Z",
    ]);
    expect(department.texts().join("\n")).not.toContain("新的诉求");
  });
});
