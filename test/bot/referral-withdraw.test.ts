// Withdrawing a referral (撤回), driven through the bot: the deputy who referred it opens the
// case, then the referral's card, and withdraws it with a reason; the department is told why,
// the timeline records it, and the case is back in the deputy's hands. Staff covering the
// district may withdraw one too; another deputy, the department and a citizen may not, and a
// withdrawn referral cannot be withdrawn again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise, reload } from "./triage-helpers.js";

describe.each(testDialects)("withdrawing a referral on %s", (dialect) => {
  let bot: TestBot;
  const clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let otherDeputy: TestUser;
  let staff: TestUser;
  let department: TestUser;
  let citizen: TestUser;
  let concern: Concern;
  const REASON = "社区已自行修复,无需部门处理。";

  const referral = () => bot.prisma.referral.findFirstOrThrow({ orderBy: { id: "desc" } });
  const refused = "您无权对该交办件进行这个操作。";

  beforeAll(async () => {
    bot = await TestBot.create({ dialect, now: () => clock, env: { QUIET_HOURS: "off" } });
    deputy = bot.user(2601, { firstName: "王代表" });
    otherDeputy = bot.user(2602, { firstName: "孙代表" });
    staff = bot.user(2603);
    department = bot.user(2604);
    citizen = bot.user(3601, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await join(bot, otherDeputy, "representative", "QS-CG-DM");
    await addUser(bot.prisma, { telegramId: 2603, staffOf: "QS-CG" });
    await joinDepartment(bot, department, "transport", clock);
    concern = await raise(bot, citizen, "东门路口的井盖松动,车辆经过响声很大。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await referByButtons(deputy, "青山县交通运输局");
    await bot.drainJobs();
  });
  afterAll(() => bot.close());

  it("refuses a withdrawal by another deputy, the department and the citizen", async () => {
    const { id } = await referral();
    for (const user of [otherDeputy, department, citizen]) {
      await user.pressData(`rf:wd:${id}:0`);
      expect(user.callbackAnswers().at(-1)).toBe(refused);
    }
    expect((await referral()).status).toBe("sent");
  });

  it("lets the deputy who referred it open its card from the case and withdraw it with a reason", async () => {
    await deputy.pressData(`co:${concern.id}`);
    await deputy.press("📮 青山县交通运输局 · 待签收");
    expect(deputy.lastText()).toContain(`交办件 <b>${concern.caseNo}</b> · 青山县交通运输局 · 待签收`);
    await deputy.press("撤回交办");
    expect(deputy.lastText()).toBe("请输入撤回这件交办件的原因(会告知承办部门):");
    await deputy.send(REASON);
    expect(deputy.lastText()).toBe("交办件已撤回,已告知承办部门。");
    const withdrawn = await referral();
    expect(withdrawn.status).toBe("withdrawn");
    expect(withdrawn.withdrawnAt).toEqual(clock);
  });

  it("records the withdrawal and hands the case back to the deputy", async () => {
    const { id } = await referral();
    const entry = await bot.prisma.concernEvent.findFirstOrThrow({ where: { kind: "referral_withdrawn" } });
    expect([entry.referralId, entry.text, entry.actorId, entry.actorRole]).toEqual([
      id,
      REASON,
      (await deputy.record())!.id,
      "representative",
    ]);
    const current = await reload(bot, concern);
    expect([current.status, current.assigneeId]).toEqual(["accepted", (await deputy.record())!.id]);
    await deputy.pressData(`co:${concern.id}`);
    expect(deputy.lastText()).toContain(`撤回交办(青山县交通运输局): ${REASON}`);
  });

  it("tells the department why, on a card without buttons, and not the citizen", async () => {
    const before = citizen.texts().length;
    await bot.drainJobs();
    expect(department.lastText()).toContain(
      `↩️ 交办件 <b>${concern.caseNo}</b> 已撤回,无需继续办理。撤回原因:${REASON}`,
    );
    const markup = department.received.at(-1)!.payload.reply_markup as
      | { inline_keyboard: unknown[][] }
      | undefined;
    expect((markup?.inline_keyboard ?? []).flat()).toEqual([]);
    expect(citizen.texts().slice(before).join("\n")).not.toContain(REASON);
    await citizen.pressData(`co:${concern.id}`);
    expect(citizen.lastText()).not.toContain(REASON);
  });

  it("refuses to withdraw it again, or to act on it", async () => {
    const { id } = await referral();
    await deputy.pressData(`rf:wd:${id}:0`);
    expect(deputy.callbackAnswers().at(-1)).toBe("该交办件当前为“已撤回”,不能进行这个操作。");
    await department.pressData(`rf:ack:${id}:0`);
    expect(department.callbackAnswers().at(-1)).toBe("该交办件当前为“已撤回”,不能进行这个操作。");
  });

  it("lets staff covering the district withdraw a referral they did not make", async () => {
    await deputy.pressData(`co:${concern.id}`);
    expect(await referByButtons(deputy, "青山县交通运输局")).toContain("已交办给 青山县交通运输局");
    const { id } = await referral();
    await staff.pressData(`rf:wd:${id}:0`);
    await staff.send("已并入县里的专项整治。");
    expect(staff.lastText()).toBe("交办件已撤回,已告知承办部门。");
    expect((await referral()).status).toBe("withdrawn");
    expect((await reload(bot, concern)).status).toBe("accepted");
  });
});
