// Who rates a department's answer when staff referred the case (issue 8 review, item 6): the
// case's deputy — here the district's deputy, the case's assignee being the staff member who
// referred it — is asked to rate, not the staff member; the deputy's 不满意 asks why first,
// and the reason goes with the 重办.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise } from "./triage-helpers.js";

describe.each(testDialects)("rating an answer to a case staff referred on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let staff: TestUser;
  let department: TestUser;
  let citizen: TestUser;
  let concern: Concern;

  const referral = () => bot.prisma.referral.findFirstOrThrow({ orderBy: { id: "desc" } });

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2901, { firstName: "王代表" });
    staff = bot.user(2902);
    department = bot.user(2903);
    citizen = bot.user(3901, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await addUser(bot.prisma, { telegramId: 2902, staffOf: "QS-CG" });
    await joinDepartment(bot, department, "transport", clock);
    concern = await raise(bot, citizen, "东门路口的井盖松动,车辆经过响声很大。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await staff.pressData(`co:${concern.id}`);
    await referByButtons(staff, "青山县交通运输局");
    await bot.drainJobs();
    const { id } = await referral();
    await department.pressData(`rf:ans:${id}:0`);
    await department.press("A 已解决");
    await department.send("井盖已更换。");
    await department.send("刘工 0571-7654321");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("asks the case's deputy to rate the accepted answer, not the staff member who referred it", async () => {
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).assigneeId).toBe(
      (await staff.record())!.id,
    );
    await staff.press("审核通过");
    const staffBefore = staff.texts().length;
    await bot.drainJobs();
    expect(deputy.lastText()).toContain("的答复已通过审核,请评价");
    expect(staff.texts().slice(staffBefore).join("\n")).not.toContain("请评价");
  });

  it("asks the deputy why before a 不满意 sends it back, and keeps the prompt on the reason", async () => {
    await deputy.press("不满意");
    expect(deputy.lastText()).toBe("请输入对答复不满意的原因(会告知承办部门,交办件将重办):");
    expect((await referral()).status).toBe("accepted");
    await deputy.send("井盖周边路面仍有破损。");
    expect(deputy.lastText()).toBe("已记录不满意,交办件已退回部门重办。");
    const rated = await referral();
    expect([rated.status, rated.deputyRating, rated.deputyRatingNote, rated.deputyRatedById]).toEqual([
      "rework",
      "unsatisfied",
      "井盖周边路面仍有破损。",
      (await deputy.record())!.id,
    ]);
    await bot.drainJobs();
    expect(department.lastText()).toContain("代表对交办件");
  });
});
