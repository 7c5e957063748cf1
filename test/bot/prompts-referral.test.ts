// The typed steps of the referral loop are prompts (issue 7, item 1): a department's answer,
// return and extension, a deputy's withdrawal reason, a note on a referral, the staff's rework
// reason, a referral draft's date and note. A command or another
// button in between ends them and the late text is neither sent nor saved; the flow's own
// buttons (the answer's class, the return's reason and department) keep it going; the time
// limit ends it. Driven as people drive the bot, on a clock the test moves by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Concern } from "../../src/db/generated/sqlite/client.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";
import { addUser } from "../jobs/fixtures.js";
import { joinDepartment, referByButtons } from "./referral-helpers.js";
import { join, raise } from "./triage-helpers.js";

describe.each(testDialects)("referral prompts on %s", (dialect) => {
  let bot: TestBot;
  // Tuesday 1 December 2026, 10:00 in Shanghai.
  let clock = new Date("2026-12-01T02:00:00Z");
  let deputy: TestUser;
  let department: TestUser;
  let citizen: TestUser;
  let concern: Concern;
  let id: number;

  const referral = () => bot.prisma.referral.findUniqueOrThrow({ where: { id } });
  const ended = "这条消息没有发送,也没有保存";
  const minutes = (n: number) => {
    clock = new Date(clock.getTime() + n * 60_000);
  };

  beforeAll(async () => {
    bot = await TestBot.create({
      dialect,
      now: () => clock,
      env: { QUIET_HOURS: "off", PROMPT_TIMEOUT_MINUTES: "10" },
    });
    deputy = bot.user(2701, { firstName: "王代表" });
    department = bot.user(2702, { firstName: "交通局" });
    citizen = bot.user(3701, { firstName: "张三" });
    await join(bot, deputy, "representative", "QS-CG-DM");
    await joinDepartment(bot, department, "transport", clock);
    concern = await raise(bot, citizen, "东门路口的红绿灯不亮了,过马路很危险。", { district: "QS-CG-DM" });
    await bot.drainJobs();
    await referByButtons(deputy, "青山县交通运输局");
    await bot.drainJobs();
    id = (await bot.prisma.referral.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
  });
  afterAll(() => bot.close());
  beforeEach(() => minutes(60));

  it("ends the department's answer on a command: 答复, a class, /help, then a text is not the answer", async () => {
    await department.pressData(`rf:ans:${id}:0`);
    await department.press("A 已解决");
    await department.send("/help");
    await department.send("晚上不回家吃饭了");
    expect(department.lastText()).toContain(ended);
    expect(department.lastText()).toContain(`承办部门对诉求 ${concern.caseNo} 的答复`);
    expect(department.lastText()).toContain("您发送了其他命令");
    const current = await referral();
    expect([current.status, current.answer, current.answerClass]).toEqual(["sent", null, null]);
  });

  it("ends the answer between its steps too: a command before the contact files nothing", async () => {
    await department.pressData(`rf:ans:${id}:0`);
    await department.press("A 已解决");
    await department.send("红绿灯已经修好。");
    expect(department.lastText()).toBe("请输入联系人(姓名和电话):");
    await department.send("/referrals");
    await department.send("李工 0571-12345678");
    expect(department.lastText()).toContain(ended);
    expect((await referral()).answer).toBeNull();
  });

  it("ends the answer when another button is tapped", async () => {
    await department.pressData(`rf:ans:${id}:0`);
    await department.press("A 已解决");
    await department.pressData(`rf:op:${id}:0`);
    await department.send("这句话不是答复");
    expect(department.lastText()).toContain("您点击了其他按钮");
    expect((await referral()).answer).toBeNull();
  });

  it("ends an extension's reason after PROMPT_TIMEOUT_MINUTES, and its date on a command", async () => {
    await department.pressData(`rf:ext:${id}:0`);
    expect(department.lastText()).toBe("请输入申请延期的理由:");
    minutes(11);
    await department.send("需要协调供电部门。");
    expect(department.lastText()).toContain(ended);
    expect(department.lastText()).toContain("超过 10 分钟没有输入");
    expect(department.lastText()).toContain(`诉求 ${concern.caseNo} 交办件的延期理由或日期`);
    await department.pressData(`rf:ext:${id}:0`);
    await department.send("需要协调供电部门。");
    expect(department.lastText()).toBe("请输入希望延期到的日期(格式 2026-12-31):");
    await department.send("/help");
    await department.send("2027-01-31");
    expect(department.lastText()).toContain(ended);
    expect(await bot.prisma.referralExtension.count()).toBe(0);
  });

  it("ends a note on the referral on a command: the note is not saved", async () => {
    await department.pressData(`rf:nt:${id}:0`);
    await department.send("/help");
    await department.send("内部备注不该保存");
    expect(department.lastText()).toContain(ended);
    expect(department.lastText()).toContain(`诉求 ${concern.caseNo} 交办件的内部备注`);
    expect(await bot.prisma.concernEvent.count({ where: { kind: "note", referralId: id } })).toBe(0);
  });

  it("ends the deputy's withdrawal reason on a command: the referral stays", async () => {
    await deputy.pressData(`rf:wd:${id}:0`);
    await deputy.send("/my");
    await deputy.send("不用交办了");
    expect(deputy.lastText()).toContain(ended);
    expect(deputy.lastText()).toContain(`撤回诉求 ${concern.caseNo} 交办件的原因`);
    expect((await referral()).status).toBe("sent");
  });

  it("ends a return on a command: the department button tapped afterwards returns nothing", async () => {
    await department.pressData(`rf:ret:${id}:0`);
    await department.press("职责不清");
    await department.send("/help");
    await department.press("无法确定");
    expect(department.callbackAnswers().at(-1)).toBe("缺少必填内容(例如退回理由),未作任何更改。");
    expect((await referral()).status).toBe("sent");
    await department.send("应该给供电公司");
    expect(department.lastText()).toContain(`诉求 ${concern.caseNo} 交办件的退回理由和部门`);
  });

  it("keeps a return going through its own buttons: reason, then department", async () => {
    await department.pressData(`rf:ret:${id}:0`);
    minutes(9);
    await department.press("不属于本单位职责");
    minutes(9);
    await department.press("青山县住房和城乡建设局");
    expect(department.callbackAnswers().at(-1)).toBe("已退回,联络站将改派");
    const current = await referral();
    expect([current.status, current.returnReason]).toEqual(["returned", "not_our_remit"]);
  });
});

describe.each(testDialects)(
  "referral prompts kept by their own buttons, and the review's on %s",
  (dialect) => {
    let bot: TestBot;
    let clock = new Date("2026-12-01T02:00:00Z");
    let deputy: TestUser;
    let department: TestUser;
    let staff: TestUser;
    let id: number;
    const ended = "这条消息没有发送,也没有保存";

    beforeAll(async () => {
      bot = await TestBot.create({
        dialect,
        now: () => clock,
        env: { QUIET_HOURS: "off", PROMPT_TIMEOUT_MINUTES: "10" },
      });
      deputy = bot.user(2711, { firstName: "王代表" });
      department = bot.user(2712, { firstName: "交通局" });
      staff = bot.user(2713, { firstName: "城关工作人员" });
      const citizen = bot.user(3711, { firstName: "张三" });
      await addUser(bot.prisma, { telegramId: 2713, staffOf: "QS-CG" });
      await join(bot, deputy, "representative", "QS-CG-DM");
      await joinDepartment(bot, department, "transport", clock);
      await raise(bot, citizen, "东门路口的井盖松动。", { district: "QS-CG-DM" });
      await bot.drainJobs();
      await referByButtons(deputy, "青山县交通运输局");
      await bot.drainJobs();
      id = (await bot.prisma.referral.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    });
    afterAll(() => bot.close());

    it("takes the class again, then the text, contact and date, each within the time limit", async () => {
      const step = () => {
        clock = new Date(clock.getTime() + 9 * 60_000);
      };
      await department.pressData(`rf:ans:${id}:0`);
      await department.press("A 已解决");
      step();
      await department.press("B 正在解决");
      step();
      await department.send("已安排维修,本周内更换井盖。");
      step();
      await department.send("李工 0571-12345678");
      step();
      await department.send("2026-12-20");
      expect(department.lastText()).toBe("答复已提交,等待联络站审核。");
      const answered = await bot.prisma.referral.findUniqueOrThrow({ where: { id } });
      expect([answered.status, answered.answerClass, answered.answer, answered.contactPerson]).toEqual([
        "answered",
        "B",
        "已安排维修,本周内更换井盖。",
        "李工 0571-12345678",
      ]);
    });

    it("ends the staff's rework reason on a command: the answer is not sent back", async () => {
      await bot.drainJobs();
      await staff.pressData(`rf:vr:${id}:0`);
      expect(staff.lastText()).toBe("请输入退回重办的理由:");
      await staff.send("/help");
      await staff.send("请写明更换的具体日期");
      expect(staff.lastText()).toContain(ended);
      expect(staff.lastText()).toContain("交办件退回重办的理由");
      expect((await bot.prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe("answered");
    });

    it("ends a referral draft's own date or note on a command: nothing is referred", async () => {
      const other = bot.user(3712, { firstName: "李四" });
      const second = await raise(bot, other, "西街路灯不亮。", { district: "QS-CG-DM" });
      await bot.drainJobs();
      const referred = () => bot.prisma.referral.count({ where: { concernId: second.id } });
      await deputy.press("转办");
      await deputy.press("青山县交通运输局");
      await deputy.press("下一步");
      await deputy.press("另定日期");
      await deputy.send("/help");
      await deputy.send("2026-12-31");
      expect(deputy.lastText()).toContain(ended);
      expect(deputy.lastText()).toContain(`诉求 ${second.caseNo} 的交办期限或说明`);
      await deputy.press("转办");
      await deputy.press("青山县交通运输局");
      await deputy.press("下一步");
      await deputy.press("使用默认期限");
      await deputy.send("/my");
      await deputy.send("请尽快处理");
      expect(deputy.lastText()).toContain(ended);
      expect(await referred()).toBe(0);
    });
  },
);
