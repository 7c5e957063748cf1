// Who is named and who hears (issue 7, items 3–5): staff are named as staff wherever a citizen
// reads them; what a citizen adds or rates reaches everyone who worked the case and the staff
// covering it; a case nobody can act on reaches the administrators, the citizen is told who
// will handle it, and someone who joins a district is told of the cases already waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteDeputy, raiseConcern } from "../helpers/case-flow.js";
import { testDialects } from "../helpers/database.js";
import { TestBot, type TestUser } from "../helpers/test-bot.js";

/** The deputy's side replies and confirms with Send. */
async function reply(user: TestUser, text: string, button = /^(回复|Reply)$/) {
  await user.press(button);
  await user.send(text);
  await user.press(/^(发送|Send)$/);
}

describe.each(testDialects)("who is named and who hears, on %s", (dialect) => {
  let bot: TestBot;
  let deputyA: TestUser;
  let deputyB: TestUser;
  let staff: TestUser;
  let elsewhere: TestUser;
  let citizen: TestUser;

  beforeAll(async () => {
    bot = await TestBot.create({ dialect });
    deputyA = bot.user(2501, { firstName: "王代表" });
    deputyB = bot.user(2502, { firstName: "赵代表" });
    staff = bot.user(2503, { firstName: "李四" });
    elsewhere = bot.user(2504, { firstName: "外区代表" });
    citizen = bot.user(3501, { firstName: "张三" });
    await inviteDeputy(bot, deputyA, "QS-CG-DM");
    await inviteDeputy(bot, deputyB, "QS-CG-DM");
    await inviteDeputy(bot, staff, "QS-CG", "staff");
    await inviteDeputy(bot, elsewhere, "QS-SQ-SQ");
    await citizen.onboard("QS-CG-DM");
  });
  afterAll(() => bot.close());

  it("names a staff member as staff, never as a deputy, in both languages (item 3)", async () => {
    const caseId = await raiseConcern(bot, citizen, "东门菜场排水沟堵了。");
    await staff.send("/inbox");
    await staff.press(/·/);
    await staff.press("受理");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("已由 联络站工作人员 李四受理");
    await reply(staff, "已通知环卫所疏通。");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("💬 联络站工作人员 李四回复了您的诉求");
    await citizen.send("/my");
    await citizen.press(/·/);
    expect(citizen.lastText()).toContain("联络站工作人员 李四: 状态改为");
    const read = citizen.texts().join("\n");
    expect(read).not.toContain("李四 代表");
    expect(read).not.toMatch(/李四.{0,3}代表/);

    const english = bot.user(3502, { firstName: "Mary", languageCode: "en" });
    await english.onboard("QS-CG-DM");
    await raiseConcern(bot, english, "Broken bench by the east gate.");
    await staff.send("/inbox");
    await staff.press(/Broken bench/);
    await staff.press("受理");
    await reply(staff, "We will replace it.");
    await bot.drainJobs();
    const englishRead = english.texts().join("\n");
    expect(englishRead).toContain("accepted by Liaison station staff member 李四");
    expect(englishRead).toContain("Liaison station staff member 李四 replied on your case");
    expect(englishRead).not.toMatch(/Deputy 李四/);
    expect(caseId).toBeGreaterThan(0);
  });

  it("tells every deputy who worked the case and the staff covering it what the citizen adds (item 4)", async () => {
    citizen = bot.user(3503, { firstName: "王五" });
    await citizen.onboard("QS-CG-DM");
    const caseId = await raiseConcern(bot, citizen, "3号楼电梯经常停。");
    const card = deputyA.findButton("受理")!;
    await deputyA.pressData(card.data, card.messageId);
    await bot.drainJobs();
    // Deputy B replies on the same case from the notice they were sent.
    const replyB = deputyB.findButton("回复")!;
    await deputyB.pressData(replyB.data, replyB.messageId);
    await deputyB.send("物业说明天检修。");
    await deputyB.press("发送");
    await bot.drainJobs();
    expect(citizen.lastText()).toContain("物业说明天检修。");

    await citizen.press("补充说明");
    await citizen.send("今天又停了两次。");
    await bot.drainJobs();
    for (const handler of [deputyA, deputyB, staff])
      expect(handler.texts().join("\n")).toContain("今天又停了两次。");
    expect(elsewhere.texts().join("\n")).not.toContain("今天又停了两次。");

    await reply(deputyA, "已经修好了。", /^办结$/);
    await bot.drainJobs();
    const before = [deputyA, deputyB, staff].map((u) => u.texts().length);
    await citizen.press("不满意");
    await bot.drainJobs();
    [deputyA, deputyB, staff].forEach((handler, i) => {
      const added = handler.texts().slice(before[i]).join("\n");
      expect(added).toContain("对办理结果不满意,诉求已重新进入办理");
    });
    expect((await bot.prisma.concern.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("reopened");
  });
});

describe.each(testDialects)("a case nobody can act on, on %s (item 5)", (dialect) => {
  let bot: TestBot;
  afterAll(() => bot.close());

  it("reaches the administrators, tells the citizen who has it, and is shown to whoever joins", async () => {
    bot = await TestBot.create({ dialect, env: { ADMIN_IDS: "9101" } });
    // A different villager each time: one citizen's quick succession would be held for review.
    let next = 3600;
    let citizen = bot.user(next, { firstName: "村民" });
    const villager = async () => {
      citizen = bot.user(++next, { firstName: "村民" });
      await citizen.onboard("QS-SQ-LJ");
      return citizen;
    };
    await villager();

    // Nobody at all yet (the administrator has never written to the bot).
    await raiseConcern(bot, citizen, "柳家村的桥栏杆断了。");
    let submitted = citizen.texts().at(-1)!;
    expect(submitted).toContain("暂时没有能接收诉求的代表或工作人员");
    expect(submitted).not.toContain("代表处理后");

    const admin = bot.user(9101, { firstName: "管理员" });
    await admin.send("/start");
    await admin.press("同意并继续");
    await raiseConcern(bot, await villager(), "柳家村的路灯不亮。");
    submitted = citizen.texts().at(-1)!;
    expect(submitted).toContain("已交联络站管理员");
    expect(submitted).not.toContain("代表处理后");
    expect(admin.texts().join("\n")).toContain("柳家村的路灯不亮。");
    // The administrator is told why it came to them (issue 7 review, item 5).
    const notice = admin.texts().find((t) => t.includes("柳家村的路灯不亮。"))!;
    expect(notice).toContain("是因为该选区及其上级选区都还没有登记人大代表或联络站工作人员");

    // Staff of the township above join: told of the two waiting cases, and hear the next one.
    const staff = bot.user(2601, { firstName: "镇工作人员" });
    await inviteDeputy(bot, staff, "QS-SQ", "staff");
    expect(staff.texts().join("\n")).toContain("您负责的区域现有 2 件待办诉求");
    const adminBefore = admin.texts().length;
    await raiseConcern(bot, await villager(), "柳家村的垃圾没人收。");
    expect(citizen.texts().at(-1)).toContain("已交联络站工作人员办理");
    expect(staff.texts().join("\n")).toContain("柳家村的垃圾没人收。");
    expect(admin.texts().slice(adminBefore).join("\n")).not.toContain("柳家村的垃圾没人收。");

    // A deputy of the village joins: told of the three, and new cases are theirs.
    const deputy = bot.user(2602, { firstName: "柳代表", languageCode: "en" });
    await inviteDeputy(bot, deputy, "QS-SQ-LJ");
    expect(deputy.texts().join("\n")).toContain("3 open cases are already waiting in your area");
    await raiseConcern(bot, await villager(), "柳家村的井盖丢了。");
    expect(citizen.texts().at(-1)).toContain("代表处理后会通过本机器人告诉您结果");
    expect(deputy.texts().join("\n")).toContain("柳家村的井盖丢了。");
  });

  it("does not tell an English citizen that deputies will handle it when none can", async () => {
    const english = bot.user(3699, { languageCode: "en" });
    await english.onboard("QS-YK-ST");
    await raiseConcern(bot, english, "No bus stop sign.");
    const submitted = english.texts().at(-1)!;
    expect(submitted).toContain("has gone to the station's administrators");
    expect(submitted).not.toContain("The deputies will tell you");
  });
});
