// A case that keeps coming back goes up (issue 8): declined and then rated 不满意, or rated
// 不满意 a second time, it is re-opened for the staff covering it instead of looping between
// the same deputy and the citizen. A first 不满意 after a resolution still goes to the deputy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { join, raise, reload } from "./triage-helpers.js";

describe.each(testDialects)("repeated dissatisfaction on %s", (dialect) => {
  let bot: TestBot;
  let deputy: TestUser;
  let staff: TestUser;
  let ids: { deputy: number; staff: number };

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2501, { firstName: "王代表" });
    staff = bot.user(2502, { firstName: "陈干事" });
    ids = {
      deputy: await join(bot, deputy, "representative", "QS-CG-DM"),
      staff: await join(bot, staff, "staff", "QS-CG"),
    };
  });
  afterAll(() => bot.close());

  /** The deputy closes the case shown last to them with `button` (办结 / 不予处理) and `text`. */
  async function close(caseNo: string, button: "办结" | "不予处理", text: string) {
    await deputy.send("/inbox");
    await deputy.press(new RegExp(caseNo));
    await deputy.press(button);
    await deputy.send(text);
    await deputy.press("发送");
    await bot.drainJobs();
  }

  it("sends a declined case rated 不满意 to the staff covering it, not back to the deputy", async () => {
    const citizen = bot.user(3501, { firstName: "张三" });
    const concern = await raise(bot, citizen, "小区门口的井盖丢了。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await deputy.press("受理");
    await close(concern.caseNo, "不予处理", "井盖属于燃气公司。");
    const deputyBefore = deputy.texts().length;
    await citizen.press("不满意");
    await bot.drainJobs();
    const after = await reload(bot, concern);
    expect(after.status).toBe("reopened");
    expect(after.assigneeId).toBeNull();
    expect(after.raisedToStaffAt).not.toBeNull();
    expect(staff.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 的反映人(张三)对办理结果不满意`);
    expect(deputy.texts().slice(deputyBefore).join("\n")).not.toContain("不满意");
    // The citizen's next words go to the staff too.
    await citizen.press("补充说明");
    await citizen.send("燃气公司说不归他们管。");
    await bot.drainJobs();
    expect(staff.lastText()).toContain("燃气公司说不归他们管。");
    expect(deputy.lastText()).not.toContain("燃气公司说不归他们管。");
  });

  it("keeps a first 不满意 with the deputy and raises the second to staff", async () => {
    const citizen = bot.user(3502, { firstName: "李四" });
    const concern = await raise(bot, citizen, "路口红绿灯坏了。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await deputy.press("受理");
    await close(concern.caseNo, "办结", "已报修。");
    await citizen.press("不满意");
    await bot.drainJobs();
    let after = await reload(bot, concern);
    expect([after.status, after.assigneeId, after.raisedToStaffAt]).toEqual(["reopened", ids.deputy, null]);
    expect(deputy.lastText()).toContain(`诉求 <b>${concern.caseNo}</b> 的反映人(李四)对办理结果不满意`);

    await close(concern.caseNo, "办结", "已修好。");
    const staffBefore = staff.texts().length;
    await citizen.press("不满意");
    await bot.drainJobs();
    after = await reload(bot, concern);
    expect([after.status, after.assigneeId]).toEqual(["reopened", null]);
    expect(after.raisedToStaffAt).not.toBeNull();
    expect(staff.texts().slice(staffBefore).join("\n")).toContain(
      `诉求 <b>${concern.caseNo}</b> 的反映人(李四)对办理结果不满意`,
    );
  });
});
