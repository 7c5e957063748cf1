// Merged cases (并案) in the referral loop, driven through the bot: a neighbour co-signs ("me
// too") a case that is then merged into a main case — its citizen and its co-signer are both
// told; the main case's view lists its merged duplicates; when the loop closes the main case
// (the department's answer accepted by staff and rated by the deputy), the duplicate is closed
// with the same outcome, which its own citizen and co-signer receive under its own number, and
// each rates their own case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise, reload, triageButton } from "./triage-helpers.js";

describe.each(testDialects)("a merged case in the referral loop on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let staff: TestUser;
  let department: TestUser;
  let mainCitizen: TestUser;
  let dupCitizen: TestUser;
  let neighbour: TestUser;
  let main: Concern;
  let duplicate: Concern;
  const ANSWER = "已更换3号楼前的路灯灯杆和灯具。";

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2501, { firstName: "王代表" });
    staff = bot.user(2502);
    department = bot.user(2503, { firstName: "交通局联系人" });
    mainCitizen = bot.user(3501, { firstName: "张三" });
    dupCitizen = bot.user(3502, { firstName: "李四" });
    neighbour = bot.user(3503, { firstName: "赵六" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await addUser(bot.prisma, { telegramId: 2502, staffOf: "QS-CG" });
    await joinDepartment(bot, department, "transport", clock);
    duplicate = await raise(bot, dupCitizen, "3号楼那边路灯不亮,晚上走路很黑。", { district: "QS-CG-DM" });
    // The neighbour is offered the duplicate as a similar case, and co-signs it.
    await neighbour.onboard("QS-CG-DM");
    await neighbour.send("/new");
    await neighbour.send("3号楼路灯不亮,晚上走路很黑");
    await neighbour.press("描述完成");
    await neighbour.press("道路交通");
    await neighbour.press("🙋 第 1 件也是我的问题");
    expect(neighbour.lastText()).toContain(`您已联名诉求 <b>${duplicate.caseNo}</b>`);
    main = await raise(bot, mainCitizen, "东门社区3号楼前的路灯坏了一个星期。", { district: "QS-CG-DM" });
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("tells the duplicate's citizen and its co-signer where it went when it is merged", async () => {
    await deputy.pressData(triageButton("merge", duplicate.id));
    await deputy.send(main.caseNo);
    await deputy.press("确认并案");
    expect((await reload(bot, duplicate)).mergedIntoId).toBe(main.id);
    await bot.drainJobs();
    expect(dupCitizen.lastText()).toContain(
      `您的诉求 <b>${duplicate.caseNo}</b> 与反映同一问题的诉求并案办理`,
    );
    expect(neighbour.lastText()).toContain(
      `您附议的诉求 <b>${duplicate.caseNo}</b> 与反映同一问题的诉求并案办理`,
    );
    expect(neighbour.lastText()).not.toContain("李四");
  });

  it("lists the merged duplicates, with their count, on the main case's view", async () => {
    await deputy.pressData(`co:${main.id}`);
    expect(deputy.lastText()).toContain(`🔗 并入本案的诉求(1 件):${duplicate.caseNo}`);
    await dupCitizen.pressData(`co:${duplicate.id}`);
    expect(dupCitizen.lastText()).not.toContain("并入本案的诉求");
  });

  it("closes the duplicate with the main case when the referral loop closes it", async () => {
    expect(await referByButtons(deputy, "青山县交通运输局")).toContain(`诉求 <b>${main.caseNo}</b> 已交办给`);
    await bot.drainJobs();
    await department.press("答复");
    await department.press("A 已解决");
    await department.send(ANSWER);
    await department.send("李工 0571-12345678");
    await bot.drainJobs();
    await staff.press("审核通过");
    await bot.drainJobs();
    await deputy.press("满意");
    expect((await reload(bot, main)).status).toBe("resolved");
    const closed = await reload(bot, duplicate);
    expect([closed.status, closed.mergedIntoId]).toEqual(["resolved", main.id]);
    expect(closed.outcome).toContain(ANSWER);
    const entry = await bot.prisma.concernEvent.findFirstOrThrow({
      where: { concernId: duplicate.id, kind: "status", toStatus: "resolved" },
    });
    expect([entry.fromStatus, entry.actorId]).toEqual(["merged", (await deputy.record())!.id]);
  });

  it("sends the outcome to the duplicate's citizen and co-signer under its own number, each to rate", async () => {
    await bot.drainJobs();
    for (const user of [dupCitizen, neighbour]) {
      expect(user.lastText()).toContain(`<b>${duplicate.caseNo}</b> 已办结`);
      expect(user.lastText()).toContain(ANSWER);
      expect(user.lastText()).not.toContain(main.caseNo);
      expect(user.lastText()).not.toContain("张三");
      expect(user.findButton("满意")).toBeDefined();
    }
    expect(mainCitizen.lastText()).toContain(`您的诉求 <b>${main.caseNo}</b> 已办结`);
    await dupCitizen.press("基本满意");
    await mainCitizen.press("满意");
    expect((await reload(bot, duplicate)).rating).toBe("basically_satisfied");
    expect((await reload(bot, main)).rating).toBe("satisfied");
  });
});
